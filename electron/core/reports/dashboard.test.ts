import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enqueue } from '../outbox/outbox';
import { createDraft, moveRequest, type Mover } from '../requests/repository';
import { signedIn, testCore } from '../testing';
import { checkCounters, dashboard, recount } from './dashboard';

// The supervisor's dashboard over requests made through the repository; its counts must agree
// with what the journal finds for the same question.

function setup() {
  const t = testCore();
  // 11:00 in Kazakhstan (UTC+5).
  t.clock.now = Date.parse('2026-03-05T06:00:00Z');
  const operatorKey = signedIn(t.core, 'operator', '920701300012', 'operator');
  const supervisorKey = signedIn(t.core, 'supervisor', '880315400010', 'supervisor');
  const operator: Mover & { userId: string } = { userId: t.core.sessions.get(operatorKey).user!.id, actor: 'operator' };
  const now = () => new Date(t.clock.now);
  const make = (provider: string, dueBy: string | null) => {
    const draft = createDraft(t.db, { serviceId: 'preschool-queue', applicantIin: '900412400014', centre: 'con-kokpekty' }, operator, now());
    t.db.prepare('UPDATE requests SET provider = ?, due_by = ?, applicant_name = ? WHERE id = ?').run(provider, dueBy, 'Сейткали Нурлан', draft.id);
    return draft;
  };
  return { ...t, operator, now, make, supervisor: t.window(supervisorKey), operatorWindow: t.window(operatorKey) };
}

describe('dashboard', () => {
  it('counts the queue, the unsynced outbox, states, due today and overdue by provider, and operators today', async () => {
    const t = setup();
    t.make('edu-a', '2026-03-04'); // overdue since the end of yesterday
    t.make('edu-a', '2026-03-05'); // due by the end of today
    t.make('edu-b', '2026-03-05T10:30'); // a minute term already past
    t.make('edu-b', '2026-03-05T12:00'); // due later today
    t.make('edu-b', '2026-03-06'); // tomorrow: neither
    const queued = t.make('edu-c', '2026-03-01');
    t.db.transaction(() => {
      moveRequest(t.db, queued.id, 'signed', t.operator, t.now());
      moveRequest(t.db, queued.id, 'queued', t.operator, t.now());
      enqueue(t.db, { id: randomUUID(), kind: 'request', from: 'con-kokpekty', to: 'edu-c', service: 'preschool-queue', createdAt: t.now().toISOString(), attachments: [], payload: {} }, queued.id, t.now());
    })();
    const withdrawn = t.make('edu-c', '2026-03-01');
    moveRequest(t.db, withdrawn.id, 'withdrawn', t.operator, t.now());

    const board = await t.supervisor.reports.dashboard();
    expect(board.queue).toBe(6);
    expect(board.unsynced).toBe(1);
    expect(board.oldestUnsyncedAt).toBe('2026-03-05T06:00:00.000Z');
    expect(board.byState).toEqual([
      { state: 'draft', count: 5 },
      { state: 'queued', count: 1 },
      { state: 'withdrawn', count: 1 },
    ]);
    expect(board.byProvider).toEqual([
      { provider: 'edu-a', dueToday: 1, overdue: 1 },
      { provider: 'edu-b', dueToday: 1, overdue: 1 },
      { provider: 'edu-c', dueToday: 0, overdue: 1 },
    ]);
    expect(board.operatorsToday).toEqual([{ operatorId: t.operator.userId, fullName: 'operator', count: 7 }]);

    const overdue = await t.operatorWindow.journal.search({ overdue: true });
    expect(overdue.rows).toHaveLength(board.byProvider.reduce((sum, row) => sum + row.overdue, 0));
  });

  it('counts only today for operators and is the supervisor\'s alone', async () => {
    const t = setup();
    t.make('edu-a', null);
    t.clock.now = Date.parse('2026-03-05T19:30:00Z'); // 00:30 on 6 March in Kazakhstan
    t.core.sessions.get('window-supervisor').lastActivity = t.clock.now;
    t.core.sessions.get('window-operator').lastActivity = t.clock.now;
    t.make('edu-a', null);
    const board = await t.supervisor.reports.dashboard();
    expect(board.operatorsToday).toEqual([{ operatorId: t.operator.userId, fullName: 'operator', count: 1 }]);
    await expect(t.operatorWindow.reports.dashboard()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('dashboard counters', () => {
  it('stay equal to the recount through thousands of random inserts, moves, re-dates and deletes', () => {
    const t = setup();
    const states = ['draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'resultSigned', 'resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn'];
    const providers = ['edu-a', 'edu-b', null];
    const dues = ['2026-03-01', '2026-03-05', '2026-03-05T10:30', '2026-03-05T12:00', '2026-03-09', null];
    let seed = 7;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[seed % list.length]!;
    };
    const ids: string[] = [];
    // One transaction around all: the moves are what is tested, not 3,000 fsyncs.
    t.db.transaction(() => {
      for (let step = 0; step < 3000; step++) {
        const action = ids.length < 20 ? 0 : pick([0, 1, 1, 2, 2, 3]);
        if (action === 0) ids.push(t.make(pick(providers) ?? 'edu-a', pick(dues)).id);
        const id = pick(ids);
        if (action === 1) t.db.prepare('UPDATE requests SET state = ? WHERE id = ?').run(pick(states), id);
        if (action === 2) t.db.prepare('UPDATE requests SET provider = ?, due_by = ?, side = ? WHERE id = ?').run(pick(providers), pick(dues), pick(['centre', 'provider']), id);
        if (action === 3) {
          t.db.prepare('DELETE FROM request_events WHERE request_id = ?').run(id);
          t.db.prepare('DELETE FROM requests WHERE id = ?').run(id);
          ids.splice(ids.indexOf(id), 1);
        }
      }
    })();
    expect(ids.length).toBeGreaterThan(100);
    expect(checkCounters(t.db, t.now())).toEqual({ consistent: true });
    const board = dashboard(t.db, t.now());
    expect({ queue: board.queue, byState: board.byState, byProvider: board.byProvider }).toEqual(recount(t.db, t.now()));
  });

  it('the check repairs counters written around the triggers and says so', () => {
    const t = setup();
    t.make('edu-a', '2026-03-04');
    t.db.prepare("UPDATE request_state_counts SET n = n + 5 WHERE state = 'draft'").run();
    expect(checkCounters(t.db, t.now())).toEqual({ consistent: false });
    expect(checkCounters(t.db, t.now())).toEqual({ consistent: true });
    expect(dashboard(t.db, t.now()).byState).toEqual([{ state: 'draft', count: 1 }]);
  });

  it('is the supervisor\'s check on the dashboard, audited, and nobody else\'s', async () => {
    const t = setup();
    t.make('edu-a', '2026-03-04');
    t.db.prepare("UPDATE open_due_counts SET n = 9").run();
    await expect(t.operatorWindow.reports.checkCounters()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.supervisor.reports.checkCounters()).toEqual({ consistent: false });
    expect((await t.supervisor.reports.dashboard()).byProvider).toEqual([{ provider: 'edu-a', dueToday: 0, overdue: 1 }]);
    const audit = t.db.prepare("SELECT details FROM audit_log WHERE action = 'reports.checkCounters'").all() as Array<{ details: string }>;
    expect(audit.map((row) => JSON.parse(row.details))).toEqual([{ consistent: false }]);
  });
});
