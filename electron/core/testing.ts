import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, createClient } from '../../shared/api';
import { startCore, type Core } from './app';
import type { Logger } from './log';

/** A logger that keeps lines for assertions instead of printing them. */
export function memoryLogger(): Logger & { lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> = [];
  return {
    lines,
    info: (event, fields) => void lines.push({ level: 'info', event, ...(fields ? { fields } : {}) }),
    warn: (event, fields) => void lines.push({ level: 'warn', event, ...(fields ? { fields } : {}) }),
    error: (event, fields) => void lines.push({ level: 'error', event, ...(fields ? { fields } : {}) }),
  };
}

/** A real core over a temporary data folder with a clock the test moves. */
export function testCore(dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-test-'))) {
  const clock = { now: Date.parse('2026-03-02T09:00:00Z') };
  const core: Core = startCore({ appVersion: 'test', dataDir, log: memoryLogger(), now: () => new Date(clock.now) });
  /** A client for one window; two windows are two sessions. */
  const window = (key = 'window-1') => createClient(contract, (name, input) => core.dispatch(name, input, key));
  return { core, clock, dataDir, window, db: core.context.db! };
}

export const SUPERVISOR = {
  login: 'supervisor',
  fullName: 'Ахметова Динара Серікқызы',
  iin: '880315400010',
  organisation: 'ЦОН района',
  password: 'Бастау-2026!',
};
