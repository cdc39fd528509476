import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArmError } from '../../../shared/api';
import { cacheStatements } from '../../../shared/db/statements';
import { migrations as bundledMigrations } from './migrations';
import { applyKey, readHeader, type Header } from './cipher';

export { applyKey, readHeader };

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Where better-sqlite3's native module lives when the host (Electron) needs its own build. */
  nativeBinding?: string;
  /**
   * The database key (vault/masterKey.ts, derived for 'database'). With it the file is encrypted
   * (SQLite3 Multiple Ciphers, ChaCha20-Poly1305): a plain file found at start is encrypted in
   * place first (encryptInPlace). Without it the file stays plain (tests, the gateway emulator).
   */
  key?: Buffer | null;
  /** Called between the steps of encryptInPlace; the crash test kills the process there. */
  onMigrationStep?: (step: EncryptionStep) => void;
}

const SQLITE_CORRUPTION = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** SQLite's and the file system's failures translated: damaged, or not writable (a read-only disk or file). */
export function corruption(error: unknown): ArmError | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (SQLITE_CORRUPTION.has(code)) return new ArmError('DB_CORRUPT', `The database file is damaged or under another key: ${(error as Error).message}`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new ArmError('DB_READONLY', `The database cannot be written: ${(error as Error).message}`);
  }
  return null;
}

function connect(file: string, options: OpenOptions): Db {
  return new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
}

/**
 * Reads the file's header itself before SQLite touches it, then reads the schema before any
 * pragma writes: a damaged or newer database is reported and left byte for byte as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? bundledMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const key = options.key ?? null;
  let header: Header;
  try {
    header = readHeader(file);
  } catch (error) {
    throw corruption(error) ?? error;
  }
  if (header.kind === 'plain') refuseNewer(header.version, latest);
  if (header.kind === 'other' && !key) throw new ArmError('DB_CORRUPT', `${file} is not an SQLite database or its header is damaged.`);
  if (header.kind === 'plain' && key) {
    try {
      encryptInPlace(file, key, options);
    } catch (error) {
      throw corruption(error) ?? error;
    }
  }
  // A copy left by an encryption killed before its swap; the original is what counts.
  if (key && header.kind !== 'plain') rmSync(`${file}.encrypting`, { force: true });

  let db: Db;
  try {
    db = connect(file, options);
  } catch (error) {
    throw corruption(error) ?? error;
  }
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // The header can lag behind a WAL left by a crash; the connection sees the real version.
    refuseNewer(schemaVersion(db), latest);
    db.pragma('journal_mode = WAL');
    // FULL: a request the operator saw saved (and the outbox row with it) survives a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return cacheStatements(db);
  } catch (error) {
    db.close();
    throw corruption(error) ?? error;
  }
}

export type EncryptionStep = 'checkpointed' | 'copied' | 'encrypted' | 'verified' | 'swapped';

/** Rows per table: what a copy must hold to count as the same database. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

export function integrityOk(db: Db): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0]!.integrity_check === 'ok';
}

function fsyncPath(target: string): void {
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Encrypts a plain database in place: copy, encrypt the copy, verify it (integrity, the same rows
 * per table), then one rename over the original. Killed at any point, the folder holds the plain
 * original or the verified encrypted one, never a mix; a left-over copy is redone next start.
 */
export function encryptInPlace(file: string, key: Buffer, options: OpenOptions = {}): void {
  const step = options.onMigrationStep ?? (() => {});
  const copy = `${file}.encrypting`;
  rmSync(copy, { force: true });
  rmSync(`${copy}-journal`, { force: true });
  const plain = connect(file, options);
  let counts: Record<string, number>;
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    counts = tableCounts(plain);
  } finally {
    plain.close();
  }
  // Closing the last connection folds the WAL in and deletes it; one still there belongs to
  // another process, and renaming under it would pair a plain WAL with an encrypted file.
  for (const side of ['-wal', '-shm']) {
    if (existsSync(file + side) && statSync(file + side).size > 0 && side === '-wal') {
      throw new ArmError('DB_UNAVAILABLE', 'The database is in use by another process.');
    }
    rmSync(file + side, { force: true });
  }
  step('checkpointed');
  copyFileSync(file, copy);
  step('copied');
  const encrypting = connect(copy, options);
  try {
    // The copy is thrown away unless verified, so it needs no journal while it is re-keyed.
    encrypting.pragma('journal_mode = DELETE');
    encrypting.pragma('journal_mode = OFF');
    encrypting.pragma('synchronous = OFF');
    applyKey(encrypting, key, 'hexrekey');
  } finally {
    encrypting.close();
  }
  step('encrypted');
  const check = connect(copy, options);
  try {
    applyKey(check, key);
    if (!integrityOk(check) || JSON.stringify(tableCounts(check)) !== JSON.stringify(counts)) {
      throw new ArmError('DB_CORRUPT', 'The encrypted copy does not match the original; the original is kept.');
    }
  } finally {
    check.close();
  }
  if (readHeader(copy).kind !== 'other') throw new ArmError('DB_CORRUPT', 'The copy was not encrypted; the original is kept.');
  fsyncPath(copy);
  step('verified');
  renameSync(copy, file);
  fsyncPath(path.dirname(file));
  step('swapped');
}

function refuseNewer(version: number, latest: number): void {
  if (version > latest) {
    throw new ArmError(
      'DB_TOO_NEW',
      `The database has schema version ${version}; this build knows up to ${latest}. Install the newer АРМ.`,
    );
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  const pending = migrations.filter((migration) => migration.version > schemaVersion(db));
  if (pending.length === 0) return;
  // A migration may rebuild a table (SQLite's way to change a column constraint): foreign keys
  // are off while it runs, outside the transaction as SQLite requires, and checked before commit.
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${migration.name} leaves ${broken.length} broken foreign keys.`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
