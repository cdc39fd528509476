import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
}

export async function startTestGateway(options: Partial<GatewayOptions> = {}, dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-gateway-'))): Promise<TestGateway> {
  const clock = manualClock();
  // Tests drive the controls: the secret is made here and `call` sends it to /_control/*.
  const controlSecret = options.controlSecret ?? randomBytes(24).toString('base64url');
  const gateway = await startGateway({ port: 0, dataDir, now: clock.now, log: () => {}, ...options, controlSecret });
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
    dispose: async () => {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return test;
}

export const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
