import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writevSync } from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../folder';
import { isSealed, sealParts, unseal } from '../vault/seal';

// Scans are content-addressed files under <dataDir>/attachments/<first two hex>/<sha256>: written
// to a temporary file, flushed to disk, then renamed, so a power cut leaves either the whole file
// or none. The request's signature covers the hashes (of the plain bytes).
//
// At rest each file is sealed (vault/seal.ts: its own key, wrapped by the data folder's
// attachment key). The key is registered per data folder when the core starts, so the modules
// that pass a data folder around (inbox, transfer, outbox) need not carry it; a folder with no
// key registered (tests of other capabilities) keeps plain files, and plain files written before
// encryption are still read until the start-up migration seals them.

const keys = new Map<string, Buffer>();

export function useAttachmentKey(dataDir: string, key: Buffer | null): void {
  if (key) keys.set(path.resolve(dataDir), key);
  else keys.delete(path.resolve(dataDir));
}

export function attachmentKeyOf(dataDir: string): Buffer | null {
  return keys.get(path.resolve(dataDir)) ?? null;
}

export const ATTACHMENTS_DIR = 'attachments';

export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, ATTACHMENTS_DIR);
}

function fileOf(dataDir: string, sha256: string): string {
  return path.join(attachmentsDir(dataDir), sha256.slice(0, 2), sha256);
}

/**
 * Temporary file, fsync, rename: the target holds the old bytes or the new ones, never half. The
 * bytes may come in parts (a sealed scan's header and ciphertext), written as one file.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', PRIVATE_FILE);
  try {
    const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    // writev may write less than asked (a signal, a full pipe): go on from where it stopped.
    for (let written = 0; written < total; ) written += writevSync(fd, remaining(parts, written));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, target);
}

/** The parts past the first `offset` bytes. */
function remaining(parts: readonly Uint8Array[], offset: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const part of parts) {
    if (offset >= part.length) offset -= part.length;
    else {
      rest.push(offset > 0 ? part.subarray(offset) : part);
      offset = 0;
    }
  }
  return rest;
}

export function writeAttachment(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = attachmentKeyOf(dataDir);
  writeFileAtomic(fileOf(dataDir, sha256), key ? sealParts(key, bytes) : bytes);
  return sha256;
}

/** The bytes, or null when this workstation does not have the file (or it no longer matches its hash). */
export function readAttachment(dataDir: string, sha256: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  let stored: Buffer;
  try {
    stored = readFileSync(fileOf(dataDir, sha256));
  } catch {
    return null;
  }
  const key = attachmentKeyOf(dataDir);
  const bytes = isSealed(stored) ? (key ? unseal(key, stored) : null) : stored;
  return bytes && createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}

/** The hashes of every scan stored in the folder. */
export function listAttachments(dataDir: string): string[] {
  const found: string[] = [];
  let shards: string[];
  try {
    shards = readdirSync(attachmentsDir(dataDir));
  } catch {
    return found;
  }
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of readdirSync(path.join(attachmentsDir(dataDir), shard))) {
      if (/^[0-9a-f]{64}$/.test(name)) found.push(name);
    }
  }
  return found.sort();
}

/** The stored (sealed) file itself, for backups: they re-wrap it without decrypting the scan. */
export function attachmentPath(dataDir: string, sha256: string): string {
  return fileOf(dataDir, sha256);
}

/** Seals every plain scan left from before encryption; each file is replaced atomically. */
export function sealPlainAttachments(dataDir: string, key: Buffer): number {
  let sealed = 0;
  for (const sha256 of listAttachments(dataDir)) {
    const file = fileOf(dataDir, sha256);
    const stored = readFileSync(file);
    if (isSealed(stored)) continue;
    writeFileAtomic(file, sealParts(key, stored));
    sealed += 1;
  }
  return sealed;
}

/** Removes a scan; false when it was not there. */
export function removeAttachment(dataDir: string, sha256: string): boolean {
  try {
    unlinkSync(fileOf(dataDir, sha256));
  } catch {
    return false;
  }
  return true;
}
