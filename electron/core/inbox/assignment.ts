import { ArmError, type Caller } from '../../../shared/api';
import type { Variant } from '../../../shared/catalog/schema';
import { appendAudit } from '../audit/log';
import { findById } from '../auth/accounts';
import type { Db } from '../db/database';
import { moveRequest, type RequestRow } from '../requests/repository';
import { departmentRequest } from './repository';
import { findVariant } from './variant';

// Who works a request at the department (ответственный исполнитель / жауапты орындаушы).
// The provider regulations (п.5) put the head's resolution between registration and the work:
// «руководитель услугодателя в течение 15 (пятнадцати) минут накладывает резолюцию и направляет
// документы ответственному исполнителю услугодателя». Built on today's roles: the executor is a
// clerk account, the head appoints or reassigns (with a comment), and a clerk takes a request
// only where the regulation has no resolution step. One request, one assignee: a second clerk is
// refused with STATE_CONFLICT naming who holds it. (Issue 17's provider chain is not built yet.)

type Person = NonNullable<Caller>;

/** A head step directly before the executor's (or specialist's) is the resolution that appoints them. */
export function hasResolutionStep(variant: Pick<Variant, 'steps'> | null): boolean {
  const steps = variant?.steps ?? [];
  return steps.some((step, index) => step.actor === 'head' && ['executor', 'specialist'].includes(steps[index + 1]?.actor ?? ''));
}

function variantOf(request: RequestRow): Variant | null {
  return findVariant(request.service_id, request.variant_id);
}

export function assigneeOf(db: Db, request: Pick<RequestRow, 'assignee_id'>): { userId: string; fullName: string } | null {
  if (!request.assignee_id) return null;
  return { userId: request.assignee_id, fullName: findById(db, request.assignee_id)?.full_name ?? request.assignee_id };
}

/** STATE_CONFLICT that says who holds the request (the renderer shows the name). */
function heldBy(db: Db, request: RequestRow): ArmError {
  const holder = assigneeOf(db, request)!.fullName;
  return new ArmError('STATE_CONFLICT', `The request is in work with ${holder}.`, undefined, { from: request.state, to: 'inWork', holder });
}

const ASSIGNABLE = new Set(['registered', 'inWork']);

/** The head appoints the executor, or reassigns with a comment; the executor is an active clerk. */
export function assign(db: Db, input: { requestId: string; clerkId: string; comment: string }, by: Person, now: Date): void {
  const request = departmentRequest(db, input.requestId);
  if (!ASSIGNABLE.has(request.state)) throw new ArmError('STATE_CONFLICT', `The request is ${request.state}: nobody is appointed now.`, undefined, { from: request.state, to: 'inWork' });
  const clerk = findById(db, input.clerkId);
  if (!clerk || clerk.role !== 'clerk' || clerk.active !== 1) throw new ArmError('ASSIGNEE_INVALID', 'The executor must be an active clerk account.');
  const comment = input.comment.trim();
  const reassigning = request.assignee_id !== null && request.assignee_id !== clerk.id;
  if (reassigning && !comment) throw new ArmError('VALIDATION_FAILED', 'A reassignment needs a comment.', [{ path: 'comment', message: 'required' }]);
  db.transaction(() => {
    db.prepare('UPDATE requests SET assignee_id = ? WHERE id = ?').run(clerk.id, request.id);
    db.prepare('INSERT INTO request_assignments (request_id, at, assignee_id, by_id, comment) VALUES (?, ?, ?, ?, ?)').run(request.id, now.toISOString(), clerk.id, by.userId, comment || null);
    appendAudit(
      db,
      { userId: by.userId, action: reassigning ? 'request.reassign' : 'request.assign', objectType: 'request', objectId: request.id, details: { assignee: clerk.id, previous: request.assignee_id, comment: comment || null } },
      now,
    );
  })();
}

/**
 * A clerk takes the request into work: the one the head appointed, or anyone where the regulation
 * has no resolution step. The claim and the move are one transaction, so of two clerks racing
 * for a request exactly one gets it.
 */
export function take(db: Db, requestId: string, caller: Person, now: Date): void {
  db.transaction(() => {
    const request = departmentRequest(db, requestId);
    if (request.assignee_id && request.assignee_id !== caller.userId) throw heldBy(db, request);
    if (!request.assignee_id && hasResolutionStep(variantOf(request))) {
      throw new ArmError('ASSIGNMENT_REQUIRED', 'The head appoints the executor of this service (resolution).');
    }
    if (!request.assignee_id) db.prepare('UPDATE requests SET assignee_id = ? WHERE id = ?').run(caller.userId, requestId);
    moveRequest(db, requestId, 'inWork', { userId: caller.userId, actor: caller.role }, now);
  })();
}

/** Only the assignee works the request (checks the documents, decides). */
export function requireAssignee(db: Db, request: RequestRow, caller: Person): void {
  if (request.assignee_id === caller.userId) return;
  if (!request.assignee_id) throw new ArmError('ASSIGNMENT_REQUIRED', 'Nobody is appointed to this request yet.');
  throw heldBy(db, request);
}

/** The department's active clerks, whom the head may appoint. */
export function activeClerks(db: Db): Array<{ userId: string; fullName: string }> {
  return (db.prepare("SELECT id, full_name FROM users WHERE role = 'clerk' AND active = 1 ORDER BY full_name").all() as Array<{ id: string; full_name: string }>).map((row) => ({
    userId: row.id,
    fullName: row.full_name,
  }));
}
