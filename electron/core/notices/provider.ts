import { randomUUID } from 'node:crypto';
import { ArmError, requestContentSchema, type Caller } from '../../../shared/api';
import { kzCalendar } from '../../../shared/calendar/calendar';
import { returnNorm, type ReturnNorm } from '../../../shared/catalog/returns';
import type { RequestNotice } from '../../../shared/gateway/api';
import { canonicalBytes, fromBase64, verifyDetached } from '../../../shared/signing';
import { requireSignerRole } from '../../../shared/signing/roles';
import type { CryptoProvider } from '../../../shared/crypto';
import { formatDate, localDateTime, localDay } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import { findById } from '../auth/accounts';
import type { Db } from '../db/database';
import { requireAssignee } from '../inbox/assignment';
import { departmentRequest } from '../inbox/repository';
import { readTrust } from '../inbox/settings';
import { findVariant } from '../inbox/variant';
import { enqueue } from '../outbox/queue';
import { moveRequest, type RequestRow } from '../requests/repository';

// The provider's side: the executor extends a request's term or returns its package to the centre
// for defects; each goes to the centre as a message of kind `notice` in the transaction of the
// change. A person decides each, so each is signed with that person's ЭЦП, through the same path
// as a result: `prepare…` gives the exact notice, any Signer (key file, NCALayer) signs its
// canonical bytes, and the core verifies the CMS (chain, CRL, IIN, key role) before it queues it.

type Person = NonNullable<Caller>;
type Kind = Pick<RequestNotice, 'kind' | 'reason'> & { dueBy?: string };

/** A prepared notice is signed at once: older than this, or from the future, it is prepared anew. */
const SIGN_WITHIN_MS = 15 * 60_000;

/** The executor acts; the head, who appoints and signs, may too. */
function requireExecutor(db: Db, request: RequestRow, caller: Person): void {
  if (caller.role !== 'head') requireAssignee(db, request, caller);
}

function noticePayload(db: Db, request: RequestRow, kind: Kind, caller: Person, at: string): RequestNotice {
  const person = findById(db, caller.userId);
  if (!person) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
  return { messageId: request.message_id!, requestNumber: request.number, at, by: person.full_name, iin: person.iin, ...kind };
}

/** The clerk's CMS over exactly this notice, checked as the gateway and the centre will check it. */
function verifyNotice(db: Db, notice: RequestNotice, cmsBase64: string, now: Date, crypto?: CryptoProvider): void {
  const age = now.getTime() - Date.parse(notice.at);
  if (!(age >= 0 && age <= SIGN_WITHIN_MS)) throw new ArmError('NOTICE_STALE', `The notice was prepared at ${notice.at}.`, [{ path: 'at', message: 'stale' }]);
  const cms = fromBase64(cmsBase64);
  if (!cms) throw new ArmError('SIGNATURE_INVALID', 'The signature is not base64.');
  const trust = readTrust(db);
  const verified = verifyDetached({ cms, content: canonicalBytes(notice), trustedRoots: trust.roots, crls: trust.crls, crlGraceMs: trust.crlGraceMs, expectedIin: notice.iin, now, crypto });
  requireSignerRole(verified.signer, 'notice', null);
}

function queueNotice(db: Db, request: RequestRow, notice: RequestNotice, cms: string, now: Date): void {
  enqueue(
    db,
    { id: randomUUID(), kind: 'notice', from: request.provider!, to: request.centre, service: request.service_id, createdAt: now.toISOString(), attachments: [], payload: notice, signature: { format: 'cms', value: cms } },
    request.id,
    now,
  );
}

