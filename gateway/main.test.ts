import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleGateway } from './bundle';
import { countersign } from '../shared/gateway/machine';
import { parseGatewayArgs } from './cli';
import { newMachineKey, signedFetch } from './testing';

describe('parseGatewayArgs', () => {
  it('reads --port and --data-dir', () => {
    expect(parseGatewayArgs(['--port', '8123', '--data-dir', '/tmp/gw'])).toEqual({
      port: 8123,
      dataDir: '/tmp/gw',
      trustDir: null,
      parentPid: null,
      minClientVersion: null,
      adminSecretFile: null,
      machineAuth: 'required',
      trainingProvider: null,
    });
    expect(parseGatewayArgs(['--training-provider', 'edu-kokpekty']).trainingProvider).toBe('edu-kokpekty');
    expect(parseGatewayArgs(['--machine-auth', 'lenient']).machineAuth).toBe('lenient');
    expect(() => parseGatewayArgs(['--machine-auth', 'none'])).toThrow(/--machine-auth/);
    expect(parseGatewayArgs(['--parent-pid', '4242']).parentPid).toBe(4242);
    expect(() => parseGatewayArgs(['--parent-pid', '0'])).toThrow(/--parent-pid/);
    expect(parseGatewayArgs(['--trust-dir', '/tmp/pki']).trustDir).toBe('/tmp/pki');
    expect(parseGatewayArgs([]).port).toBe(0);
  });

  it('refuses a bad port or an unknown flag', () => {
    for (const port of ['-1', '65536', 'eighty', '1.5', '']) expect(() => parseGatewayArgs(['--port', port]), port).toThrow(/--port/);
    expect(() => parseGatewayArgs(['--gateway', 'x'])).toThrow();
  });
});

describe('the gateway process (build/node/gateway.cjs as npm run gateway runs it)', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arm-gateway-main-'));
  const bundle = path.join(work, 'gateway.cjs');
  const dataDir = path.join(work, 'data');
  const secretFile = path.join(work, 'admin.secret');

  beforeAll(async () => {
    await bundleGateway(bundle);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Starts the process, resolves with its first stdout line and the process. */
  function run() {
    const child = spawn(process.execPath, [bundle, '--port', '0', '--data-dir', dataDir, '--admin-secret-file', secretFile], {
      env: { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const firstLine = new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    return { child, firstLine };
  }

  it('prints exactly "Gateway ready: <url>" with the real port, serves, and keeps messages after SIGKILL', async () => {
    const first = run();
    const line = await first.firstLine;
    expect(line).toMatch(/^Gateway ready: http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('Gateway ready: '.length);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });

    const message = {
      id: '3f1c2b7e-8d4a-4c1e-9b2f-6a5d4e3c2b1a',
      kind: 'request',
      from: 'con-kokpekty',
      to: 'edu-kokpekty',
      service: 'preschool-queue',
      createdAt: '2026-03-02T08:00:00.000Z',
      attachments: [],
      payload: { note: 'survives a kill' },
    };
    // Only enrolled workstations are served: a plain call is refused, the admin enrolls one with
    // the secret from its file, and that machine's signed, countersigned message is taken.
    const unsigned = await fetch(`${url}/messages`, { method: 'POST', body: JSON.stringify(message) });
    expect(unsigned.status).toBe(401);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const machine = newMachineKey();
    const admin = { Authorization: `Bearer ${readFileSync(secretFile, 'utf8')}` };
    const enrolled = await fetch(`${url}/_control/machines`, { method: 'POST', headers: admin, body: JSON.stringify({ publicKey: machine.publicKey, organisations: ['con-kokpekty'] }) });
    expect(enrolled.status).toBe(200);
    const post = (base: string) => signedFetch(base, machine.signer, '/messages', { method: 'POST', body: JSON.stringify(countersign(machine.signer, message)) });
    const receipt = await (await post(url)).json();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = run();
    const secondUrl = (await second.firstLine).slice('Gateway ready: '.length);
    const resend = await post(secondUrl);
    expect(resend.status).toBe(200);
    expect(await resend.json()).toEqual(receipt);
    second.child.kill('SIGTERM');
    expect(await new Promise((resolve) => second.child.once('exit', resolve))).toBe(0);
  });

  it('--parent-pid: stops by itself when the process that started it is killed outright (kill -9)', async () => {
    // A stand-in for the АРМ: starts the emulator with its own pid, prints the emulator's pid, waits.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, [${JSON.stringify(bundle)}, '--port', '0', '--data-dir', ${JSON.stringify(path.join(work, 'orphan'))}, '--parent-pid', String(process.pid)], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.once('data', () => console.log(child.pid));
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { env: { ...process.env, NODE_PATH: path.join(__dirname, '..', 'node_modules') }, stdio: ['ignore', 'pipe', 'inherit'] });
    const emulatorPid = Number(await new Promise<string>((resolve) => createInterface({ input: parent.stdout! }).once('line', resolve)));
    const running = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(running(emulatorPid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (running(emulatorPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running(emulatorPid)).toBe(false);
  }, 20_000);
});
