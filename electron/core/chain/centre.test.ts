import { describe, expect, it } from 'vitest';
import { createDraft, moveRequest, type Mover } from '../requests/repository';
import { codeOf, signedIn, testCore } from '../testing';

// The centre's step clocks over a real core: a 001 Рег.1 (camp referral) request taken in at the
// counter, moved as intake, the gateway and the provider's notices move it, read through chain.centre
// and the journal's flag.

function setup() {
  const t = testCore();
  const key = signedIn(t.core, 'operator', '920701300012', 'operator');
  const operator: Mover & { userId: string } = { userId: t.core.sessions.get(key).user!.id, actor: 'operator' };
  const system: Mover = { userId: null, actor: 'system' };
  const at = (iso: string) => {
    t.clock.now = Date.parse(iso);
    t.core.sessions.get(key).lastActivity = t.clock.now;
    return new Date(iso);
  };
  at('2026-03-02T05:00:00Z'); // 10:00 in Almaty
  const draft = createDraft(t.db, { serviceId: 'camp-referral', applicantIin: '900412400014', centre: 'con-uralsk' }, operator, new Date(t.clock.now));
  t.db.prepare("UPDATE requests SET variant_id = '001-r1', provider = 'edu-uralsk' WHERE id = ?").run(draft.id);
  return { ...t, id: draft.id, operator, system, at, arm: t.window(key) };
}

describe('centre step clocks', () => {
  it('runs intake against 001 Рег.1 п.9 (14 minutes without the no-data branch) and flags it in the journal, red once overdue', async () => {
    const t = setup();
    t.at('2026-03-02T05:10:00Z');
    const running = await t.arm.chain.centre({ requestId: t.id });
    expect(running.clocks[0]).toMatchObject({ phase: 'intake', norm: { value: 14 }, startedAt: '2026-03-02T10:00', due: '2026-03-02T10:14', status: 'running' });
    expect(running.clocks[0]!.parts[0]).toEqual({ actor: 'applicant', minutes: 5, paragraph: 'Рег.1 п.9 пп.1' });
    expect((await t.arm.journal.search({})).rows[0]!.centreStep).toEqual({ phase: 'intake', due: '2026-03-02T10:14', status: 'running' });
    t.at('2026-03-02T05:20:00Z');
    expect((await t.arm.journal.search({})).rows[0]!.centreStep).toEqual({ phase: 'intake', due: '2026-03-02T10:14', status: 'overdue' });
  });

  it('closes intake at signing, clocks registration (п.10 пп.1, 5 min) from sending and the check (пп.2) from registration; handing over waits for the applicant', async () => {
    const t = setup();
    moveRequest(t.db, t.id, 'signed', t.operator, t.at('2026-03-02T05:12:00Z'));
    moveRequest(t.db, t.id, 'queued', t.operator, t.at('2026-03-02T05:12:00Z'));
    moveRequest(t.db, t.id, 'sent', t.system, t.at('2026-03-02T05:13:00Z'));
    moveRequest(t.db, t.id, 'registered', t.system, t.at('2026-03-02T05:20:00Z'));
    t.at('2026-03-02T05:22:00Z');
    const chain = await t.arm.chain.centre({ requestId: t.id });
    expect(chain.clocks.map((clock) => [clock.phase, clock.startedAt, clock.due, clock.doneAt, clock.status])).toEqual([
      ['intake', '2026-03-02T10:00', '2026-03-02T10:14', '2026-03-02T10:12', 'done'],
      ['registration', '2026-03-02T10:13', '2026-03-02T10:18', '2026-03-02T10:20', 'late'],
      ['check', '2026-03-02T10:20', '2026-03-02T10:25', null, 'running'],
      ['handover', null, null, null, 'pending'],
    ]);
    expect((await t.arm.journal.search({})).rows[0]!.centreStep).toEqual({ phase: 'check', due: '2026-03-02T10:25', status: 'running' });
    moveRequest(t.db, t.id, 'inWork', t.system, t.at('2026-03-02T06:00:00Z'));
    expect((await t.arm.journal.search({})).rows[0]!.centreStep).toBeNull();
  });

  it('answers NOT_FOUND for a request this centre did not take in', async () => {
    const t = setup();
    expect(await codeOf(t.arm.chain.centre({ requestId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });
});
