import { randomUUID } from 'node:crypto';
import { ArmError, type Outcome, type RequestContent, type RequestState } from '../../../shared/api';
import { localDayCompact } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { nextInSequence } from '../db/sequences';
import type { StatusNotice } from '../../../shared/gateway/api';
import { NOTIFIED_STATES, queueStatus } from './status';
import { checkMove, type Actor } from './lifecycle';

export interface RequestRow {
  id: string;
  number: string;
  service_id: string;
  state: RequestState;
  outcome: Outcome | null;
  applicant_iin: string;
  centre: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  unverified: string;
  side: 'centre' | 'provider';
  variant_id: string | null;
  provider: string | null;
  applicant_name: string | null;
  due_by: string | null;
  content: string | null;
  content_sha256: string | null;
  signature: string | null;
  message_id: string | null;
  received: string | null;
  assignee_id: string | null;
}

export interface Mover {
  userId: string | null;
  actor: Actor;
}

/** Request numbers a person can read out at the counter: centre-day-sequence. */
function nextNumber(db: Db, centre: string, now: Date): string {
  const day = localDayCompact(now);
  const prefix = `${centre}-${day}-`;
  return prefix + String(nextInSequence(db, prefix, 'requests')).padStart(4, '0');
}

export function findRequest(db: Db, id: string): RequestRow {
  const row = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!row) throw new ArmError('NOT_FOUND', 'No such request.');
  return row;
}

export function createDraft(db: Db, draft: { serviceId: string; applicantIin: string; centre: string }, by: Mover & { userId: string }, now: Date): RequestRow {
  const id = randomUUID();
  return db.transaction(() => {
    const number = nextNumber(db, draft.centre, now);
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
    ).run(id, number, draft.serviceId, draft.applicantIin, draft.centre, by.userId, at, at);
    db.prepare("INSERT INTO request_events (request_id, at, from_state, to_state, actor_id, actor_role) VALUES (?, ?, NULL, 'draft', ?, ?)").run(id, at, by.userId, by.actor);
    appendAudit(db, { userId: by.userId, action: 'request.draft', objectType: 'request', objectId: id, details: { number, serviceId: draft.serviceId, applicantIin: draft.applicantIin } }, now);
    return findRequest(db, id);
  })();
}

export function personName(person: { surname: string; name: string; patronymic: string | null }): string {
  return [person.surname, person.name, person.patronymic].filter(Boolean).join(' ');
}

export interface Received {
  messageId: string;
  content: RequestContent;
  contentSha256: string;
  /** The operator's detached CMS, base64. */
  signature: string;
  /** What the gateway and the signature check said (JSON-safe). */
  received: Record<string, unknown>;
}

/**
 * A request that reached the provider through the gateway, registered on arrival (регистрация
 * заявления): the row, its first event and the audit entry in one transaction.
 */
export function insertReceived(db: Db, request: Received, now: Date): RequestRow {
  const id = randomUUID();
  const { content } = request;
  return db.transaction(() => {
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, side, variant_id, provider,
         applicant_name, due_by, content, content_sha256, signature, message_id, received)
       VALUES (?, ?, ?, 'registered', ?, ?, 'system', ?, ?, 'provider', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      content.number,
      content.serviceId,
      content.applicant.iin,
      content.centre,
      at,
      at,
      content.variantId,
      content.provider,
      personName(content.applicant),
      content.dueBy,
      JSON.stringify(content),
      request.contentSha256,
      request.signature,
      request.messageId,
      JSON.stringify(request.received),
    );
    db.prepare("INSERT INTO request_events (request_id, at, from_state, to_state, actor_id, actor_role) VALUES (?, ?, NULL, 'registered', NULL, 'system')").run(id, at);
    appendAudit(db, { userId: null, action: 'request.received', objectType: 'request', objectId: id, details: { number: content.number, messageId: request.messageId, from: content.centre } }, now);
    const received = findRequest(db, id);
    queueStatus(db, received, 'registered', now);
    return received;
  })();
}

