import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import { applyKey, corruption, openDatabase, readHeader, schemaVersion, type EncryptionStep } from './database';
import { migrations } from './migrations';
import { buildChildScript } from '../testing/childScript';

const root = mkdtempSync(path.join(os.tmpdir(), 'arm-enc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tempFile(): string {
  return path.join(mkdtempSync(path.join(root, 'db-')), 'arm.sqlite');
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ArmError ? error.code : `not ArmError: ${String(error)}`;
  }
  return undefined;
}

const MARK = 'Жумабекова Айгерим 900101400123';

/** A plain database as an АРМ before encryption left it: every migration, one marked row. */
function plainDatabase(file: string): void {
  openDatabase(file).close();
  const db = new Database(file);
  db.prepare("INSERT INTO meta (key, value) VALUES ('probe', ?)").run(MARK);
  db.close();
}

describe('encryption at rest', () => {
  const key = randomBytes(32);

  it('creates an encrypted database: no SQLite header, no plain text, unreadable without the key', () => {
    const file = tempFile();
    const db = openDatabase(file, { key });
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', ?)").run(MARK);
    db.close();
    expect(readHeader(file).kind).toBe('other');
    expect(readFileSync(file).includes(Buffer.from('Айгерим'))).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('900101400123'))).toBe(false);
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
    expect(codeOf(() => openDatabase(file, { key: randomBytes(32) }))).toBe('DB_CORRUPT');
    const again = openDatabase(file, { key });
    expect(again.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: MARK });
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    again.close();
  });

  it('still refuses a newer encrypted database and leaves it byte for byte', () => {
    const file = tempFile();
    openDatabase(file, { key }).close();
    const newer = new Database(file);
    applyKey(newer, key);
    newer.pragma(`user_version = ${migrations.length + 3}`);
    newer.close();
    const before = readFileSync(file);
    expect(codeOf(() => openDatabase(file, { key }))).toBe('DB_TOO_NEW');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('still refuses a damaged encrypted database and leaves it byte for byte', () => {
    const file = tempFile();
    openDatabase(file, { key }).close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 0, 4096);
    writeFileSync(file, bytes);
    expect(codeOf(() => openDatabase(file, { key }))).toBe('DB_CORRUPT');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('encrypts a plain database in place and keeps every row', () => {
    const file = tempFile();
    plainDatabase(file);
    expect(readFileSync(file).includes(Buffer.from('900101400123'))).toBe(true);
    const steps: EncryptionStep[] = [];
    const db = openDatabase(file, { key, onMigrationStep: (step) => steps.push(step) });
    expect(steps).toEqual(['checkpointed', 'copied', 'encrypted', 'verified', 'swapped']);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: MARK });
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
    expect(readHeader(file).kind).toBe('other');
    expect(readFileSync(file).includes(Buffer.from('900101400123'))).toBe(false);
    expect(existsSync(`${file}.encrypting`)).toBe(false);
  });

  it('refuses to encrypt a plain database newer than the build and leaves it as it was', () => {
    const file = tempFile();
    plainDatabase(file);
    const newer = new Database(file);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    const before = readFileSync(file);
    expect(codeOf(() => openDatabase(file, { key }))).toBe('DB_TOO_NEW');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('start errors', () => {
  // Root (this workplace, CI) writes through any permission bit, so a read-only file cannot be
  // staged here; the codes SQLite and the OS give for one are what the core maps.
  it('maps a read-only file or disk to DB_READONLY and damage to DB_CORRUPT', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(corruption(error('SQLITE_READONLY'))?.code).toBe('DB_READONLY');
    expect(corruption(error('SQLITE_READONLY_DBMOVED'))?.code).toBe('DB_READONLY');
    expect(corruption(error('SQLITE_CANTOPEN'))?.code).toBe('DB_READONLY');
    expect(corruption(error('EROFS'))?.code).toBe('DB_READONLY');
    expect(corruption(error('SQLITE_NOTADB'))?.code).toBe('DB_CORRUPT');
    expect(corruption(error('SQLITE_BUSY'))).toBeNull();
  });
});

describe('encryption in place killed with SIGKILL', () => {
  const appRoot = path.join(root, 'app');
  const script = path.join(appRoot, 'build', 'encrypt.cjs');

  beforeAll(async () => {
    // The child encrypts and kills itself (kill -9) when it reaches the named step.
    await buildChildScript(appRoot, 'encrypt', __dirname, `
          import { encryptInPlace } from './database';
          const [file, keyHex, dieAt] = process.argv.slice(2);
          encryptInPlace(file, Buffer.from(keyHex, 'hex'), {
            onMigrationStep: (step) => { if (step === dieAt) process.kill(process.pid, 'SIGKILL'); },
          });
        `);
  });

  for (const dieAt of ['checkpointed', 'copied', 'encrypted', 'verified', 'swapped'] as const) {
    it(`loses nothing when killed after «${dieAt}»: the next start opens every row`, () => {
      const key = randomBytes(32);
      const file = tempFile();
      plainDatabase(file);
      const run = spawnSync(process.execPath, [script, file, key.toString('hex'), dieAt]);
      expect(run.signal).toBe('SIGKILL');
      // The folder holds the plain original or the verified encrypted copy, never a mix.
      expect(['plain', 'other']).toContain(readHeader(file).kind);
      expect(readHeader(file).kind).toBe(dieAt === 'swapped' ? 'other' : 'plain');
      const db = openDatabase(file, { key });
      expect(db.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: MARK });
      db.close();
      expect(existsSync(`${file}.encrypting`)).toBe(false);
      expect(readFileSync(file).includes(Buffer.from('900101400123'))).toBe(false);
    });
  }
});
