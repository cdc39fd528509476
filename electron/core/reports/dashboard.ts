import type { Dashboard, RequestState } from '../../../shared/api';
import type { Db } from '../db/database';
import { localDateTime } from '../../../shared/time';
import { localDayStartUtc } from '../journal/search';

// Same open-state list and deadline moment as the journal's overdue filter (journal/search.ts),
// so the dashboard's counts and the journal's "overdue" agree. The counter tables and their
// triggers (migration 0011_counters) use the same list.
const OPEN_STATES = "('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned')";
const DUE_MOMENT = "CASE WHEN length(due_by) = 10 THEN due_by || 'T24:00' ELSE due_by END";
const AT_COUNTER = "('draft', 'signed', 'queued', 'resultAtCentre')";

type Counts = Pick<Dashboard, 'queue' | 'byState' | 'byProvider'>;

/**
 * The supervisor's dashboard, polled every 10 s: read from the counters the triggers keep
 * (a few hundred rows at most) instead of recounting every request.
 */
export function dashboard(db: Db, now: Date): Dashboard {
  const local = localDateTime(now);
  const today = local.slice(0, 10);
  const counts = fromCounters(db, local, today);
  const outbox = db.prepare("SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending' AND exported_at IS NULL").get() as { n: number; oldest: string | null };
  const operatorsToday = db
    .prepare(
      `SELECT r.created_by AS operatorId, u.full_name AS fullName, count(*) AS count
       FROM requests r LEFT JOIN users u ON u.id = r.created_by
       WHERE r.created_at >= ? GROUP BY r.created_by ORDER BY count DESC`,
    )
    .all(localDayStartUtc(today)) as Dashboard['operatorsToday'];
  return { at: now.toISOString(), ...counts, unsynced: outbox.n, oldestUnsyncedAt: outbox.oldest, operatorsToday };
}

function fromCounters(db: Db, local: string, today: string): Counts {
  const byState = db.prepare('SELECT state, n AS count FROM request_state_counts WHERE n > 0 ORDER BY state').all() as Array<{ state: RequestState; count: number }>;
  const queue = (db.prepare(`SELECT coalesce(sum(n), 0) AS n FROM request_state_counts WHERE state IN ${AT_COUNTER}`).get() as { n: number }).n;
  const byProvider = db
    .prepare(
      `SELECT provider,
         sum(CASE WHEN ${DUE_MOMENT} >= ? AND substr(due_by, 1, 10) = ? THEN n ELSE 0 END) AS dueToday,
         sum(CASE WHEN ${DUE_MOMENT} < ? THEN n ELSE 0 END) AS overdue
       FROM open_due_counts WHERE due_by < ?
       GROUP BY provider HAVING dueToday > 0 OR overdue > 0 ORDER BY overdue DESC, provider`,
    )
    .all(local, today, local, today + 'T24') as Dashboard['byProvider'];
  return { queue, byState, byProvider };
}

/** The same figures counted from the requests themselves: what the counters must equal. */
export function recount(db: Db, now: Date): Counts {
  const local = localDateTime(now);
  const today = local.slice(0, 10);
  const queue = (db.prepare(`SELECT count(*) AS n FROM requests WHERE state IN ${AT_COUNTER}`).get() as { n: number }).n;
  const byState = db.prepare('SELECT state, count(*) AS count FROM requests GROUP BY state ORDER BY state').all() as Array<{ state: RequestState; count: number }>;
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
  return { queue, byState, byProvider };
}

/**
 * The supervisor's "check": recounts and compares with the counters. A difference (a row written
 * around the triggers, e.g. by hand with sqlite3) is repaired by rebuilding the counters from the
 * recount, in one transaction, and reported.
 */
export function checkCounters(db: Db, now: Date): { consistent: boolean } {
  return db.transaction(() => {
    const kept = fromCounters(db, localDateTime(now), localDateTime(now).slice(0, 10));
    const counted = recount(db, now);
    const consistent = JSON.stringify(kept) === JSON.stringify(counted);
    if (!consistent) {
      db.exec('DELETE FROM request_state_counts; DELETE FROM open_due_counts;');
      db.exec('INSERT INTO request_state_counts (state, n) SELECT state, count(*) FROM requests GROUP BY state');
      db.exec(
        `INSERT INTO open_due_counts (provider, due_by, n) SELECT coalesce(provider, ''), due_by, count(*) FROM requests
         WHERE side IN ('centre', 'provider') AND due_by IS NOT NULL AND state IN ${OPEN_STATES} GROUP BY 1, 2`,
      );
    }
    return { consistent };
  })();
}
