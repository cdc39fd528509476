import { ArmError, type PeriodReport } from '../../../shared/api';
import type { Db } from '../db/database';
import { localDateTime } from '../../../shared/time';
import { localDayStartUtc } from '../journal/search';
import { questionnaireShares } from './questionnaire';
import { counterMetrics } from '../visits/visits';

const DUE_MOMENT = "CASE WHEN length(r.due_by) = 10 THEN r.due_by || 'T24:00' ELSE r.due_by END";
const OPEN_STATES = "('draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned')";

/**
 * Per service, for requests accepted in the period: accepted (signed at the counter), refused at
 * intake, issued (certificate handed over), refused (a refusal decided), overdue (the result came
 * after the deadline, or is still awaited past it) and the average calendar days to the result.
 */
export function periodReport(db: Db, from: string, to: string, now: Date): PeriodReport {
  if (from > to) throw new ArmError('VALIDATION_FAILED', 'The period ends before it starts.', [{ path: 'to', message: 'before from' }]);
  // The result's arrival at the centre, as the local time the deadline is written in (+5 h).
  const rows = db
    .prepare(
      `WITH result AS (
         SELECT request_id, min(at) AS at FROM request_events WHERE to_state = 'resultAtCentre' GROUP BY request_id
       )
       SELECT r.service_id AS serviceId,
         sum(EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.to_state = 'signed')) AS accepted,
         sum(r.state = 'refusedAtIntake') AS refusedAtIntake,
         sum(r.state = 'issued' AND r.outcome IS 'certificate') AS issued,
         sum(r.outcome IS 'refusal') AS refused,
         sum(r.due_by IS NOT NULL AND (
           (res.at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M', res.at, '+5 hours') > ${DUE_MOMENT})
           OR (res.at IS NULL AND r.state IN ${OPEN_STATES} AND ${DUE_MOMENT} < ?))) AS overdue,
         avg(julianday(res.at) - julianday(r.created_at)) AS averageDays
       FROM requests r LEFT JOIN result res ON res.request_id = r.id
       WHERE r.created_at >= ? AND r.created_at < ?
       GROUP BY r.service_id ORDER BY r.service_id`,
    )
    .all(localDateTime(now), localDayStartUtc(from), localDayStartUtc(to, 1)) as Array<PeriodReport['rows'][number]>;
  return { from, to, questionnaire: questionnaireShares(db, from, to), counter: counterMetrics(db, from, to), rows: rows.map((row) => ({ ...row, averageDays: row.averageDays === null ? null : Math.round(row.averageDays * 10) / 10 })) };
}
