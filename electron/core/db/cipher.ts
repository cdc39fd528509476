import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';

// What the encryption at rest needs of a database file without the migrations: keying a
// connection and reading the header (command-line tools and the e2e seeders use these alone).

/**
 * Keys a connection: SQLite3 Multiple Ciphers' ChaCha20-Poly1305 (named, so a change of the
 * library's default never makes a database unreadable). Pages and the WAL are both encrypted.
 */
export function applyKey(db: Database.Database, key: Buffer, pragma: 'hexkey' | 'hexrekey' = 'hexkey'): void {
  db.pragma("cipher = 'chacha20'");
  db.pragma(`${pragma} = '${key.toString('hex')}'`);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

export type Header = { kind: 'none' } | { kind: 'plain'; version: number } | { kind: 'other' };

/**
 * The 100-byte header, read without SQLite: a plain database's user_version (offset 60), a
 * missing or empty file, or anything else — an encrypted database (its first bytes are the
 * cipher's salt) or a file that is not a database, which only the key tells apart.
 */
export function readHeader(file: string): Header {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  const buffer = Buffer.alloc(100);
  let header: Buffer;
  try {
    header = buffer.subarray(0, readSync(fd, buffer, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
  if (header.length === 0) return { kind: 'none' };
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'other' };
  return { kind: 'plain', version: header.readUInt32BE(60) };
}

