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
  // returned: the gateway refused its message and the supervisor withdrew it from the parked list.
  queued: { sent: ['system'], withdrawn: COUNTER, returned: ['system'] },
  // The centre's copy follows the provider's status notices (registered, in work, decided; the
  // sync engine moves it) and reaches resultAtCentre on the signed result (electron/core/inbox).
  // A notice may be overtaken by the result or a later notice, hence the forward jumps. A request
  // the provider could not apply comes back `returned` with the reason.
  sent: { registered: ['system', 'clerk'], inWork: ['system'], decided: ['system'], resultAtCentre: ['system'], returned: ['system'] },
  // The provider returns a defective package to the centre (004 App.1 T2 c7; notices/provider.ts).
  registered: { inWork: ['clerk', 'system'], decided: ['system'], resultAtCentre: ['system'], returned: ['system', 'clerk', 'head'] },
  inWork: { decided: ['clerk', 'system'], resultAtCentre: ['system'], returned: ['system', 'clerk', 'head'] },
  // The head signs the result, or returns it to the clerk with a comment.
  decided: { resultSigned: ['head'], inWork: ['head', 'system'], resultAtCentre: ['system'] },
  resultSigned: { resultAtCentre: ['system'] },
  resultAtCentre: { issued: COUNTER },
  issued: {},
  refusedAtIntake: {},
  withdrawn: {},
  // The operator resends it once the cause is fixed (a new message), or withdraws it.
  returned: { queued: COUNTER, withdrawn: COUNTER },
};

export type MoveCheck = 'ok' | 'state' | 'actor';

export function checkMove(from: RequestState, to: RequestState, actor: Actor): MoveCheck {
  const actors = TRANSITIONS[from][to];
  if (!actors) return 'state';
  return actors.includes(actor) ? 'ok' : 'actor';
}
