import { randomUUID } from 'node:crypto';
import { ArmError, type ErrorCode, type Recall, type RecallCause, type RecallMark, type RequestState } from '../../../shared/api';
import type { RefusalGround } from '../../../shared/catalog/schema';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { intakeCatalog } from '../intake/drafts';
import type { RequestRow } from '../requests/repository';

// The centre supervisor's recall list (список обзвона): a request that did not get through — the
// gateway refused its message, the provider returned the package or refused the service — is
// someone's call back. A row is added in the transaction of what caused it; each call is a mark.

const CLOSED_SHOWN_MS = 30 * 86_400_000;

/** Adds the recall of a centre-side request, unless one for the same cause is still open (a retried message refused again). */
export function addRecall(
  db: Db,
  request: Pick<RequestRow, 'id' | 'side'>,
  cause: RecallCause,
  now: Date,
  details: { code?: string | null; grounds?: readonly RefusalGround['code'][]; reason?: string | null } = {},
): void {
  if (request.side !== 'centre') return;
  if (db.prepare('SELECT 1 FROM recalls WHERE request_id = ? AND cause = ? AND closed_at IS NULL').get(request.id, cause)) return;
  const { seq } = db.prepare('SELECT coalesce(max(rowid), 0) AS seq FROM outbox WHERE request_id = ?').get(request.id) as { seq: number };
  db.prepare('INSERT INTO recalls (id, request_id, cause, code, grounds, reason, created_at, outbox_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    randomUUID(),
    request.id,
    cause,
    details.code ?? null,
    JSON.stringify(details.grounds ?? []),
    details.reason?.trim() || null,
    now.toISOString(),
    seq,
  );
}

interface RecallRow {
  id: string;
  request_id: string;
  cause: RecallCause;
  code: string | null;
  grounds: string;
  reason: string | null;
  created_at: string;
  outbox_seq: number;
  closed_at: string | null;
  number: string;
  service_id: string;
  variant_id: string | null;
  state: RequestState;
  applicant_name: string | null;
  content: string | null;
  resent: number;
}

const SELECT = `SELECT c.id, c.request_id, c.cause, c.code, c.grounds, c.reason, c.created_at, c.outbox_seq, c.closed_at,
    r.number, r.service_id, r.variant_id, r.state, r.applicant_name, r.content,
    EXISTS (SELECT 1 FROM outbox o WHERE o.request_id = c.request_id AND o.rowid > c.outbox_seq AND json_extract(o.message, '$.kind') = 'request') AS resent
  FROM recalls c JOIN requests r ON r.id = c.request_id`;

/** The phone the applicant gave on the application form, where the regulation's form has a phone field. */
function phoneOf(row: RecallRow): string | null {
  if (!row.content) return null;
  const fields = (JSON.parse(row.content) as { fields?: Record<string, string> }).fields ?? {};
  const variant = intakeCatalog().get(row.service_id)?.variants.find((candidate) => candidate.id === row.variant_id);
  const keys = variant ? variant.applicationForm.fields.filter((field) => field.type === 'phone').map((field) => field.key) : ['applicantPhone'];
  for (const key of keys) if (fields[key]?.trim()) return fields[key]!.trim();
  return null;
}

function view(db: Db, row: RecallRow): Recall {
  const marks = (db.prepare('SELECT m.mark, m.note, m.at, coalesce(u.full_name, m.by_id) AS by FROM recall_marks m LEFT JOIN users u ON u.id = m.by_id WHERE m.recall_id = ? ORDER BY m.at, m.rowid').all(row.id) as Array<{
    mark: RecallMark;
    note: string | null;
    at: string;
    by: string;
  }>);
  const last = marks.at(-1)?.mark;
  return {
    id: row.id,
    requestId: row.request_id,
    number: row.number,
    service: intakeCatalog().get(row.service_id)?.name ?? { ru: row.service_id, kk: row.service_id },
    requestState: row.state,
    applicantName: row.applicant_name ?? '',
    applicantPhone: phoneOf(row),
    cause: row.cause,
    code: (row.code as ErrorCode | null) ?? null,
    grounds: JSON.parse(row.grounds) as Recall['grounds'],
    reason: row.reason,
    createdAt: row.created_at,
    state: last === undefined ? 'open' : last,
    resent: row.resent === 1,
    marks,
  };
}

/** Open recalls (never marked, or the last call did not get through) oldest first; closed ones of the last 30 days on request. */
export function listRecalls(db: Db, includeClosed: boolean, now: Date): { recalls: Recall[]; open: number } {
  const since = new Date(now.getTime() - CLOSED_SHOWN_MS).toISOString();
  const rows = db
    .prepare(`${SELECT} WHERE c.closed_at IS NULL ${includeClosed ? 'OR c.closed_at >= ?' : ''} ORDER BY c.closed_at IS NOT NULL, c.created_at, c.rowid`)
    .all(...(includeClosed ? [since] : [])) as RecallRow[];
  const recalls = rows.map((row) => view(db, row));
  return { recalls, open: recalls.filter((recall) => recall.state === 'open' || recall.state === 'unreachable').length };
}

/**
 * One call back. «Informed» and «resent» close the recall; «could not reach» keeps it open for the
 * next try. «Resent» only when a request message left after the recall (outbox.resend checks the
 * operator's new signature) — never for a refusal of the service, which is final.
 */
export function markRecall(db: Db, input: { recallId: string; mark: RecallMark; note?: string | undefined }, userId: string, now: Date): Recall {
  return db.transaction(() => {
    const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(input.recallId) as RecallRow | undefined;
    if (!row) throw new ArmError('NOT_FOUND', 'No such recall.');
    if (row.closed_at) throw new ArmError('STATE_CONFLICT', 'The recall is closed already.', undefined, { from: view(db, row).state, to: input.mark });
    if (input.mark === 'resent' && (row.cause === 'providerRefused' || row.resent !== 1)) {
      throw new ArmError('RECALL_NOT_RESENT', 'The request has not been re-signed and resent since it came back.', undefined, { number: row.number });
    }
    const at = now.toISOString();
    db.prepare('INSERT INTO recall_marks (recall_id, mark, note, by_id, at) VALUES (?, ?, ?, ?, ?)').run(row.id, input.mark, input.note || null, userId, at);
    if (input.mark !== 'unreachable') db.prepare('UPDATE recalls SET closed_at = ? WHERE id = ?').run(at, row.id);
    appendAudit(db, { userId, action: 'recall.mark', objectType: 'request', objectId: row.request_id, details: { recall: row.id, cause: row.cause, mark: input.mark } }, now);
    return view(db, { ...row, closed_at: input.mark === 'unreachable' ? null : at });
  })();
}
