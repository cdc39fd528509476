import { ArmError, type JournalCursor, type JournalFilter, type JournalPage, type JournalRow, type RequestState } from '../../../shared/api';
import { foldName } from '../../../shared/text/fold';
import type { Db } from '../db/database';
import { runningCentreStep } from '../chain/centre';
import { localDateTime, localDayStart } from '../../../shared/time';

/** States after which a request can no longer be late: the result is at the centre, or there is none to wait for. */
export const CLOSED_STATES: readonly RequestState[] = ['resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn'];
// Spelled out as in the partial index requests_open_created (0008_journal.sql): SQLite uses a
// partial index only when the query carries the same condition.
const OPEN = "r.state NOT IN ('resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn')";
// due_by is a local "YYYY-MM-DD" (due by the end of that day) or "YYYY-MM-DDTHH:MM" (minute terms).
const DUE_MOMENT = "CASE WHEN length(r.due_by) = 10 THEN r.due_by || 'T24:00' ELSE r.due_by END";

/** The UTC instant a local day starts, to compare with created_at (UTC ISO). */
export function localDayStartUtc(day: string, plusDays = 0): string {
  return localDayStart(day, plusDays).toISOString();
}

/**
 * The name query as FTS5 terms: each run of letters or digits becomes a quoted prefix term, so
 * whatever the person typed (quotes, *, NEAR(, OR) is searched as text and never as FTS syntax.
 */
export function nameTerms(name: string): string {
  const words = foldName(name).match(/[\p{L}\p{N}]+/gu)?.slice(0, 5) ?? [];
  if (words.length === 0) throw new ArmError('JOURNAL_QUERY_EMPTY', 'The name has no letters to search by.', [{ path: 'name', message: 'no letters' }]);
  return words.map((word) => `"${word}"*`).join(' ');
}

interface Sql {
  where: string[];
  params: Array<string | number>;
}

function filterSql(filter: JournalFilter, now: Date): Sql {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (condition: string, value: string | number) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.iin) add('r.applicant_iin = ?', filter.iin);
  if (filter.number) add('r.number = ?', filter.number);
  if (filter.serviceId) add('r.service_id = ?', filter.serviceId);
  if (filter.state) add('r.state = ?', filter.state);
  if (filter.operatorId) add('r.created_by = ?', filter.operatorId);
  if (filter.from) add('r.created_at >= ?', localDayStartUtc(filter.from));
  if (filter.to) add('r.created_at < ?', localDayStartUtc(filter.to, 1));
  if (filter.overdue) add(`${OPEN} AND r.due_by IS NOT NULL AND ${DUE_MOMENT} < ?`, localDateTime(now));
  if (filter.name !== undefined && filter.name !== '') {
    add('r.rowid IN (SELECT rowid FROM requests_name WHERE requests_name MATCH ?)', nameTerms(filter.name));
  }
  return { where, params };
}

interface Row {
  key: number;
  id: string;
  number: string;
  service_id: string;
  state: RequestState;
  outcome: JournalRow['outcome'];
  applicant_iin: string;
  applicant_name: string | null;
  provider: string | null;
  created_by: string;
  operator_name: string | null;
  created_at: string;
  due_by: string | null;
  overdue: 0 | 1;
  questionnaire_due: 0 | 1;
  recheck: string | null;
  stamped_at: string | null;
}

/**
 * Above this many name matches the newest page is found faster by walking the acceptance-time
 * index back and testing each row against the matched set (it meets a page's worth within a few
 * thousand entries) than by fetching every match and sorting it: on a million rows a common
 * surname prefix (50,000 matches) took over a second the second way, 10 ms the first. A rare
 * name is the other way round, and SQLite cannot tell the two apart from the FTS5 table alone.
 */
export const NAME_SCAN_THRESHOLD = 2_000;

function nameMatches(db: Db, terms: string): number {
  return (db.prepare('SELECT count(*) AS n FROM requests_name WHERE requests_name MATCH ?').get(terms) as { n: number }).n;
}

function select(db: Db, filter: JournalFilter, after: JournalCursor | undefined, limit: number, now: Date): Row[] {
  const { where, params } = filterSql(filter, now);
  const byTime = filter.name && !filter.iin && !filter.number && nameMatches(db, nameTerms(filter.name)) > NAME_SCAN_THRESHOLD;
  if (after) {
    // The first term gives the index a range; the second breaks ties inside one instant.
    where.push('r.created_at <= ? AND (r.created_at < ? OR r.rowid < ?)');
    params.push(after.at, after.at, after.key);
  }
  const sql = `SELECT r.rowid AS key, r.id, r.number, r.service_id, r.state, r.outcome, r.applicant_iin, r.applicant_name, r.provider,
      r.created_by, u.full_name AS operator_name, r.created_at, r.due_by, (r.state = 'issued' AND r.questionnaire_at IS NULL) AS questionnaire_due, r.recheck,
      COALESCE(json_extract(r.received, '$.stamp.genTime'), (SELECT json_extract(o.receipt, '$.stamp.genTime') FROM outbox o WHERE o.request_id = r.id AND o.state = 'delivered' ORDER BY o.delivered_at DESC LIMIT 1)) AS stamped_at,
      (${OPEN} AND r.due_by IS NOT NULL AND ${DUE_MOMENT} < ?) AS overdue
    FROM requests r ${byTime ? 'INDEXED BY requests_created' : ''} LEFT JOIN users u ON u.id = r.created_by
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?`;
  return db.prepare(sql).all(localDateTime(now), ...params, limit) as Row[];
}

function toJournalRow(row: Row): JournalRow {
  return {
    id: row.id,
    number: row.number,
    serviceId: row.service_id,
    state: row.state,
    outcome: row.outcome,
    applicantIin: row.applicant_iin,
    applicantName: row.applicant_name,
    provider: row.provider,
    operatorId: row.created_by,
    operatorName: row.operator_name,
    createdAt: row.created_at,
    dueBy: row.due_by,
    overdue: row.overdue === 1,
    questionnaireDue: row.questionnaire_due === 1,
    recheck: row.recheck ? (JSON.parse(row.recheck) as JournalRow['recheck']) : null,
    stampedAt: row.stamped_at,
    centreStep: null,
  };
}

/** One page, newest first; `next` is null on the last page. */
export function searchJournal(db: Db, query: JournalFilter & { after?: JournalCursor | undefined; limit: number }, now: Date): JournalPage {
  const rows = select(db, query, query.after, query.limit + 1, now);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // The centre's running step, for the page shown (not for exports): only an open request has one.
  const shown = page.map((row) => ({ ...toJournalRow(row), centreStep: CLOSED_STATES.includes(row.state) ? null : runningCentreStep(db, row.id, now) }));
  return { rows: shown, next: rows.length > query.limit && last ? { at: last.created_at, key: last.key } : null };
}

/** Every matching row for an export, refused when there are more than `max`. */
export function allMatching(db: Db, filter: JournalFilter, max: number, now: Date): JournalRow[] {
  const rows = select(db, filter, undefined, max + 1, now);
  if (rows.length > max) throw new ArmError('JOURNAL_EXPORT_TOO_LARGE', `More than ${max} rows; narrow the filter.`, undefined, { max });
  return rows.map(toJournalRow);
}

/** The accounts that accepted requests, for the operator filter. */
export function journalOperators(db: Db): Array<{ id: string; fullName: string }> {
  return db.prepare("SELECT id, full_name AS fullName FROM users WHERE role IN ('operator', 'mobileOperator') ORDER BY full_name").all() as Array<{ id: string; fullName: string }>;
}
