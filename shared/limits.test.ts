import { describe, expect, it } from 'vitest';
import { uploadInputSchema } from './api/documents';
import { MAX_HOST_BODY_BYTES, MAX_INPUT_DEPTH, MAX_UPLOAD_BYTES, nestsDeeperThan } from './limits';

describe('the one upload limit', () => {
  it('is the gateway’s 20 MiB', () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
  });

  it('lets a file at the limit through the schema as bytes, refuses one byte more and text, and keeps files out of the JSON body limit', () => {
    const at = { requestId: '9a3e5a4e-4a0d-4d4c-9c1b-2f5a8b1c0d11', document: 0, fileName: 'scan.pdf' };
    expect(uploadInputSchema.safeParse({ ...at, bytes: new Uint8Array(MAX_UPLOAD_BYTES) }).success).toBe(true);
    expect(uploadInputSchema.safeParse({ ...at, bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1) }).success).toBe(false);
    expect(uploadInputSchema.safeParse({ ...at, bytes: 'AAAA' }).success).toBe(false);
    expect(MAX_HOST_BODY_BYTES).toBeLessThan(MAX_UPLOAD_BYTES);
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
    // A file's bytes are one leaf, whatever their length.
    expect(nestsDeeperThan({ bytes: new Uint8Array(1024 * 1024) })).toBe(false);
  });
});
