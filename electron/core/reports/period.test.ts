import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraft, moveRequest, type Mover } from '../requests/repository';
import { signedIn, testCore } from '../testing';

// The period report over requests moved through their whole life cycle by the repository.

function setup() {
  const t = testCore();
  const supervisorKey = signedIn(t.core, 'supervisor', '880315400010', 'supervisor');
  const operator: Mover & { userId: string } = { userId: signedIn(t.core, 'operator', '920701300012', 'operator') && t.core.sessions.get('window-operator').user!.id, actor: 'operator' };
  const clerk: Mover = { userId: 'clerk-1', actor: 'clerk' };
  const head: Mover = { userId: 'head-1', actor: 'head' };
  const system: Mover = { userId: null, actor: 'system' };
  const now = () => new Date(t.clock.now);
  const at = (iso: string) => {
    t.clock.now = Date.parse(iso);
    t.core.sessions.get(supervisorKey).lastActivity = t.clock.now;
  };
  /** A request accepted now, due by `dueBy`, taken as far as `until`. */
  const request = (serviceId: string, dueBy: string, path: Array<[string, Mover, { outcome?: 'certificate' | 'refusal' }?]>) => {
    const draft = createDraft(t.db, { serviceId, applicantIin: '900412400014', centre: 'con-kokpekty' }, operator, now());
    t.db.prepare('UPDATE requests SET due_by = ? WHERE id = ?').run(dueBy, draft.id);
    return { id: draft.id, path };
  };
  const move = (id: string, to: string, by: Mover, extra: { outcome?: 'certificate' | 'refusal' } = {}) => moveRequest(t.db, id, to as never, by, now(), extra);
  return { ...t, at, request, move, operator, clerk, head, system, supervisor: t.window(supervisorKey) };
}

describe('period report', () => {
  it('counts accepted, refused at intake, issued, refused, overdue and the average days per service', async () => {
    const t = setup();
    t.at('2026-03-02T05:00:00Z');
    const onTime = t.request('preschool-queue', '2026-03-06', []);
    const late = t.request('preschool-queue', '2026-03-03', []);
    const refusal = t.request('preschool-queue', '2026-03-10', []);
    const atIntake = t.request('other-service', '2026-03-10', []);
    const waiting = t.request('other-service', '2026-03-04', []);
    t.move(atIntake.id, 'refusedAtIntake', t.operator);
    for (const { id } of [onTime, late, refusal, waiting]) {
      t.move(id, 'signed', t.operator);
      t.move(id, 'queued', t.system);
      t.move(id, 'sent', t.system);
    }
    const decide = (id: string, outcome: 'certificate' | 'refusal') => {
      t.move(id, 'registered', t.system);
      t.move(id, 'inWork', t.clerk);
      t.move(id, 'decided', t.clerk, { outcome });
      t.move(id, 'resultSigned', t.head);
      t.move(id, 'resultAtCentre', t.system);
    };
    t.at('2026-03-04T05:00:00Z'); // two days later
    decide(onTime.id, 'certificate');
    t.move(onTime.id, 'issued', t.operator);
    decide(late.id, 'certificate'); // due by the end of 3 March: late
    decide(refusal.id, 'refusal');
    t.at('2026-03-05T05:00:00Z');
    // Another period's request does not count.
    t.request('preschool-queue', '2026-03-20', []);

    const report = await t.supervisor.reports.period({ from: '2026-03-01', to: '2026-03-02' });
    expect(report.rows).toEqual([
      { serviceId: 'other-service', accepted: 1, refusedAtIntake: 1, issued: 0, refused: 0, overdue: 1, averageDays: null },
      { serviceId: 'preschool-queue', accepted: 3, refusedAtIntake: 0, issued: 1, refused: 1, overdue: 1, averageDays: 2 },
    ]);
    await expect(t.supervisor.reports.period({ from: '2026-03-05', to: '2026-03-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const csv = Buffer.from((await t.supervisor.reports.periodFile({ from: '2026-03-01', to: '2026-03-02', format: 'csv', language: 'ru' })).base64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"Услуга","Принято","Отказано в приёме","Выдано","Отказано","Просрочено","Средний срок, дней"');
    expect(csv).toContain('"3","0","1","1","1","2"');

    const pdf = await t.supervisor.reports.periodFile({ from: '2026-03-01', to: '2026-03-02', format: 'pdf', language: 'kk' });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-report-')), pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Кезең ішіндегі қызметтер бойынша есеп');
    expect(text).toContain('Қабылдаудан');
    expect(text).toContain('Мектепке дейінгі');
    expect(text).toContain('2026-03-01 — 2026-03-02');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toContain('DejaVuSans');
  });
});
