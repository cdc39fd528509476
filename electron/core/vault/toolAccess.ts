import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArmError } from '../../../shared/api';
import { applyKey, readHeader } from '../db/cipher';
import { deriveKey, KEY_FILE, keyFileProtector } from './masterKey';

/**
 * The database key a folder's key file gives (the web host's), or null: no key file, or one the
 * OS sealed (the desktop АРМ's), which plain Node cannot open.
 */
export function databaseKeyFromFile(dataDir: string, keyFile: string = path.join(dataDir, KEY_FILE)): Buffer | null {
  let key: Buffer;
  try {
    key = keyFileProtector.open(readFileSync(keyFile));
  } catch {
    return null;
  }
  return key.length === 32 ? deriveKey(key, 'database') : null;
}

/**
 * The database of a data folder for command-line tools (audit:verify, support-bundle) and tests
 * that look at the file as an intruder would: keyed from the folder's key file when the web host
 * keeps one. A key sealed by the OS (the desktop АРМ) opens only inside the АРМ: KEY_UNREADABLE.
 */
export function openDataFolderDatabase(dataDir: string, options: { readonly?: boolean; keyFile?: string; databaseFile?: string } = {}): Database.Database {
  const file = path.join(dataDir, options.databaseFile ?? 'arm.sqlite');
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
  if (readHeader(file).kind === 'other') {
    const keyFile = options.keyFile ?? path.join(dataDir, KEY_FILE);
    if (!existsSync(keyFile)) {
      db.close();
      throw new ArmError('KEY_UNREADABLE', `The database is encrypted and ${keyFile} is missing.`);
    }
    let key: Buffer;
    try {
      key = keyFileProtector.open(readFileSync(keyFile));
    } catch {
      key = Buffer.alloc(0);
    }
    if (key.length !== 32) {
      db.close();
      throw new ArmError('KEY_UNREADABLE', 'The master key is sealed by the operating system: run this from the АРМ itself.');
    }
    applyKey(db, deriveKey(key, 'database'));
  }
  return db;
}
