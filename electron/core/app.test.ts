import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from './app';
import { migrations } from './db/migrations';
import { testCore } from './testing';

function start(dataDir: string, gateway: string | null = null, training = false) {
  const t = testCore({ appVersion: '9.9.9', dataDir, gateway, training, clock: 'system' });
  return { ...t, arm: t.window() };
}

describe('startCore', () => {
  it('answers system.health and system.info from a fresh data folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-core-'));
    const { arm } = start(dir);
    await expect(arm.system.health()).resolves.toEqual({
      status: 'ok',
      schemaVersion: migrations.length,
      gateway: { mode: 'none', reachable: false },
      // The web host and tests keep the master key in a file: said, so the screen can warn.
      atRest: { encrypted: true, protection: 'key-file' },
    });
    const info = await arm.system.info();
    expect(info).toMatchObject({ appVersion: '9.9.9', dataDir: dir, logDir: path.join(dir, 'logs'), schemaVersion: migrations.length, gateway: { mode: 'none', url: null } });
    expect(info.workstationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps the workstation id across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-core-'));
    const before = start(dir);
    const first = await before.arm.system.info();
    before.core.close();
    const second = await start(dir).arm.system.info();
    expect(second.workstationId).toBe(first.workstationId);
  });

  it('starts without a damaged database, says why, and does not touch the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-core-'));
    const file = path.join(dir, DATABASE_FILE);
    writeFileSync(file, Buffer.alloc(8192, 7));
    const { arm } = start(dir);
    await expect(arm.system.health()).resolves.toMatchObject({ status: 'failed', error: 'DB_CORRUPT', schemaVersion: 0 });
    expect(readFileSync(file).equals(Buffer.alloc(8192, 7))).toBe(true);
  });

  it('reports a configured gateway as reachable only when its /health answers', async () => {
    const server = http.createServer((request, response) => {
      // The answer the gateway's table gives /health (shared/gateway/endpoints.ts): the client checks it.
      response.statusCode = request.url === '/health' ? 200 : 404;
      response.end(request.url === '/health' ? '{"status":"ok"}' : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-core-'));
      await expect(start(dir, url, true).arm.system.health()).resolves.toMatchObject({ gateway: { mode: 'training', reachable: true } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-core-'));
    await expect(start(dir, url).arm.system.health()).resolves.toMatchObject({ gateway: { mode: 'live', reachable: false } });
  });
});
