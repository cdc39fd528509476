import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { listAudit } from '../audit/log';
import { enqueue } from '../outbox/queue';
import { createDraft, findRequest, moveRequest } from '../requests/repository';
import { writeSettings } from '../settings/store';
import { codeOf, testCore, TEST_START, type MemoryLogger } from '../testing';

// Clock trust and offline guardrails (issue 14 items 5, 6): the workstation keeps the gateway's
// clock from every answer; a clock hours off, a workstation too long without the gateway or with
// too many requests waiting takes no new requests until that is fixed — and then takes them again.

const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.dispose()));
});

/** A centre's workstation and a gateway whose clock is the workstation's plus `gatewayAhead` ms. */
async function centre(gatewayAhead = 0) {
  const clock = { now: Date.parse(TEST_START) };
  const skew = { ms: gatewayAhead };
  const gateway = await startTestGateway({ now: () => new Date(clock.now + skew.ms) });
  gateways.push(gateway);
  const t = testCore({ gateway, clock });
  writeSettings(t.db, { 'workstation.centre': { code: 'con-kokpekty', district: 'kokpekty' } }, { userId: null }, new Date(clock.now));
  return { ...t, gateway, skew, operator: t.as('operator'), supervisor: t.as('supervisor') };
}

// A fresh sign-in each time: moving the clock by hours locks an idle session.
const start = (t: Awaited<ReturnType<typeof centre>>) => t.as('operator').intake.start({ serviceId: 'guardianship-certificate' });
const drafts = (t: Awaited<ReturnType<typeof centre>>) => (t.db.prepare("SELECT count(*) AS n FROM requests WHERE state = 'draft'").get() as { n: number }).n;

describe('clock trust', () => {
  it('refuses intake and signing while the PC clock is 3 hours off the gateway’s, and takes them once it is fixed', async () => {
    const t = await centre(3 * 3600_000);
    await t.supervisor.sync.run({ job: 'trust' });
    const status = await t.supervisor.sync.status();
    expect(status.machine).toMatchObject({ clockOffsetMs: -3 * 3600_000, clockProblem: 'drift' });
    expect(await codeOf(start(t))).toBe('CLOCK_DRIFT');
    expect(await codeOf(t.operator.signing.sign({ keyFile: 'AA==', password: 'x', payload: {} }))).toBe('CLOCK_DRIFT');
    expect(drafts(t)).toBe(0);
    // The PC's clock is set right: the next answer from the gateway clears it.
    t.clock.now += 3 * 3600_000;
    t.skew.ms = 0;
    await t.as('supervisor').sync.run({ job: 'trust' });
    expect(await codeOf(start(t))).toBe('ok');
  });

  it('catches a clock set back behind the gateway’s last answer, at start too', async () => {
    const t = await centre();
    await t.supervisor.sync.run({ job: 'trust' });
    t.clock.now -= 2 * 86_400_000;
    expect((await t.as('supervisor').sync.status()).machine?.clockProblem).toBe('backwards');
    expect(await codeOf(start(t))).toBe('CLOCK_DRIFT');
    t.core.close();
    const restarted = testCore({ dataDir: t.dataDir, clock: t.clock });
    expect((restarted.log as MemoryLogger).lines).toContainEqual(expect.objectContaining({ event: 'clock.backwards' }));
    restarted.close();
  });
});

describe('offline guardrails', () => {
  it('stops new intake past the longest time without the gateway, and takes requests again after a sync', async () => {
    const t = await centre();
    await t.supervisor.sync.run({ job: 'trust' });
    await t.supervisor.sync.setGuardrails({ offlineHours: 24, maxUnsent: null, minFreeMb: null });
    expect(await codeOf(start(t))).toBe('ok');
    t.clock.now += 25 * 3600_000;
    expect(await codeOf(start(t))).toBe('OFFLINE_TOO_LONG');
    const supervisor = t.as('supervisor');
    expect((await supervisor.sync.status()).guardrails).toMatchObject({ offlineHours: 24, blocked: 'OFFLINE_TOO_LONG' });
    await supervisor.sync.run({});
    expect(await codeOf(start(t))).toBe('ok');
  });

  it('stops new intake at the most unsent requests; withdrawing a parked message (audited) returns its request and lifts it', async () => {
    const t = await centre();
    await t.supervisor.sync.setGuardrails({ offlineHours: 24 * 14, maxUnsent: 1, minFreeMb: null });
    const now = new Date(t.clock.now);
    const draft = createDraft(t.db, { serviceId: 'guardianship-certificate', applicantIin: '900412400014', centre: 'con-kokpekty' }, { userId: 'operator-1', actor: 'operator' }, now);
    moveRequest(t.db, draft.id, 'signed', { userId: 'operator-1', actor: 'operator' }, now);
    moveRequest(t.db, draft.id, 'queued', { userId: 'operator-1', actor: 'operator' }, now);
    // To an organisation the gateway does not know: refused and parked, still unsent.
    const id = randomUUID();
    enqueue(t.db, { id, kind: 'request', from: 'con-kokpekty', to: 'nowhere', service: 'guardianship-certificate', createdAt: now.toISOString(), attachments: [], payload: {} }, draft.id, now);
    const parked = await t.supervisor.sync.run({ job: 'outbox' });
    expect(parked.parked.map((message) => message.id)).toEqual([id]);
    expect(await codeOf(start(t))).toBe('OUTBOX_TOO_FULL');

    await expect(t.operator.sync.withdrawParked({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.supervisor.sync.withdrawParked({ id })).resolves.toMatchObject({ parked: [], guardrails: { unsent: 0, blocked: null } });
    expect(findRequest(t.db, draft.id).state).toBe('returned');
    expect(listAudit(t.db, { limit: 10, action: 'outbox.withdraw' }).map((entry) => entry.objectId)).toEqual([id]);
    await expect(t.supervisor.sync.withdrawParked({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await codeOf(start(t))).toBe('ok');
  });

  it('refuses limits out of range and changes nothing', async () => {
    const t = await centre();
    const before = (await t.supervisor.sync.status()).guardrails;
    for (const bad of [{ offlineHours: 0, maxUnsent: null, minFreeMb: null }, { offlineHours: 24, maxUnsent: -1, minFreeMb: null }, { offlineHours: 24, maxUnsent: null, minFreeMb: 1.5 }]) {
      expect(await codeOf(t.supervisor.sync.setGuardrails(bad))).toBe('VALIDATION_FAILED');
    }
    expect((await t.supervisor.sync.status()).guardrails).toEqual(before);
    expect(await codeOf(t.operator.sync.setGuardrails({ offlineHours: 1, maxUnsent: null, minFreeMb: null }))).toBe('FORBIDDEN');
  });
});
