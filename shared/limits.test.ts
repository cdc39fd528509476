import { describe, expect, it } from 'vitest';
import { uploadInputSchema } from './api/documents';
import { base64Length, MAX_HOST_BODY_BYTES, MAX_INPUT_DEPTH, MAX_UPLOAD_BASE64, MAX_UPLOAD_BYTES, nestsDeeperThan } from './limits';

describe('the one upload limit', () => {
  it('is the gateway’s 20 MiB', () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
  });

  it('knows the base64 length of any size', () => {
    for (const size of [0, 1, 2, 3, 4, 1000, 1001]) expect(base64Length(size)).toBe(Buffer.alloc(size).toString('base64').length);
  });

  it('lets an upload at the limit through the schema and the host body, and refuses one byte more', () => {
    const at = { requestId: '9a3e5a4e-4a0d-4d4c-9c1b-2f5a8b1c0d11', document: 0, fileName: 'scan.pdf' };
    expect(uploadInputSchema.safeParse({ ...at, bytes: 'A'.repeat(MAX_UPLOAD_BASE64) }).success).toBe(true);
    expect(uploadInputSchema.safeParse({ ...at, bytes: 'A'.repeat(MAX_UPLOAD_BASE64 + 4) }).success).toBe(false);
    expect(MAX_HOST_BODY_BYTES).toBeGreaterThan(MAX_UPLOAD_BASE64 + JSON.stringify(at).length + 1024);
  });
});

describe('input depth', () => {
  const nested = (depth: number) => {
    let value: unknown = 'leaf';
    for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
    return value;
  };

  it('measures any depth without recursion, arrays and objects alike', () => {
    expect(nestsDeeperThan(nested(MAX_INPUT_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_INPUT_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(nested(100_000))).toBe(true);
    expect(nestsDeeperThan('text')).toBe(false);
    expect(nestsDeeperThan(undefined)).toBe(false);
  });
});
