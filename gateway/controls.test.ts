import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './server';
import { postJson, startTestGateway, type TestGateway } from './testing';

// The probe reset all traffic and injected faults from any local process. The controls now exist
// only on a gateway started with an admin secret (tests), and answer only a call carrying it.

const open: Array<Gateway | TestGateway> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((gateway) => gateway.close()));
});

const faults = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/_control/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ mode: 'error500' }) });

describe('the emulator’s controls', () => {
  it('do not exist on a gateway started without the secret (training, demos)', async () => {
    const gateway = await startGateway({ port: 0, dataDir: mkdtempSync(path.join(os.tmpdir(), 'arm-gateway-')), log: () => {} });
    open.push(gateway);
    const response = await faults(gateway.url);
    expect(response.status).toBe(404);
    expect((await fetch(`${gateway.url}/_control/reset`, { method: 'POST' })).status).toBe(404);
    // Nothing was injected: the gateway still answers.
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });

  it('refuse a call without the secret or with a wrong one, and change nothing', async () => {
    const gateway = await startTestGateway();
    open.push(gateway);
    for (const headers of [{}, { Authorization: 'Bearer guess' }, { Authorization: 'guess' }] as Array<Record<string, string>>) {
      const response = await faults(gateway.url, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    expect((await gateway.call('/health')).status).toBe(200);
  });

  it('work for the harness that holds the secret', async () => {
    const gateway = await startTestGateway({ controlSecret: 'a-long-enough-harness-secret' });
    open.push(gateway);
    expect((await gateway.call('/_control/faults', postJson({ mode: 'error500', count: 1 }))).status).toBe(200);
    expect((await gateway.call('/health')).status).toBe(500);
    expect((await faults(gateway.url, { Authorization: 'Bearer a-long-enough-harness-secret' })).status).toBe(200);
  });
});
