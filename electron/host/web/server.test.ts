import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api';
import { startWebHost, type WebHost } from './server';

let host: WebHost;
const calls: Array<{ channel: string; input: unknown }> = [];
const sessions: string[] = [];

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'arm-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({
    rendererDir,
    port: 0,
    maxBodyBytes: 1024,
    dispatch: async (channel, input, sessionKey): Promise<Envelope> => {
      calls.push({ channel, input });
      sessions.push(sessionKey);
      if (!sessionKey.startsWith(`web:${host.token}`)) throw new Error(`unexpected session ${sessionKey}`);
      if (channel === 'system.health') return { ok: true, value: { status: 'ok' } };
      if (channel === 'system.bad') return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'bad', issues: [{ path: 'iin', message: 'x' }] } };
      return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown channel' } };
    },
  });
});
afterAll(() => host.close());

const base = () => `http://127.0.0.1:${host.port}`;
const call = (channel: string, init: RequestInit = {}) =>
  fetch(`${base()}/api/${channel}`, { method: 'POST', ...init, headers: { Authorization: `Bearer ${host.token}`, ...init.headers } });

describe('web host', () => {
  it('prints a URL that carries the launch token in its fragment and listens on loopback', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a channel call that carries the token', async () => {
    const response = await call('system.health', { body: JSON.stringify({ input: { a: 1 } }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { status: 'ok' } });
    expect(calls.at(-1)).toEqual({ channel: 'system.health', input: { a: 1 } });
  });

  it('keeps one session per browser window the page names, and one for a page that names none or names it badly', async () => {
    await call('system.health', { headers: { 'X-Arm-Window': 'a1b2c3d4-0000-4000-8000-000000000001' } });
    await call('system.health', { headers: { 'X-Arm-Window': 'a1b2c3d4-0000-4000-8000-000000000002' } });
    await call('system.health');
    await call('system.health', { headers: { 'X-Arm-Window': 'x:y' } });
    expect(sessions.slice(-4)).toEqual([
      `web:${host.token}:a1b2c3d4-0000-4000-8000-000000000001`,
      `web:${host.token}:a1b2c3d4-0000-4000-8000-000000000002`,
      `web:${host.token}`,
      `web:${host.token}`,
    ]);
  });

  it('refuses a call without the token or with a wrong one (401) and never dispatches it', async () => {
    const before = calls.length;
    expect((await fetch(`${base()}/api/system.health`, { method: 'POST' })).status).toBe(401);
    const wrong = await fetch(`${base()}/api/system.health`, { method: 'POST', headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(calls.length).toBe(before);
  });

  it('refuses a foreign Origin (403) even with the token', async () => {
    const response = await call('system.health', { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await call('system.health', { headers: { Origin: base() } })).status).toBe(200);
  });

  it('maps error codes to HTTP statuses: unknown channel 404, validation 400', async () => {
    expect((await call('nothing.here')).status).toBe(404);
    const bad = await call('system.bad');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', issues: [{ path: 'iin' }] } });
  });

  it('refuses a body that is not JSON (400) or too large (413)', async () => {
    expect((await call('system.health', { body: '{not json' })).status).toBe(400);
    expect((await call('system.health', { body: JSON.stringify({ input: 'x'.repeat(2000) }) })).status).toBe(413);
  });

  it('answers 413 with its envelope, not a reset, to a body far over the limit', async () => {
    for (let round = 0; round < 5; round++) {
      const response = await call('system.health', { body: 'x'.repeat(4 * 1024 * 1024) });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });

  it('answers 404 for a NUL byte in the path (GET /%00 was a 500)', async () => {
    for (const bad of ['/%00', '/assets/app.js%00', '/%00.js']) expect((await fetch(`${base()}${bad}`)).status, bad).toBe(404);
  });

  it('serves the renderer with a strict CSP, index.html for app paths, 404 for missing files', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('permissions-policy')).toContain('camera=(self), microphone=()');
    expect(await page.text()).toContain('shell');
    expect((await fetch(`${base()}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect(await (await fetch(`${base()}/journal/today`)).text()).toContain('shell');
    expect((await fetch(`${base()}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base()}/%2e%2e/%2e%2e/etc/passwd.txt`)).status).toBe(404);
  });
});
