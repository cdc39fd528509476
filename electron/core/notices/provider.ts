import { randomUUID } from 'node:crypto';
import { ArmError, requestContentSchema, type Caller } from '../../../shared/api';
import { kzCalendar } from '../../../shared/calendar/calendar';
import { returnNorm, type ReturnNorm } from '../../../shared/catalog/returns';
import type { RequestNotice } from '../../../shared/gateway/api';
import { formatDate, localDateTime, localDay } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import { findById } from '../auth/accounts';
import type { Db } from '../db/database';
import { requireAssignee } from '../inbox/assignment';
import { departmentRequest } from '../inbox/repository';
import { findVariant } from '../inbox/variant';
import { enqueue } from '../outbox/queue';
import { moveRequest, type RequestRow } from '../requests/repository';

// The provider's side: the executor extends a request's term or returns its package to the centre
// for defects; each goes to the centre as a message of kind `notice` in the transaction of the change.

type Person = NonNullable<Caller>;


/** The executor acts; the head, who appoints and signs, may too. */
function requireExecutor(db: Db, request: RequestRow, caller: Person): void {
  if (caller.role !== 'head') requireAssignee(db, request, caller);
}

function queueNotice(db: Db, request: RequestRow, notice: Omit<RequestNotice, 'messageId' | 'requestNumber' | 'at' | 'by'>, caller: Person, now: Date): void {
  const at = now.toISOString();
  const payload: RequestNotice = { messageId: request.message_id!, requestNumber: request.number, at, by: findById(db, caller.userId)?.full_name ?? '', ...notice };
  enqueue(db, { id: randomUUID(), kind: 'notice', from: request.provider!, to: request.centre, service: request.service_id, createdAt: at, attachments: [], payload }, request.id, now);
}

export function extendTerm(db: Db, input: { requestId: string; dueBy: string; reason: string }, caller: Person, now: Date) {
  // The reason first: an extension without one is refused whatever else is wrong with it.
  if (input.reason.trim().length < 3) throw new ArmError('EXTENSION_REASON_REQUIRED', 'An extension needs its reason.', [{ path: 'reason', message: 'required' }]);
  const request = departmentRequest(db, input.requestId);
  if (!['registered', 'inWork'].includes(request.state)) throw new ArmError('STATE_CONFLICT', `A request in state ${request.state} has no running term.`, undefined, { from: request.state, to: 'extended' });
  requireExecutor(db, request, caller);
  const current = request.due_by?.slice(0, 10) ?? localDay(now);
  if (input.dueBy <= current) throw new ArmError('EXTENSION_DATE_INVALID', `${input.dueBy} is not after ${current}.`, [{ path: 'dueBy', message: 'not later' }]);
  db.transaction(() => {
    db.prepare('UPDATE requests SET due_by = ?, updated_at = ? WHERE id = ?').run(input.dueBy, now.toISOString(), request.id);
    db.prepare('INSERT INTO term_extensions (request_id, at, from_due_by, to_due_by, reason, by_id) VALUES (?, ?, ?, ?, ?, ?)').run(request.id, now.toISOString(), request.due_by, input.dueBy, input.reason, caller.userId);
    queueNotice(db, request, { kind: 'extended', dueBy: input.dueBy, reason: input.reason }, caller, now);
    appendAudit(db, { userId: caller.userId, action: 'notices.extend', objectType: 'request', objectId: request.id, details: { from: request.due_by, to: input.dueBy } }, now);
  })();
  return { requestId: request.id, dueBy: input.dueBy };
}

/** The last local day a return is allowed: the regulation's norm after the provider received the request. */
export function returnDeadline(receivedAt: string, norm: ReturnNorm): string {
  return kzCalendar.deadline(localDateTime(new Date(receivedAt)), { value: norm.value, unit: norm.unit }).due.slice(0, 10);
}

/** The return norm of the request's own regulation (shared/catalog/returns.ts); null where it gives none. */
export function requestReturnNorm(request: RequestRow): ReturnNorm | null {
  const content = requestContentSchema.safeParse(JSON.parse(request.content ?? 'null'));
  const variant = content.success ? findVariant(content.data.serviceId, content.data.variantId) : null;
  return variant ? returnNorm(variant) : null;
}

export function returnToCentre(db: Db, input: { requestId: string; reasons: string }, caller: Person, now: Date) {
  if (input.reasons.trim().length < 5) throw new ArmError('RETURN_REASON_REQUIRED', 'A return needs its written reasons.', [{ path: 'reasons', message: 'required' }]);
  const request = departmentRequest(db, input.requestId);
  if (!['registered', 'inWork'].includes(request.state)) throw new ArmError('STATE_CONFLICT', `A request in state ${request.state} cannot be returned.`, undefined, { from: request.state, to: 'returned' });
  // Only a regulation that sets a norm limits the return (004's three working days); the others give none.
  const norm = requestReturnNorm(request);
  const until = norm ? returnDeadline(request.created_at, norm) : null;
  if (norm && until && localDay(now) > until) throw new ArmError('RETURN_TOO_LATE', `The return norm ended on ${until}.`, undefined, { days: norm.value, until: formatDate(until) });
  requireExecutor(db, request, caller);
  const moved = db.transaction(() => {
    const row = moveRequest(db, request.id, 'returned', { userId: caller.userId, actor: caller.role }, now, { comment: input.reasons });
    queueNotice(db, request, { kind: 'returned', reason: input.reasons }, caller, now);
    return row;
  })();
  return { requestId: moved.id, state: moved.state };
}
