import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttachment, writeAttachment } from './store';

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
});
