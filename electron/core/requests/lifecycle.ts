import type { RequestState, Role } from '../../../shared/api';

/** Who moves a request: a person in a role, or the sync engine acting on the gateway's word. */
export type Actor = Role | 'system';

const COUNTER: Actor[] = ['operator', 'mobileOperator'];

/**
 * Every legal move and who may make it. Anything not listed is refused with STATE_CONFLICT
 * (wrong state) or FORBIDDEN (wrong actor). Withdrawal is local only until the request has left
 * the outbox; after that it is the provider's business.
 */
export const TRANSITIONS: Readonly<Record<RequestState, Partial<Record<RequestState, readonly Actor[]>>>> = {
  draft: { signed: COUNTER, refusedAtIntake: COUNTER, withdrawn: COUNTER },
  signed: { queued: [...COUNTER, 'system'], withdrawn: COUNTER },
  queued: { sent: ['system'], withdrawn: COUNTER },
  // The centre hears of the provider's work only when the result arrives: its request goes from
  // sent (or registered) straight to resultAtCentre on the signed result (electron/core/inbox).
  sent: { registered: ['system', 'clerk'], resultAtCentre: ['system'] },
  registered: { inWork: ['clerk'], resultAtCentre: ['system'] },
  inWork: { decided: ['clerk'] },
  // The head signs the result, or returns it to the clerk with a comment.
  decided: { resultSigned: ['head'], inWork: ['head'] },
  resultSigned: { resultAtCentre: ['system'] },
  resultAtCentre: { issued: COUNTER },
  issued: {},
  refusedAtIntake: {},
  withdrawn: {},
};

export type MoveCheck = 'ok' | 'state' | 'actor';

export function checkMove(from: RequestState, to: RequestState, actor: Actor): MoveCheck {
  const actors = TRANSITIONS[from][to];
  if (!actors) return 'state';
  return actors.includes(actor) ? 'ok' : 'actor';
}
