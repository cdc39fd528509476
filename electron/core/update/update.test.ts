import { afterEach, describe, expect, it } from 'vitest';
import { contract, createClient, type ArmError, type UpdateStatus } from '../../../shared/api';
import { listAudit } from '../audit/log';
import { signedIn, testCore, codeOf } from '../testing';
import type { UpdateService } from './service';
import { updateGate } from './service';

const cores: Array<ReturnType<typeof testCore>> = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.core.close();
});

function fakeUpdates(state: UpdateStatus['state'] = 'ready') {
  const service: UpdateService & { installs: number } = {
    installs: 0,
    status: () => ({ state, current: '0.1.0', available: '0.2.0' }),
    check: async () => ({ state, current: '0.1.0', available: '0.2.0' }),
    install: () => void service.installs++,
  };
  return service;
}

function setup(updates: UpdateService | null) {
  const t = testCore();
  cores.push(t);
  t.core.context.updates = updates;
  const window = signedIn(t.core, 'supervisor', '880315400010');
  const supervisor = createClient(contract, (name, input) => t.core.dispatch(name, input, window));
  return { ...t, supervisor };
}

function queueRequest(db: ReturnType<typeof testCore>['db'], id: string) {
  db.prepare("INSERT INTO outbox (id, request_id, message, next_attempt_at, created_at) VALUES (?, NULL, '{}', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z')").run(id);
}


describe('the update gate', () => {
  it('installs on an empty outbox, waits on a full one unless the supervisor confirms', () => {
    expect(updateGate(0, false)).toBe('install');
    expect(updateGate(2, false)).toBe('wait');
    expect(updateGate(2, true)).toBe('install');
  });

  it('refuses «install» while the outbox holds requests, names how many, and installs nothing', async () => {
    const updates = fakeUpdates();
    const t = setup(updates);
    queueRequest(t.db, 'm-1');
    queueRequest(t.db, 'm-2');
    await expect(t.supervisor.update.status()).resolves.toMatchObject({ state: 'ready', available: '0.2.0', outboxPending: 2 });
    const error = await t.supervisor.update.install({ confirm: false }).catch((caught: unknown) => caught as ArmError);
    expect(error).toMatchObject({ code: 'UPDATE_OUTBOX_PENDING', params: { count: 2 } });
    expect(updates.installs).toBe(0);
  });

  it('installs once the outbox is empty, or at once when the supervisor confirms, and audits who did', async () => {
    const updates = fakeUpdates();
    const empty = setup(updates);
    await empty.supervisor.update.install({ confirm: false });
    expect(updates.installs).toBe(1);

    const full = setup(updates);
    queueRequest(full.db, 'm-1');
    await full.supervisor.update.install({ confirm: true });
    expect(updates.installs).toBe(2);
    expect(listAudit(full.db, { limit: 10 })).toContainEqual(expect.objectContaining({ action: 'update.install' }));
  });

  it('answers UPDATE_NOT_READY before a download and off/unsupported on the web host; only the supervisor may ask', async () => {
    const downloading = setup(fakeUpdates('downloading'));
    expect(await codeOf(downloading.supervisor.update.install({ confirm: true }))).toBe('UPDATE_NOT_READY');
    const web = setup(null);
    await expect(web.supervisor.update.status()).resolves.toMatchObject({ state: 'off', reason: 'unsupported', current: 'test' });
    const operatorWindow = signedIn(web.core, 'operator');
    const operator = createClient(contract, (name, input) => web.core.dispatch(name, input, operatorWindow));
    expect(await codeOf(operator.update.install({ confirm: true }))).toBe('FORBIDDEN');
  });
});
