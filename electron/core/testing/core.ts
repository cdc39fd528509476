import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { contract, createClient, type Role } from '../../../shared/api';
import { startCore, type Core } from '../app';
import { insertUser } from '../auth/accounts';
import type { Logger } from '../log';

// The one way a test starts a core: a temporary data folder, a clock the test moves, the gateway
// emulator (or none), and accounts signed in without the password round trip.

export interface TestClock {
  now: number;
}

export const TEST_START = '2026-03-02T09:00:00Z';

export interface TestCoreOptions {
  /** The emulator (gateway/testing.ts's TestGateway), any URL, or none: a workstation with no gateway. */
  gateway?: { url: string } | string | null;
  /** A clock the test moves (shared with the emulator or another core), or the machine's clock. Default: one at TEST_START. */
  clock?: TestClock | 'system';
  /** An existing data folder (a restart); left in place on close. */
  dataDir?: string;
  training?: boolean;
  /** The installed app's resources folder; absent: the repository's assets/. */
  resourcesPath?: string;
  fetch?: typeof fetch;
  log?: Logger;
  appVersion?: string;
}

// Logins stay unique across cores on one data folder (a restart keeps the accounts).
let logins = 0;

export type MemoryLogger = Logger & { lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> };

/** A logger that keeps lines for assertions instead of printing them. */
export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  return {
    lines,
    info: (event, fields) => void lines.push({ level: 'info', event, ...(fields ? { fields } : {}) }),
    warn: (event, fields) => void lines.push({ level: 'warn', event, ...(fields ? { fields } : {}) }),
    error: (event, fields) => void lines.push({ level: 'error', event, ...(fields ? { fields } : {}) }),
  };
}

/**
 * A real core. Made inside a test, it closes (and removes its own data folder) when the test
 * ends; made in beforeAll, the file calls `close()` in afterAll. The outbox runs only when asked.
 */
export function testCore(options: TestCoreOptions = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'arm-test-'));
  const clock: TestClock = options.clock === 'system' ? { get now() { return Date.now(); } } : (options.clock ?? { now: Date.parse(TEST_START) });
  const log = options.log ?? memoryLogger();
  const gatewayUrl = typeof options.gateway === 'string' ? options.gateway : (options.gateway?.url ?? null);
  const core: Core = startCore({
    appVersion: options.appVersion ?? 'test',
    dataDir,
    log,
    gatewayUrl,
    training: options.training ?? false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.resourcesPath ? { resourcesPath: options.resourcesPath } : {}),
    now: () => new Date(clock.now),
    syncIntervalMs: 0,
  });
  /** A client for one window; two windows are two sessions. */
  const window = (key = 'window-1') => createClient(contract, (name, input) => core.dispatch(name, input, key));
  /** An account of the role signed in in a window of its own; answers the window's key. */
  const signIn = (role: Role, iin = '920701300012', login = `${role}-${++logins}`) => signedIn(core, role, iin, login);
  /** A client for a new account of the role. */
  const as = (role: Role, iin?: string) => window(signIn(role, iin));
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    core.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  // Training mode seeds its demo accounts in the background (scrypt): close only after that.
  if (expect.getState().currentTestName !== undefined) onTestFinished(() => core.ready.then(close, close));
  return { core, clock, dataDir, log, window, signIn, as, close, db: core.context.db! };
}

export type TestCore = ReturnType<typeof testCore>;

export const SUPERVISOR = {
  login: 'supervisor',
  fullName: 'Ахметова Динара Серікқызы',
  iin: '880315400010',
  organisation: 'ЦОН района',
  password: 'Бастау-2026!',
};

/**
 * Makes an account and signs it in in a window of its own, without the password round trip:
 * for tests about what a role may do, not about logging in. Returns the window's session key.
 */
export function signedIn(core: Core, role: Role, iin = '920701300012', login: string = role): string {
  const user = insertUser(core.context.db!, { login, fullName: login, iin, role, organisation: 'test', passwordHash: 'scrypt$1$1$1$x$x', mustChangePassword: false }, core.context.now());
  const key = `window-${login}`;
  const session = core.sessions.get(key);
  session.user = { id: user.id, login, fullName: login, role, organisation: 'test', mustChangePassword: false };
  session.lastActivity = core.context.now().getTime();
  return key;
}
