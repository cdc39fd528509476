import type { Dashboard, RequestState } from '../../../shared/api';
import type { Db } from '../db/database';
import { localDateTime } from '../../../shared/time';
import { localDayStartUtc } from '../journal/search';

// Same open-state list and deadline moment as the journal's overdue filter (journal/search.ts),
// so the dashboard's counts and the journal's "overdue" agree.
const OPEN_STATES = "('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned')";
const DUE_MOMENT = "CASE WHEN length(due_by) = 10 THEN due_by || 'T24:00' ELSE due_by END";
const AT_COUNTER = "('draft', 'signed', 'queued', 'resultAtCentre')";

export function dashboard(db: Db, now: Date): Dashboard {
  const local = localDateTime(now);
  const today = local.slice(0, 10);
  const queue = (db.prepare(`SELECT count(*) AS n FROM requests WHERE state IN ${AT_COUNTER}`).get() as { n: number }).n;
  const outbox = db.prepare("SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending'").get() as { n: number; oldest: string | null };
  const byState = db.prepare('SELECT state, count(*) AS count FROM requests GROUP BY state ORDER BY state').all() as Array<{ state: RequestState; count: number }>;
  // An open request due today (by the end of the day, or at a minute still ahead) or already late.
  // Both sides named so the (side, state, due_by) index bounds due_by too, not only the state.
  const byProvider = db
    .prepare(
      `SELECT coalesce(provider, '') AS provider,
         sum(${DUE_MOMENT} >= ? AND substr(due_by, 1, 10) = ?) AS dueToday,
         sum(${DUE_MOMENT} < ?) AS overdue
       FROM requests
       WHERE side IN ('centre', 'provider') AND state IN ${OPEN_STATES} AND due_by IS NOT NULL AND due_by < ?
       GROUP BY provider HAVING dueToday > 0 OR overdue > 0 ORDER BY overdue DESC, provider`,
    )
    .all(local, today, local, today + 'T24') as Dashboard['byProvider'];
  const operatorsToday = db
    .prepare(
      `SELECT r.created_by AS operatorId, u.full_name AS fullName, count(*) AS count
       FROM requests r LEFT JOIN users u ON u.id = r.created_by
       WHERE r.created_at >= ? GROUP BY r.created_by ORDER BY count DESC`,
    )
    .all(localDayStartUtc(today)) as Dashboard['operatorsToday'];
  return { at: now.toISOString(), queue, unsynced: outbox.n, oldestUnsyncedAt: outbox.oldest, byState, byProvider, operatorsToday };
}
