import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logDir } from './log';

const logFiles = (dataDir: string) => readdirSync(logDir(dataDir)).filter((file) => /^arm-\d{4}-\d{2}-\d{2}\.log(\.\d+)?$/.test(file)).sort();

afterEach(() => vi.useRealTimers());

describe('the log', () => {
  it('writes one JSON object a line into <dataDir>/logs', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-log-'));
    const log = createLogger(dataDir, () => new Date('2026-03-02T09:00:00Z'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    log.info('call.refused', { channel: 'auth.login', code: 'LOGIN_FAILED' });
    log.error('db.open_failed', { code: 'DB_CORRUPT' });
    await log.close();
    vi.restoreAllMocks();
    const [file] = logFiles(dataDir);
    const lines = readFileSync(path.join(logDir(dataDir), file!), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { time: '2026-03-02T09:00:00.000Z', level: 'info', event: 'call.refused', channel: 'auth.login', code: 'LOGIN_FAILED' },
      { time: '2026-03-02T09:00:00.000Z', level: 'error', event: 'db.open_failed', code: 'DB_CORRUPT' },
    ]);
  });

  it('starts a new file when one reaches the size limit', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-log-size-'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createLogger(dataDir, () => new Date(), { maxSize: '1k', maxDays: 30 });
    for (let n = 0; n < 60; n++) {
      log.info('outbox.sent', { attempt: n, padding: 'x'.repeat(60) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await log.close();
    vi.restoreAllMocks();
    const files = logFiles(dataDir);
    expect(files.length).toBeGreaterThan(3);
    const lines = files.flatMap((file) => readFileSync(path.join(logDir(dataDir), file), 'utf8').trim().split('\n'));
    expect(lines).toHaveLength(60);
    for (const file of files) expect(readFileSync(path.join(logDir(dataDir), file)).length).toBeLessThanOrEqual(1024 + 200);
  });

  it('deletes files older than the retention in days', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-log-days-'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-05T09:00:00Z') });
    const old = createLogger(dataDir, () => new Date(), { maxSize: '10m', maxDays: 30 });
    old.info('app.started');
    await old.close();
    expect(logFiles(dataDir)).toEqual(['arm-2026-01-05.log']);
    vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
    const current = createLogger(dataDir, () => new Date(), { maxSize: '10m', maxDays: 30 });
    current.info('app.started');
    await current.close();
    vi.restoreAllMocks();
    expect(logFiles(dataDir)).toEqual(['arm-2026-03-02.log']);
  });

  it('without a data folder writes only to stderr', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createLogger(null);
    log.warn('trust.refresh_failed');
    await log.close();
    expect(write).toHaveBeenCalledWith(expect.stringContaining('"event":"trust.refresh_failed"'));
    vi.restoreAllMocks();
  });
});
