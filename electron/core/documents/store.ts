import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../folder';

// Scans are content-addressed files under <dataDir>/attachments/<first two hex>/<sha256>: written
// to a temporary file, flushed to disk, then renamed, so a power cut leaves either the whole file
// or none. The request's signature covers the hashes.

export const ATTACHMENTS_DIR = 'attachments';

function fileOf(dataDir: string, sha256: string): string {
  return path.join(dataDir, ATTACHMENTS_DIR, sha256.slice(0, 2), sha256);
}

export function writeAttachment(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = fileOf(dataDir, sha256);
  mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', PRIVATE_FILE);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
  return sha256;
}

/** The bytes, or null when this workstation does not have the file (or it no longer matches its hash). */
export function readAttachment(dataDir: string, sha256: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(fileOf(dataDir, sha256));
  } catch {
    return null;
  }
  return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}
