import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { ArmError } from '../../shared/api';
import { DATABASE_FILE, startCore, type Core } from './app';
import { writeAttachment } from './documents/store';
import { lockFolder, PRIVATE_DIR, PRIVATE_FILE } from './folder';
import { createLogger } from './log';
import { memoryLogger } from './testing';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'arm-folder-'));
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});
const start = (dataDir: string) => {
  const core = startCore({ appVersion: 'test', dataDir, log: memoryLogger(), syncIntervalMs: 0 });
  cores.push(core);
  return core;
};
const codeOfThrow = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ArmError ? error.code : String(error);
  }
  return 'no error';
};
const mode = (file: string) => statSync(file).mode & 0o777;

describe('one АРМ per data folder', () => {
  it('refuses a second core on the same folder, and lets the next one start after close', () => {
    const dataDir = tempDir();
    const first = start(dataDir);
    expect(codeOfThrow(() => start(dataDir))).toBe('DATA_DIR_IN_USE');
    expect(first.context.db).not.toBeNull();
    first.close();
    cores.splice(0);
    expect(start(dataDir).context.db).not.toBeNull();
  });

  it('is not blocked by a lock a killed process (kill -9) left behind', async () => {
    const dataDir = tempDir();
    // The real lockFolder in a process of its own, killed without any chance to clean up. The lock
    // is kept referenced, as the core keeps it: a collected connection would release it.
    const bundle = path.join(tempDir(), 'holder.cjs');
    buildSync({
      stdin: { contents: `const { lockFolder } = require(${JSON.stringify(path.join(__dirname, 'folder.ts'))}); globalThis.held = lockFolder(process.argv[2]); console.log('locked'); setInterval(() => {}, 1000);`, resolveDir: __dirname, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
    const holder = spawn(process.execPath, [bundle, dataDir], { env: { ...process.env, NODE_PATH: path.resolve('node_modules') }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('locked') ? resolve() : undefined));
      holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    expect(codeOfThrow(() => lockFolder(dataDir))).toBe('DATA_DIR_IN_USE');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const lock = lockFolder(dataDir);
    lock.release();
  }, 30_000);
});

describe('the data folder is private and clean', () => {
  it('makes the folder 0700 and the database, scans and logs 0600, even under a loose umask or on a folder made 0755', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    const previous = process.umask(0o022);
    try {
      const core = start(dataDir);
      const sha256 = writeAttachment(dataDir, new Uint8Array([1, 2, 3]));
      const log = createLogger(dataDir);
      log.info('folder.test');
      await log.close();
      expect(mode(dataDir)).toBe(PRIVATE_DIR);
      expect(mode(path.join(dataDir, DATABASE_FILE))).toBe(PRIVATE_FILE);
      expect(mode(path.join(dataDir, 'attachments', sha256.slice(0, 2)))).toBe(PRIVATE_DIR);
      expect(mode(path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256))).toBe(PRIVATE_FILE);
      expect(mode(path.join(dataDir, 'logs'))).toBe(PRIVATE_DIR);
      const logs = readdirSync(path.join(dataDir, 'logs')).filter((name) => name.endsWith('.log'));
      expect(logs.length).toBeGreaterThan(0);
      for (const name of logs) expect(mode(path.join(dataDir, 'logs', name)), name).toBe(PRIVATE_FILE);
      core.context.db!.prepare('SELECT 1').get();
      for (const companion of ['-wal', '-shm']) expect(mode(path.join(dataDir, DATABASE_FILE + companion)), companion).toBe(PRIVATE_FILE);
    } finally {
      process.umask(previous);
    }
  });

  it('removes the temporary files an interrupted upload left, and keeps the stored scans', () => {
    const dataDir = tempDir();
    const sha256 = writeAttachment(dataDir, new Uint8Array([4, 5, 6]));
    const shard = path.join(dataDir, 'attachments', sha256.slice(0, 2));
    writeFileSync(path.join(shard, `${sha256}.a1b2c3.tmp`), 'half a scan');
    const log = memoryLogger();
    cores.push(startCore({ appVersion: 'test', dataDir, log, syncIntervalMs: 0 }));
    expect(readdirSync(shard)).toEqual([sha256]);
    expect(log.lines).toContainEqual({ level: 'warn', event: 'attachments.temporary_removed', fields: { count: 1 } });
  });
});