/**
 * Moves a request one step, checking the current state and the actor, and writes the event and
 * the audit entry in the same transaction. `outcome` goes with the move to "decided".
 */
/**
 * The centre resent a request this provider had returned for defects (notices.returnToCentre): the
 * same copy takes the new message and content and is registered again, with its event, the audit
 * entry and the status notice, as on first arrival. The executor is appointed anew.
 */
export function reopenReturned(db: Db, id: string, request: Received, now: Date): RequestRow {
  const { content } = request;
  return db.transaction(() => {
    const at = now.toISOString();
    db.prepare(
      `UPDATE requests SET state = 'registered', content = ?, content_sha256 = ?, signature = ?, message_id = ?, received = ?, due_by = ?, applicant_name = ?, assignee_id = NULL, updated_at = ?
       WHERE id = ? AND side = 'provider' AND state = 'returned'`,
    ).run(JSON.stringify(content), request.contentSha256, request.signature, request.messageId, JSON.stringify(request.received), content.dueBy, personName(content.applicant), at, id);
    db.prepare("INSERT INTO request_events (request_id, at, from_state, to_state, actor_id, actor_role, comment) VALUES (?, ?, 'returned', 'registered', NULL, 'system', ?)").run(id, at, request.messageId);
    appendAudit(db, { userId: null, action: 'request.received', objectType: 'request', objectId: id, details: { number: content.number, messageId: request.messageId, from: content.centre, resent: true } }, now);
    const received = findRequest(db, id);
    queueStatus(db, received, 'registered', now);
    return received;
  })();
}

export function moveRequest(db: Db, id: string, to: RequestState, by: Mover, now: Date, extra: { outcome?: Outcome; comment?: string } = {}): RequestRow {
  return db.transaction(() => {
    const request = findRequest(db, id);
    const check = checkMove(request.state, to, by.actor);
    if (check === 'state') {
      throw new ArmError('STATE_CONFLICT', `A request in state ${request.state} cannot move to ${to}.`, undefined, { from: request.state, to });
    }
    if (check === 'actor') throw new ArmError('FORBIDDEN', `${by.actor} may not move a request from ${request.state} to ${to}.`);
    // The centre's copy hears "decided" from the provider's status notice, which does not say how.
    if (to === 'decided' && by.actor !== 'system' && !extra.outcome) throw new ArmError('VALIDATION_FAILED', 'A decision needs its outcome.', [{ path: 'outcome', message: 'required' }]);
    const at = now.toISOString();
    db.prepare('UPDATE requests SET state = ?, outcome = coalesce(?, outcome), updated_at = ? WHERE id = ?').run(to, extra.outcome ?? null, at, id);
    db.prepare('INSERT INTO request_events (request_id, at, from_state, to_state, actor_id, actor_role, comment) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      at,
      request.state,
      to,
      by.userId,
      by.actor,
      extra.comment ?? null,
    );
    appendAudit(
      db,
      { userId: by.userId, action: `request.${to}`, objectType: 'request', objectId: id, details: { from: request.state, ...(extra.outcome ? { outcome: extra.outcome } : {}) } },
      now,
    );
    const moved = findRequest(db, id);
    if ((NOTIFIED_STATES as readonly string[]).includes(to)) queueStatus(db, moved, to as StatusNotice['state'], now);
    return moved;
  })();
}

export function requestHistory(db: Db, id: string) {
  return db.prepare('SELECT at, from_state AS "from", to_state AS "to", actor_id AS actorId, actor_role AS actorRole, comment FROM request_events WHERE request_id = ? ORDER BY seq').all(id) as Array<{
    at: string;
    from: RequestState | null;
    to: RequestState;
    actorId: string | null;
    actorRole: Actor;
    comment: string | null;
  }>;
}
