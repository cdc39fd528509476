import type { RequestState, Role } from '../../../shared/api';

/** Who moves a request: a person in a role, or the sync engine acting on the gateway's word. */
export type Actor = Role | 'system';

const COUNTER: Actor[] = ['operator', 'mobileOperator'];
/** Who takes a request in: the counter and the provider's office worker (seed 001 п.5 пп.1). */
const INTAKE: Actor[] = [...COUNTER, 'officeWorker'];

/**
 * Every legal move and who may make it. Anything not listed is refused with STATE_CONFLICT
 * (wrong state) or FORBIDDEN (wrong actor). Withdrawal is local only until the request has left
 * the outbox; after that it is the provider's business.
 */
export const TRANSITIONS: Readonly<Record<RequestState, Partial<Record<RequestState, readonly Actor[]>>>> = {
  draft: { signed: INTAKE, refusedAtIntake: INTAKE, withdrawn: INTAKE },
  // Taken in at the provider's office, the request is registered there at once: no gateway.
  signed: { queued: [...COUNTER, 'system'], withdrawn: COUNTER, registered: ['officeWorker'] },
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
  // A request taken in at the office is issued there (001 п.5 пп.5 «работник канцелярии … выдает»).
  resultSigned: { resultAtCentre: ['system'], issued: ['officeWorker'] },
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