/** The extension's checks: its reason, a running term, the executor, a later date. */
function checkExtension(db: Db, input: { requestId: string; dueBy: string; reason: string }, caller: Person, now: Date): RequestRow {
  // The reason first: an extension without one is refused whatever else is wrong with it.
  if (input.reason.trim().length < 3) throw new ArmError('EXTENSION_REASON_REQUIRED', 'An extension needs its reason.', [{ path: 'reason', message: 'required' }]);
  const request = departmentRequest(db, input.requestId);
  if (!['registered', 'inWork'].includes(request.state)) throw new ArmError('STATE_CONFLICT', `A request in state ${request.state} has no running term.`, undefined, { from: request.state, to: 'extended' });
  requireExecutor(db, request, caller);
  const current = request.due_by?.slice(0, 10) ?? localDay(now);
  if (input.dueBy <= current) throw new ArmError('EXTENSION_DATE_INVALID', `${input.dueBy} is not after ${current}.`, [{ path: 'dueBy', message: 'not later' }]);
  return request;
}

export function prepareExtension(db: Db, input: { requestId: string; dueBy: string; reason: string }, caller: Person, now: Date) {
  const request = checkExtension(db, input, caller, now);
  return { notice: noticePayload(db, request, { kind: 'extended', dueBy: input.dueBy, reason: input.reason }, caller, now.toISOString()) };
}

export function extendTerm(db: Db, input: { requestId: string; dueBy: string; reason: string; at: string; cms: string }, caller: Person, now: Date, crypto?: CryptoProvider) {
  const request = checkExtension(db, input, caller, now);
  const notice = noticePayload(db, request, { kind: 'extended', dueBy: input.dueBy, reason: input.reason }, caller, input.at);
  verifyNotice(db, notice, input.cms, now, crypto);
  db.transaction(() => {
    db.prepare('UPDATE requests SET due_by = ?, updated_at = ? WHERE id = ?').run(input.dueBy, now.toISOString(), request.id);
    db.prepare('INSERT INTO term_extensions (request_id, at, from_due_by, to_due_by, reason, by_id) VALUES (?, ?, ?, ?, ?, ?)').run(request.id, now.toISOString(), request.due_by, input.dueBy, input.reason, caller.userId);
    queueNotice(db, request, notice, input.cms, now);
    appendAudit(db, { userId: caller.userId, action: 'notices.extend', objectType: 'request', objectId: request.id, details: { from: request.due_by, to: input.dueBy, signed: true } }, now);
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

/** The return's checks: written reasons, a request in hand, the regulation's norm, the executor. */
function checkReturn(db: Db, input: { requestId: string; reasons: string }, caller: Person, now: Date): RequestRow {
  if (input.reasons.trim().length < 5) throw new ArmError('RETURN_REASON_REQUIRED', 'A return needs its written reasons.', [{ path: 'reasons', message: 'required' }]);
  const request = departmentRequest(db, input.requestId);
  if (!['registered', 'inWork'].includes(request.state)) throw new ArmError('STATE_CONFLICT', `A request in state ${request.state} cannot be returned.`, undefined, { from: request.state, to: 'returned' });
  // Only a regulation that sets a norm limits the return (004's three working days); the others give none.
  const norm = requestReturnNorm(request);
  const until = norm ? returnDeadline(request.created_at, norm) : null;
  if (norm && until && localDay(now) > until) throw new ArmError('RETURN_TOO_LATE', `The return norm ended on ${until}.`, undefined, { days: norm.value, until: formatDate(until) });
  requireExecutor(db, request, caller);
  return request;
}

export function prepareReturn(db: Db, input: { requestId: string; reasons: string }, caller: Person, now: Date) {
  const request = checkReturn(db, input, caller, now);
  return { notice: noticePayload(db, request, { kind: 'returned', reason: input.reasons }, caller, now.toISOString()) };
}

export function returnToCentre(db: Db, input: { requestId: string; reasons: string; at: string; cms: string }, caller: Person, now: Date, crypto?: CryptoProvider) {
  const request = checkReturn(db, input, caller, now);
  const notice = noticePayload(db, request, { kind: 'returned', reason: input.reasons }, caller, input.at);
  verifyNotice(db, notice, input.cms, now, crypto);
  const moved = db.transaction(() => {
    const row = moveRequest(db, request.id, 'returned', { userId: caller.userId, actor: caller.role }, now, { comment: input.reasons });
    queueNotice(db, request, notice, input.cms, now);
    return row;
  })();
  return { requestId: moved.id, state: moved.state };
}
