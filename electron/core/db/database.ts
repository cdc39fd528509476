import { openSync, readSync, closeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ArmError } from '../../../shared/api';
import { migrations as bundledMigrations } from './migrations';

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
}

const SQLITE_CORRUPTION = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function corruption(error: unknown): ArmError | null {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && SQLITE_CORRUPTION.has(code)
    ? new ArmError('DB_CORRUPT', `The database file is damaged: ${(error as Error).message}`)
    : null;
}

/**
 * Reads the file's header itself before SQLite touches it, then reads the schema before any
 * pragma writes: a damaged or newer database is reported and left byte for byte as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? bundledMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const headerVersion = readHeaderVersion(file);
  if (headerVersion !== null) refuseNewer(headerVersion, latest);

  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // The header can lag behind a WAL left by a crash; the connection sees the real version.
    refuseNewer(schemaVersion(db), latest);
    db.pragma('journal_mode = WAL');
    // FULL: a request the operator saw saved (and the outbox row with it) survives a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw corruption(error) ?? error;
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** user_version from the 100-byte header (offset 60), or null for a missing or empty file. */
function readHeaderVersion(file: string): number | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const buffer = Buffer.alloc(100);
  let header: Buffer;
  try {
    header = buffer.subarray(0, readSync(fd, buffer, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
  if (header.length === 0) return null;
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new ArmError('DB_CORRUPT', `${file} is not an SQLite database or its header is damaged.`);
  }
  return header.readUInt32BE(60);
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
