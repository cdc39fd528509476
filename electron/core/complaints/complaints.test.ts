import { describe, expect, it } from 'vitest';
import { codeOf, testCore } from '../testing';

describe('complaint register', () => {
  it('records a complaint with five working days to answer, moves it to review and answered, audited; bad input changes nothing', async () => {
    const t = testCore(); // 2026-03-02, a Monday
    const supervisor = t.as('supervisor', '880315400010');
    const complaint = await supervisor.complaints.record({ receivedOn: '2026-03-02', applicant: 'Сарсенбаева Айгерим', requestNumber: 'con-kokpekty-20260302-0001', subject: 'Оператор не выдал расписку', dueBy: null });
    // 8 March is a Sunday, Monday the 9th a day off: five working days end on Tuesday the 10th.
    expect(complaint).toMatchObject({ number: 'Ж-2026-0001', dueBy: '2026-03-10', status: 'registered', overdue: false });
    expect(await codeOf(supervisor.complaints.record({ receivedOn: '2026-03-03', applicant: 'Иванов', requestNumber: null, subject: 'Долгое ожидание', dueBy: null }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(supervisor.complaints.record({ receivedOn: '2026-03-02', applicant: 'Иванов', requestNumber: null, subject: 'Долгое ожидание', dueBy: '2026-03-01' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(t.as('operator').complaints.list({}))).toBe('FORBIDDEN');
    expect(await codeOf(supervisor.complaints.update({ id: complaint.id, status: 'answered', answer: '' }))).toBe('COMPLAINT_ANSWER_REQUIRED');
    await supervisor.complaints.update({ id: complaint.id, status: 'inReview' });
    const answered = await supervisor.complaints.update({ id: complaint.id, status: 'answered', answer: 'Расписка выдана повторно 03.03.2026' });
    expect(answered).toMatchObject({ status: 'answered', answer: 'Расписка выдана повторно 03.03.2026' });
    expect(await codeOf(supervisor.complaints.update({ id: complaint.id, status: 'inReview' }))).toBe('STATE_CONFLICT');
    expect(await supervisor.complaints.list({ open: true })).toEqual([]);
    const audit = t.db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'complaints.%' ORDER BY rowid").all() as Array<{ action: string; details: string }>;
    expect(audit.map((row) => row.action)).toEqual(['complaints.record', 'complaints.update', 'complaints.update']);
    expect(audit.map((row) => row.details).join(' ')).not.toContain('Сарсенбаева');
  });

  it('marks an open complaint overdue after its deadline', async () => {
    const t = testCore();
    const supervisor = t.as('supervisor', '880315400010');
    await supervisor.complaints.record({ receivedOn: '2026-02-20', applicant: 'Иванов Иван', requestNumber: null, subject: 'Долгое ожидание в очереди', dueBy: '2026-02-27' });
    expect((await supervisor.complaints.list({ open: true }))[0]).toMatchObject({ overdue: true, status: 'registered' });
  });
});
