import type { RequestContent, RequestState } from '../../../shared/api';
import type { Db } from '../db/database';

// Intake's SQL: the draft as SQLite keeps it (one JSON row per request, rewritten in one
// statement on every change, so a killed process leaves the previous or the next version, never
// half of one) and the columns of `requests` that intake fills.

export interface DraftRow {
  data: string;
  prepared: string | null;
}

export interface DraftListRow {
  id: string;
  number: string;
  service_id: string;
  applicant_name: string | null;
  updated_at: string;
}

/** The draft row of a new request, with the variant and the provider it was routed to. */
export function insertDraftRow(db: Db, requestId: string, route: { variantId: string; provider: string }, data: unknown, now: Date): void {
  db.prepare('UPDATE requests SET variant_id = ?, provider = ? WHERE id = ?').run(route.variantId, route.provider, requestId);
  db.prepare('INSERT INTO intake_drafts (request_id, data, updated_at) VALUES (?, ?, ?)').run(requestId, JSON.stringify(data), now.toISOString());
}

export function readDraftRow(db: Db, requestId: string): DraftRow | undefined {
  return db.prepare('SELECT data, prepared FROM intake_drafts WHERE request_id = ?').get(requestId) as DraftRow | undefined;
}

/** An operator's open drafts, the latest changed first. */
export function listDraftRows(db: Db, createdBy: string): DraftListRow[] {
  return db
    .prepare("SELECT r.id, r.number, r.service_id, r.applicant_name, r.updated_at FROM requests r JOIN intake_drafts d ON d.request_id = r.id WHERE r.state = 'draft' AND r.created_by = ? ORDER BY r.updated_at DESC")
    .all(createdBy) as DraftListRow[];
}

/** Writes the draft and forgets any content prepared for signing: it no longer matches. */
export function writeDraftRow(db: Db, requestId: string, data: unknown, applicant: { iin: string; name: string } | null, now: Date): void {
  db.transaction(() => {
    db.prepare('UPDATE intake_drafts SET data = ?, prepared = NULL, updated_at = ? WHERE request_id = ?').run(JSON.stringify(data), now.toISOString(), requestId);
    db.prepare('UPDATE requests SET applicant_iin = ?, applicant_name = ?, updated_at = ? WHERE id = ?').run(applicant?.iin ?? '', applicant?.name ?? null, now.toISOString(), requestId);
  })();
}

export function writePrepared(db: Db, requestId: string, content: RequestContent): void {
  db.prepare('UPDATE intake_drafts SET prepared = ? WHERE request_id = ?').run(JSON.stringify(content), requestId);
}

/** What the operator signed, kept on the request (the caller moves it to `signed` in the same transaction). */
export function writeSignedContent(db: Db, requestId: string, signed: { content: RequestContent; contentSha256: string; cms: string }): void {
  db.prepare('UPDATE requests SET content = ?, content_sha256 = ?, signature = ?, due_by = ? WHERE id = ?').run(
    JSON.stringify(signed.content),
    signed.contentSha256,
    signed.cms,
    signed.content.dueBy,
    requestId,
  );
}

// A business duplicate (повторное обращение): the same applicant with a request of the same service
// still open at this centre. Flagged at the counter; the operator continues only with a reason,
// which is audited. Requests of other centres are not in this database: the provider sees those
// on receipt.

// A request returned by its provider is closed here too: the operator takes it in again.
const CLOSED: RequestState[] = ['issued', 'refusedAtIntake', 'withdrawn', 'returned'];

export interface Duplicate {
  requestId: string;
  number: string;
  state: RequestState;
  centre: string;
}

export function findDuplicates(db: Db, draft: { requestId: string; serviceId: string; applicantIin: string | null }): Duplicate[] {
  if (!draft.applicantIin) return [];
  return db
    .prepare(
      `SELECT id AS requestId, number, state, centre FROM requests
       WHERE side = 'centre' AND applicant_iin = ? AND service_id = ? AND id <> ? AND state NOT IN (${CLOSED.map(() => '?').join(', ')})
       ORDER BY created_at`,
    )
    .all(draft.applicantIin, draft.serviceId, draft.requestId, ...CLOSED) as Duplicate[];
}
