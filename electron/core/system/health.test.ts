import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { contract, createClient } from '../../../shared/api';
import { startCore, type Core } from '../app';
import { memoryLogger } from '../testing';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function healthOf(appVersion: string, gateway: TestGateway) {
  const core: Core = startCore({ appVersion, dataDir: mkdtempSync(path.join(os.tmpdir(), 'arm-health-')), gatewayUrl: gateway.url, log: memoryLogger(), syncIntervalMs: 0 });
  cleanup.push(() => core.close());
  // Public: answered before anybody signs in, so the login screen can say it.
  return createClient(contract, (name, input) => core.dispatch(name, input, 'window')).system.health();
}

describe('the gateway’s version floor, seen before login', () => {
  it('says CLIENT_TOO_OLD for an АРМ below the floor, and nothing for one at it', async () => {
    const gateway = await startTestGateway({ minClientVersion: '0.3.0' });
    cleanup.push(() => gateway.dispose());
    expect((await healthOf('0.2.0', gateway)).gateway).toEqual({ mode: 'live', reachable: false, refusal: 'CLIENT_TOO_OLD' });
    expect((await healthOf('0.3.0', gateway)).gateway).toEqual({ mode: 'live', reachable: true });
  });
});
