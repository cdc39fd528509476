import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath, readAttachment, useAttachmentKey, writeAttachment, writeFileAtomic } from './store';
import { isSealed, unseal } from '../vault/seal';

describe('attachment store', () => {
  it('stores bytes under their SHA-256 and reads them back; the same bytes are stored once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-docs-'));
    const scan = Buffer.from('%PDF-1.4 скан свидетельства о рождении');
    const sha = writeAttachment(dir, scan);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(writeAttachment(dir, scan)).toBe(sha);
    expect(Buffer.from(readAttachment(dir, sha)!).equals(scan)).toBe(true);
    expect(readdirSync(path.join(dir, 'attachments', sha.slice(0, 2)))).toEqual([sha]);
  });

  it('answers null for an unknown hash, a malformed one, or a file that no longer matches', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-docs-'));
    const sha = writeAttachment(dir, Buffer.from('original'));
    expect(readAttachment(dir, 'f'.repeat(64))).toBeNull();
    expect(readAttachment(dir, '../../etc/passwd')).toBeNull();
    writeFileSync(path.join(dir, 'attachments', sha.slice(0, 2), sha), 'tampered');
    expect(readAttachment(dir, sha)).toBeNull();
  });

  it('writes a file given in parts as the parts joined, and nothing else beside it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-docs-'));
    const target = path.join(dir, 'sub', 'file.bin');
    const parts = [Buffer.from('head-'), new Uint8Array(), randomBytes(200_000), Buffer.from('-tail')];
    writeFileAtomic(target, parts);
    expect(readFileSync(target).equals(Buffer.concat(parts))).toBe(true);
    expect(readdirSync(path.dirname(target))).toEqual(['file.bin']);
  });

  it('seals a scan at rest when the folder has a key: the file is not the plain bytes and reads back under the key', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-docs-'));
    const key = randomBytes(32);
    useAttachmentKey(dir, key);
    try {
      const scan = randomBytes(1024 * 1024);
      const sha = writeAttachment(dir, scan);
      const stored = readFileSync(attachmentPath(dir, sha));
      expect(isSealed(stored)).toBe(true);
      expect(stored.includes(scan.subarray(0, 64))).toBe(false);
      expect(unseal(key, stored)!.equals(scan)).toBe(true);
      expect(Buffer.from(readAttachment(dir, sha)!).equals(scan)).toBe(true);
    } finally {
      useAttachmentKey(dir, null);
    }
  });
});
