import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineHeaders, type MachineSigner } from '../shared/gateway/machine';
import { startGateway, type Gateway, type GatewayOptions } from './server';

/** A clock the test moves by hand: lease expiry without sleeping. */
export function manualClock(start = '2026-03-02T09:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance(seconds: number) {
      current += seconds * 1000;
    },
  };
}

export interface TestGateway extends Gateway {
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  /** fetch relative to the gateway's URL. */
  call(pathname: string, init?: RequestInit): Promise<Response>;
  /** Stops and starts again on the same data folder. */
  restart(): Promise<TestGateway>;
  /** Stops and removes the data folder. */
  dispose(): Promise<void>;
  /** A new workstation enrolled (by the admin secret) for these organisations, calling with its machine key. */
  machine(organisations: string[]): Promise<TestMachine>;
}

export interface TestMachine {
  signer: MachineSigner;
  /** base64 SPKI DER, as enrollment takes it. */
  publicKey: string;
  /** fetch relative to the gateway's URL, signed by this machine at `time` (default: the gateway's clock). */
  call(pathname: string, init?: RequestInit, time?: Date): Promise<Response>;
}

/** A machine key pair like the АРМ's (ECDSA P-256), not enrolled anywhere yet. */
export function newMachineKey(): { signer: MachineSigner; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    signer: { machineId: createHash('sha256').update(spki).digest('hex'), sign: (data) => new Uint8Array(sign('sha256', data, privateKey)) },
    publicKey: spki.toString('base64'),
  };
}

/** fetch with the machine's signature headers over this very method, path and body. */
export function signedFetch(url: string, signer: MachineSigner, pathname: string, init: RequestInit = {}, time = new Date()): Promise<Response> {
  const body = typeof init.body === 'string' ? new TextEncoder().encode(init.body) : init.body instanceof Uint8Array ? init.body : new Uint8Array();
  const headers = { ...(init.headers as Record<string, string> | undefined), ...machineHeaders(signer, { method: init.method ?? 'GET', path: pathname, body, time }) };
  return fetch(`${url}${pathname}`, { ...init, headers });
}

export async function startTestGateway(options: Partial<GatewayOptions> = {}, dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-gateway-'))): Promise<TestGateway> {
  const clock = manualClock();
  // Tests drive the controls: the secret is made here and `call` sends it to /_control/*.
  const controlSecret = options.controlSecret ?? randomBytes(24).toString('base64url');
  // Lenient unless a test asks otherwise: the harness's own calls are plain fetch (gateway/server.ts).
  const gateway = await startGateway({ port: 0, dataDir, now: clock.now, log: () => {}, machineAuth: 'lenient', ...options, controlSecret });
  const test: TestGateway = {
    ...gateway,
    dataDir,
    clock,
    call: (pathname, init = {}) =>
      fetch(`${gateway.url}${pathname}`, pathname.startsWith('/_control/') ? { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${controlSecret}` } } : init),
    restart: async () => {
      await gateway.close();
      return startTestGateway({ ...options, controlSecret }, dataDir);
    },
    machine: async (organisations) => {
      const key = newMachineKey();
      const enrolled = await test.call('/_control/machines', postJson({ publicKey: key.publicKey, organisations }));
      if (!enrolled.ok) throw new Error(`enrollment refused: ${await enrolled.text()}`);
      return { ...key, call: (pathname, init, time) => signedFetch(gateway.url, key.signer, pathname, init, time ?? clock.now()) };
    },
    dispose: async () => {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

export const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
