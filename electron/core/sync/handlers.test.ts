import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, createClient } from '../../../shared/api';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { startCore } from '../app';
import { listAudit } from '../audit/log';
import { enqueue } from '../outbox/queue';
import { memoryLogger, signedIn } from '../testing';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.dispose());

function workstation(gatewayUrl: string | null) {
  const core = startCore({ appVersion: 'test', dataDir: mkdtempSync(path.join(os.tmpdir(), 'arm-sync-')), gatewayUrl, log: memoryLogger(), syncIntervalMs: 0 });
  const as = (role: 'supervisor' | 'operator') => {
    const key = signedIn(core, role, '920701300012', `${role}-x`);
    return createClient(contract, (name, input) => core.dispatch(name, input, key));
  };
  return { core, as, db: core.context.db! };
}

describe('sync console channels', () => {
  it('reports each job after "sync now", lists a parked message and sends it back to the queue (audited)', async () => {
    const w = workstation(gateway.url);
    const supervisor = w.as('supervisor');
    // A message to an organisation the gateway does not know: refused, parked, the rest goes on.
    const id = randomUUID();
    enqueue(w.db, { id, kind: 'notice', from: 'con-kokpekty', to: 'nowhere', service: 'preschool-queue', createdAt: new Date().toISOString(), attachments: [], payload: {} }, null, new Date());
    const after = await supervisor.sync.run({});
    expect(after.jobs.map((job) => job.name)).toEqual(['outbox', 'inbox', 'trust', 'refdata', 'audit']);
    expect(after.jobs.find((job) => job.name === 'outbox')).toMatchObject({ failures: 0, lastError: null, lastSuccessAt: expect.any(String), running: false });
    expect(after.parked).toEqual([expect.objectContaining({ id, kind: 'notice', to: 'nowhere', lastError: 'ORGANISATION_NOT_FOUND' })]);

    await expect(supervisor.sync.retryParked({ id })).resolves.toMatchObject({ parked: [] });
    expect(w.db.prepare('SELECT state FROM outbox WHERE id = ?').get(id)).toEqual({ state: 'pending' });
    expect(listAudit(w.db, { limit: 10, action: 'outbox.retry' }).map((entry) => entry.objectId)).toEqual([id]);
    await expect(supervisor.sync.retryParked({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(w.as('operator').sync.retryParked({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    w.core.close();
  });

  it('says the gateway is not configured where there is none', async () => {
    const w = workstation(null);
    const supervisor = w.as('supervisor');
    await expect(supervisor.sync.status()).resolves.toMatchObject({ jobs: [], parked: [], machine: { enrolledAt: null, clockOffsetMs: null }, guardrails: { lastContactAt: null, blocked: null } });
    await expect(supervisor.sync.run({ job: 'outbox' })).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE' });
    w.core.close();
  });
});
