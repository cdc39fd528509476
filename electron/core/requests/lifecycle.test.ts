import { describe, expect, it } from 'vitest';
import { requestStateSchema, roles, type RequestState } from '../../../shared/api';
import { listAudit, verifyAudit } from '../audit/log';
import { codeOf, testCore } from '../testing';
import { checkMove, TRANSITIONS, type Actor } from './lifecycle';
import { createDraft, findRequest, moveRequest, requestHistory } from './repository';

const states = requestStateSchema.options;
const actors: Actor[] = [...roles, 'system'];
const operator = { userId: 'op-1', actor: 'operator' as const };
const clerk = { userId: 'clerk-1', actor: 'clerk' as const };
const head = { userId: 'head-1', actor: 'head' as const };
const system = { userId: null, actor: 'system' as const };

describe('request life cycle', () => {
  it('allows exactly the moves of the table, for exactly its actors', () => {
    for (const from of states) {
      for (const to of states) {
        for (const actor of actors) {
          const listed = TRANSITIONS[from][to];
          const expected = !listed ? 'state' : listed.includes(actor) ? 'ok' : 'actor';
          expect(checkMove(from, to, actor), `${from} → ${to} by ${actor}`).toBe(expected);
        }
      }
    }
  });

  it('has no way out of the final states and a way to every other state from a draft', () => {
    for (const final of ['issued', 'refusedAtIntake', 'withdrawn'] as const) expect(Object.keys(TRANSITIONS[final])).toEqual([]);
    const reached = new Set<RequestState>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const from of [...reached]) {
        for (const to of Object.keys(TRANSITIONS[from]) as RequestState[]) {
          if (reached.has(to)) continue;
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...states].sort());
  });

  it('numbers requests by the Kazakhstan day, whatever zone the machine is set to', () => {
    const { db } = testCore();
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      // 19:30 UTC on 2 March is 00:30 on 3 March at the counter.
      const late = new Date('2026-03-02T19:30:00Z');
      expect(createDraft(db, { serviceId: 's', applicantIin: '880315400010', centre: 'ZHM01' }, operator, late).number).toBe('ZHM01-20260303-0001');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('numbers requests from a per-day sequence that continues after numbers already taken', () => {
    const { db, clock } = testCore();
    const now = () => new Date(clock.now);
    // A number given out before the sequences existed (or imported by a transfer) is not reused.
    db.prepare("INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at) VALUES ('old', 'ZHM01-20260302-0001', 'x', 'draft', '880315400010', 'ZHM01', 'op-1', '2026-03-02T03:00:00Z', '2026-03-02T03:00:00Z')").run();
    expect(createDraft(db, { serviceId: 'x', applicantIin: '880315400010', centre: 'ZHM01' }, operator, now()).number).toBe('ZHM01-20260302-0002');
    expect(createDraft(db, { serviceId: 'x', applicantIin: '880315400010', centre: 'ZHM02' }, operator, now()).number).toBe('ZHM02-20260302-0001');
    expect(createDraft(db, { serviceId: 'x', applicantIin: '880315400010', centre: 'ZHM01' }, operator, now()).number).toBe('ZHM01-20260302-0003');
    clock.now += 86_400_000;
    expect(createDraft(db, { serviceId: 'x', applicantIin: '880315400010', centre: 'ZHM01' }, operator, now()).number).toBe('ZHM01-20260303-0001');
    expect(db.prepare('SELECT prefix, last FROM number_sequences ORDER BY prefix').all()).toEqual([
      { prefix: 'ZHM01-20260302-', last: 3 },
      { prefix: 'ZHM01-20260303-', last: 1 },
      { prefix: 'ZHM02-20260302-', last: 1 },
    ]);
  });

  it('walks a request from draft to issued, with every move in its history and the audit log', () => {
    const { db, clock } = testCore();
    const now = () => new Date(clock.now);
    const draft = createDraft(db, { serviceId: 'guardianship-certificate', applicantIin: '880315400010', centre: 'ZHM01' }, operator, now());
    expect(draft).toMatchObject({ state: 'draft', number: 'ZHM01-20260302-0001' });
    expect(createDraft(db, { serviceId: 'x', applicantIin: '880315400010', centre: 'ZHM01' }, operator, now()).number).toBe('ZHM01-20260302-0002');
    const path: Array<[RequestState, typeof operator | typeof clerk | typeof head | typeof system]> = [
      ['signed', operator],
      ['queued', system],
      ['sent', system],
      ['registered', clerk],
      ['inWork', clerk],
    ];
    for (const [to, by] of path) moveRequest(db, draft.id, to, by, now());
    moveRequest(db, draft.id, 'decided', clerk, now(), { outcome: 'refusal' });
    moveRequest(db, draft.id, 'inWork', head, now(), { comment: 'Сверьте решение суда' });
    moveRequest(db, draft.id, 'decided', clerk, now(), { outcome: 'certificate' });
    moveRequest(db, draft.id, 'resultSigned', head, now());
    moveRequest(db, draft.id, 'resultAtCentre', system, now());
    const issued = moveRequest(db, draft.id, 'issued', operator, now());
    expect(issued).toMatchObject({ state: 'issued', outcome: 'certificate' });
    const history = requestHistory(db, draft.id);
    expect(history.map((event) => event.to)).toEqual(['draft', 'signed', 'queued', 'sent', 'registered', 'inWork', 'decided', 'inWork', 'decided', 'resultSigned', 'resultAtCentre', 'issued']);
    expect(history[7]).toMatchObject({ from: 'decided', actorRole: 'head', comment: 'Сверьте решение суда' });
    expect(listAudit(db, { limit: 100, iin: undefined }).filter((entry) => entry.objectId === draft.id)).toHaveLength(12);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('refuses an illegal move or a wrong actor and changes nothing', () => {
    const { db, clock } = testCore();
    const draft = createDraft(db, { serviceId: 's', applicantIin: '880315400010', centre: 'C1' }, operator, new Date(clock.now));
    const auditBefore = listAudit(db, { limit: 100 }).length;
    expect(codeOf(() => moveRequest(db, draft.id, 'issued', operator, new Date(clock.now)))).toBe('STATE_CONFLICT');
    expect(codeOf(() => moveRequest(db, draft.id, 'signed', clerk, new Date(clock.now)))).toBe('FORBIDDEN');
    expect(codeOf(() => moveRequest(db, 'missing', 'signed', operator, new Date(clock.now)))).toBe('NOT_FOUND');
    moveRequest(db, draft.id, 'signed', operator, new Date(clock.now));
    moveRequest(db, draft.id, 'queued', operator, new Date(clock.now));
    moveRequest(db, draft.id, 'sent', system, new Date(clock.now));
    expect(codeOf(() => moveRequest(db, draft.id, 'withdrawn', operator, new Date(clock.now)))).toBe('STATE_CONFLICT');
    expect(findRequest(db, draft.id).state).toBe('sent');
    expect(listAudit(db, { limit: 100 }).length).toBe(auditBefore + 3);
  });

  it('needs an outcome to decide', () => {
    const { db, clock } = testCore();
    const at = new Date(clock.now);
    const draft = createDraft(db, { serviceId: 's', applicantIin: '880315400010', centre: 'C1' }, operator, at);
    for (const [to, by] of [['signed', operator], ['queued', system], ['sent', system], ['registered', clerk], ['inWork', clerk]] as const) moveRequest(db, draft.id, to, by, at);
    expect(codeOf(() => moveRequest(db, draft.id, 'decided', clerk, at))).toBe('VALIDATION_FAILED');
    expect(findRequest(db, draft.id)).toMatchObject({ state: 'inWork', outcome: null });
  });
});
