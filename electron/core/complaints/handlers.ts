import { randomUUID } from 'node:crypto';
import { ArmError, type Complaint, type Contract } from '../../../shared/api';
import { kzCalendar } from '../../../shared/calendar/calendar';
import { localDay } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import { requireDb } from '../context';
import type { Db } from '../db/database';
import type { Handlers } from '../handler';

// The supervisor's complaint register. Audited by number and status only: the applicant's name
// and the text stay in the register, not in the hash chain.

const DEFAULT_TERM = { value: 5, unit: 'workingDays' } as const;

interface Row {
  id: string;
  number: string;
  received_on: string;
  applicant: string;
  request_number: string | null;
  subject: string;
  due_by: string;
  status: Complaint['status'];
  answer: string | null;
  updated_at: string;
}

function view(row: Row, today: string): Complaint {
  const closed = row.status === 'answered' || row.status === 'rejected';
  return {
    id: row.id,
    number: row.number,
    receivedOn: row.received_on,
    applicant: row.applicant,
    requestNumber: row.request_number,
    subject: row.subject,
    dueBy: row.due_by,
    status: row.status,
    answer: row.answer,
    overdue: !closed && row.due_by < today,
    updatedAt: row.updated_at,
  };
}

function find(db: Db, id: string): Row {
  const row = db.prepare('SELECT * FROM complaints WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ArmError('NOT_FOUND', 'No such complaint.');
  return row;
}

const NEXT: Record<Complaint['status'], ReadonlyArray<Complaint['status']>> = {
  registered: ['inReview', 'answered', 'rejected'],
  inReview: ['answered', 'rejected'],
  answered: [],
  rejected: [],
};

export const complaintsHandlers: Handlers<Contract>['complaints'] = {
  list: ({ open }, ctx) => {
    const db = requireDb(ctx);
    const rows = db.prepare(`SELECT * FROM complaints ${open ? "WHERE status IN ('registered', 'inReview')" : ''} ORDER BY status IN ('answered', 'rejected'), due_by, number`).all() as Row[];
    const today = localDay(ctx.now());
    return rows.map((row) => view(row, today));
  },

  record: (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    const now = ctx.now();
    const today = localDay(now);
    if (input.receivedOn > today) throw new ArmError('VALIDATION_FAILED', 'A complaint cannot be received in the future.', [{ path: 'receivedOn', message: 'future' }]);
    const dueBy = input.dueBy ?? kzCalendar.deadline(`${input.receivedOn}T09:00`, DEFAULT_TERM).due.slice(0, 10);
    if (dueBy < input.receivedOn) throw new ArmError('VALIDATION_FAILED', 'The deadline is before the complaint was received.', [{ path: 'dueBy', message: 'before receipt' }]);
    const id = randomUUID();
    db.transaction(() => {
      const year = input.receivedOn.slice(0, 4);
      const { n } = db.prepare('SELECT count(*) AS n FROM complaints WHERE number LIKE ?').get(`Ж-${year}-%`) as { n: number };
      const number = `Ж-${year}-${String(n + 1).padStart(4, '0')}`;
      db.prepare('INSERT INTO complaints (id, number, received_on, applicant, request_number, subject, due_by, status, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        id, number, input.receivedOn, input.applicant, input.requestNumber, input.subject, dueBy, 'registered', caller!.userId, now.toISOString(),
      );
      appendAudit(db, { userId: caller!.userId, action: 'complaints.record', objectType: 'complaint', objectId: id, details: { number, dueBy } }, now);
    })();
    return view(find(db, id), today);
  },

  update: ({ id, status, answer }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const now = ctx.now();
    const row = find(db, id);
    if (!NEXT[row.status].includes(status)) throw new ArmError('STATE_CONFLICT', `A ${row.status} complaint cannot become ${status}.`, undefined, { from: row.status, to: status });
    if ((status === 'answered' || status === 'rejected') && answer.length < 5) throw new ArmError('COMPLAINT_ANSWER_REQUIRED', 'A closed complaint needs its answer.', [{ path: 'answer', message: 'required' }]);
    db.transaction(() => {
      db.prepare('UPDATE complaints SET status = ?, answer = ?, updated_at = ? WHERE id = ?').run(status, answer || row.answer, now.toISOString(), id);
      appendAudit(db, { userId: caller!.userId, action: 'complaints.update', objectType: 'complaint', objectId: id, details: { number: row.number, from: row.status, to: status } }, now);
    })();
    return view(find(db, id), localDay(now));
  },
};
