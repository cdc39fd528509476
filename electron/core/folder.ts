import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArmError } from '../../shared/api';

// The data folder holds personal data (IINs, names, scans): only its owner reads it. Folders are
// 0700 and files 0600 whatever the umask (on Windows, where modes mean little, the per-user
// application data folder already is the user's own).

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Makes the folder (and parents) if missing, and makes it private even if it existed. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
}

/**
 * Creates the file empty and private if it is missing, and makes an existing one private: SQLite
 * then makes its -wal and -shm files with the same mode.
 */
export function privateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
  for (const companion of [`${file}-wal`, `${file}-shm`]) if (existsSync(companion)) chmodSync(companion, PRIVATE_FILE);
}

/**
 * Deletes the temporary files an interrupted write left under `dir` (uploads are written to
 * `<name>.<random>.tmp` and renamed when complete). Only at start, under the folder lock, when
 * no write can be under way. Returns how many were removed.
 */
export function removeTemporaryFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.tmp')) continue;
    rmSync(path.join(entry.parentPath, entry.name), { force: true });
    removed++;
  }
  return removed;
}

export const LOCK_FILE = 'arm.lock';

export interface FolderLock {
  release(): void;
}

/**
 * One АРМ per data folder. The lock is SQLite's exclusive lock on `<dataDir>/arm.lock`, held by
 * an open transaction for as long as the АРМ runs: the operating system drops it when the
 * process ends however it ends (kill -9, a power cut), so a stale lock never blocks the next
 * start — unlike a PID file, which a dead process leaves behind and a reused PID makes look
 * alive. A second АРМ on the folder gets DATA_DIR_IN_USE at once.
 */
export function lockFolder(dataDir: string, nativeBinding?: string): FolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  privateFile(file);
  const db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new ArmError('DATA_DIR_IN_USE', `Another АРМ is running on the data folder ${dataDir}: close it first, or start with another --data-dir.`, undefined, { dir: dataDir });
    }
    throw error;
  }
  return { release: () => db.close() };
}
