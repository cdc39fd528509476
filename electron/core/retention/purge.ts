import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { removeAttachment } from '../documents/store';

// Retention (сроки хранения): a request's personal data and scans are purged a set number of days
// after it ends — issued (and nothing about it still waiting in the outbox, so the gateway has
// acknowledged everything this workstation sent about it), refused at intake, or withdrawn, each on
// its own term. The row stays with its number, service, states and dates (the reports count them);
// the audit entries keep only ids and counts. A request whose child or family still waits in a queue
// register (003 Рег.3 preschool, Рег.7 housing: the queue notice is its issued result) is not finished
// for the applicant: its application and documents stay until the entry leaves the queue (referred or
// withdrawn), since the place in the queue rests on them. The terms come from the organisation's records
// schedule (номенклатура дел), so there is no default here: a term not set purges nothing.

export interface RetentionTerms {
  issuedDays: number | null;
  refusedDays: number | null;
  withdrawnDays: number | null;
}

export interface PurgeReport {
  at: string;
  requests: { issued: number; refusedAtIntake: number; withdrawn: number };
  scans: number;
  refusedMessages: number;
}

const DAY = 86_400_000;
const HASH = /[0-9a-f]{64}/g;

type Ending = 'issued' | 'refusedAtIntake' | 'withdrawn';

function dueRequests(db: Db, state: Ending, days: number | null, now: Date): string[] {
  if (days === null) return [];
  const before = new Date(now.getTime() - days * DAY).toISOString();
  // The move into the final state dates the term; a row the outbox still holds is not finished.
  return (
    db
      .prepare(
        `SELECT r.id FROM requests r
          WHERE r.state = ? AND r.purged_at IS NULL
            AND (SELECT max(e.at) FROM request_events e WHERE e.request_id = r.id AND e.to_state = r.state) <= ?
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.request_id = r.id AND o.state = 'pending')
            AND NOT EXISTS (SELECT 1 FROM queue_entries q WHERE q.request_id = r.id AND q.state = 'waiting')
          ORDER BY r.rowid`,
      )
      .all(state, before) as { id: string }[]
  ).map((row) => row.id);
}

/** Every scan hash a row of this request still names: its content, draft, messages, result. */
function hashesOf(db: Db, requestId: string): Set<string> {
  const texts = db
    .prepare(
      `SELECT content AS text FROM requests WHERE id = @id
       UNION ALL SELECT data FROM intake_drafts WHERE request_id = @id
       UNION ALL SELECT message FROM outbox WHERE request_id = @id
       UNION ALL SELECT content FROM results WHERE request_id = @id`,
    )
    .all({ id: requestId }) as { text: string | null }[];
  return new Set(texts.flatMap(({ text }) => text?.match(HASH) ?? []));
}

/** The scans any row still names (after a purge, the ones to keep). */
function referencedHashes(db: Db): Set<string> {
  const found = new Set<string>();
  const sources = [
    'SELECT content AS text FROM requests WHERE content IS NOT NULL',
    'SELECT data AS text FROM intake_drafts',
    'SELECT message AS text FROM outbox',
    'SELECT content AS text FROM results',
  ];
  for (const sql of sources) {
    for (const { text } of db.prepare(sql).iterate() as Iterable<{ text: string }>) {
      for (const hash of text.match(HASH) ?? []) found.add(hash);
    }
  }
  return found;
}

/** One request's personal data, in one transaction with its audit entry. */
function purgeRequest(db: Db, requestId: string, now: Date): void {
  db.transaction(() => {
    const insert = db.prepare('INSERT OR IGNORE INTO purge_scans (sha256) VALUES (?)');
    for (const hash of hashesOf(db, requestId)) insert.run(hash);
    db.prepare(
      `UPDATE requests SET applicant_iin = '', applicant_name = NULL, content = NULL, signature = NULL, unverified = '[]', received = NULL, purged_at = ? WHERE id = ?`,
    ).run(now.toISOString(), requestId);
    db.prepare('DELETE FROM intake_drafts WHERE request_id = ?').run(requestId);
    db.prepare('DELETE FROM request_marks WHERE request_id = ?').run(requestId);
    db.prepare('DELETE FROM results WHERE request_id = ?').run(requestId);
    db.prepare("UPDATE outbox SET message = '{}' WHERE request_id = ?").run(requestId);
    db.prepare('UPDATE request_events SET comment = NULL WHERE request_id = ?').run(requestId);
    db.prepare('UPDATE recall_marks SET note = NULL WHERE recall_id IN (SELECT id FROM recalls WHERE request_id = ?)').run(requestId);
    db.prepare('UPDATE recalls SET reason = NULL WHERE request_id = ?').run(requestId);
    appendAudit(db, { userId: null, action: 'retention.purged', objectType: 'request', objectId: requestId }, now);
  })();
}

export interface PurgeOptions {
  db: Db;
  dataDir: string;
  terms: RetentionTerms;
  now: Date;
  /** After each request is committed; the crash test kills the process here. */
  onPurged?: (requestId: string) => void;
}

/**
 * Purges what is due, one request per transaction, then the scans nothing names any more. Killed
 * at any point, the next run finishes the job: a committed request is purged, an uncommitted one
 * is due again, and a scan left behind is named by nothing and removed then.
 */
export function purgeDue({ db, dataDir, terms, now, onPurged }: PurgeOptions): PurgeReport {
  // Deleted rows are overwritten, not left in free pages; the WAL is folded in at the end.
  db.pragma('secure_delete = ON');
  const requests = { issued: 0, refusedAtIntake: 0, withdrawn: 0 };
  const plan: Array<[Ending, number | null]> = [
    ['issued', terms.issuedDays],
    ['refusedAtIntake', terms.refusedDays],
    ['withdrawn', terms.withdrawnDays],
  ];
  for (const [state, days] of plan) {
    for (const id of dueRequests(db, state, days, now)) {
      purgeRequest(db, id, now);
      requests[state] += 1;
      onPurged?.(id);
    }
  }
  // The scans of purged requests (this run's and a killed run's) that no other row names.
  const referenced = referencedHashes(db);
  let scans = 0;
  for (const { sha256 } of db.prepare('SELECT sha256 FROM purge_scans').all() as { sha256: string }[]) {
    if (!referenced.has(sha256) && removeAttachment(dataDir, sha256)) scans += 1;
    db.prepare('DELETE FROM purge_scans WHERE sha256 = ?').run(sha256);
  }
  let refusedMessages = 0;
  if (terms.refusedDays !== null) {
    const before = new Date(now.getTime() - terms.refusedDays * DAY).toISOString();
    refusedMessages = db.prepare('DELETE FROM inbox_refused WHERE received_at <= ?').run(before).changes;
  }
  const report: PurgeReport = { at: now.toISOString(), requests, scans, refusedMessages };
  if (requests.issued + requests.refusedAtIntake + requests.withdrawn + scans + refusedMessages > 0) {
    db.transaction(() => appendAudit(db, { userId: null, action: 'retention.report', details: { ...requests, scans, refusedMessages } }, now))();
    db.prepare("INSERT INTO requests_name (requests_name) VALUES ('optimize')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return report;
}
