import { randomUUID } from 'node:crypto';
import { ArmError, requestContentSchema, type ApplicantTask, type TaskKind } from '../../../shared/api';
import { tellNorm } from '../../../shared/catalog/returns';
import { kzCalendar } from '../../../shared/calendar/calendar';
import { formatDate, localDateTime, localDay } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { findVariant } from '../inbox/variant';
import { intakeCatalog } from '../intake/drafts';
import type { RequestRow } from '../requests/repository';
import { fillText, readTexts } from './texts';

// The centre's task list (задачи оператора): each notice from the provider and each result that
// arrives is something to tell the applicant, by the end of the day its own regulation sets
// (shared/catalog/returns.ts tellNorm: 004 App.1 T2 d.9, a return within one working day). Where
// the regulation sets none the task has no due day and the screen says so; no norm is borrowed.

/** The local day by whose end the applicant is told; a year without calendar data counts calendar days. */
function tellBy(now: Date, norm: { value: number; unit: 'workingDays' }): string {
  try {
    const deadline = kzCalendar.deadline(localDateTime(now), norm);
    return deadline.due.slice(0, 10);
  } catch (error) {
    if (error instanceof ArmError && error.code === 'CALENDAR_YEAR_MISSING') return localDay(new Date(now.getTime() + norm.value * 86_400_000));
    throw error;
  }
}

function requestTellNorm(request: RequestRow, kind: TaskKind) {
  const content = requestContentSchema.safeParse(JSON.parse(request.content ?? 'null'));
  const variant = content.success ? findVariant(content.data.serviceId, content.data.variantId) : null;
  return variant ? tellNorm(variant, kind) : null;
}

/** Adds the task for a centre-side request in the transaction of what caused it. */
export function addTask(db: Db, request: RequestRow, kind: TaskKind, now: Date, details: { reason?: string | null; newDueBy?: string | null } = {}): void {
  if (request.side !== 'centre') return;
  db.prepare('INSERT INTO applicant_tasks (id, request_id, kind, reason, new_due_by, created_at, due_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    randomUUID(),
    request.id,
    kind,
    details.reason ?? null,
    details.newDueBy ?? null,
    now.toISOString(),
    ((norm) => (norm ? tellBy(now, norm) : null))(requestTellNorm(request, kind)),
  );
}

interface TaskRow {
  id: string;
  request_id: string;
  number: string;
  service_id: string;
  applicant_name: string | null;
  kind: TaskKind;
  reason: string | null;
  new_due_by: string | null;
  created_at: string;
  due_by: string | null;
  done_at: string | null;
}

const SELECT = `SELECT t.id, t.request_id, r.number, r.service_id, r.applicant_name, t.kind, t.reason, t.new_due_by, t.created_at, t.due_by, t.done_at
  FROM applicant_tasks t JOIN requests r ON r.id = t.request_id`;

function view(db: Db, row: TaskRow, today: string): ApplicantTask {
  const service = intakeCatalog().get(row.service_id)?.name ?? { ru: row.service_id, kk: row.service_id };
  const same = (value: string) => ({ ru: value, kk: value });
  const message = fillText(readTexts(db), row.kind, {
    number: same(row.number),
    service,
    date: same(row.new_due_by ? formatDate(row.new_due_by) : ''),
    reason: same(row.reason ?? ''),
  });
  const urgency = row.done_at ? 'done' : row.due_by === null ? 'ok' : row.due_by < today ? 'overdue' : row.due_by === today ? 'remind' : 'ok';
  return {
    id: row.id,
    requestId: row.request_id,
    number: row.number,
    kind: row.kind,
    service,
    applicantName: row.applicant_name ?? '',
    message,
    reason: row.reason,
    newDueBy: row.new_due_by,
    createdAt: row.created_at,
    dueBy: row.due_by,
    doneAt: row.done_at,
    urgency,
  };
}

/** Open tasks by due day (with the done ones of the last 14 days on request); reminders: due today or overdue. */
export function listTasks(db: Db, includeDone: boolean, now: Date) {
  const since = new Date(now.getTime() - 14 * 86_400_000).toISOString();
  const rows = db.prepare(`${SELECT} WHERE t.done_at IS NULL ${includeDone ? 'OR t.done_at >= ?' : ''} ORDER BY t.done_at IS NOT NULL, t.due_by IS NULL, t.due_by, t.created_at`).all(...(includeDone ? [since] : [])) as TaskRow[];
  const today = localDay(now);
  const tasks = rows.map((row) => view(db, row, today));
  return { tasks, reminders: tasks.filter((task) => task.urgency === 'remind' || task.urgency === 'overdue').length };
}

export function markDone(db: Db, taskId: string, userId: string, now: Date): ApplicantTask {
  return db.transaction(() => {
    const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(taskId) as TaskRow | undefined;
    if (!row) throw new ArmError('NOT_FOUND', 'No such task.');
    if (row.done_at) throw new ArmError('STATE_CONFLICT', 'The applicant has been told already.', undefined, { from: 'done', to: 'done' });
    db.prepare('UPDATE applicant_tasks SET done_at = ?, done_by = ? WHERE id = ?').run(now.toISOString(), userId, taskId);
    appendAudit(db, { userId, action: 'notices.told', objectType: 'request', objectId: row.request_id, details: { task: taskId, kind: row.kind } }, now);
    return view(db, { ...row, done_at: now.toISOString() }, localDay(now));
  })();
}
