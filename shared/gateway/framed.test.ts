import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrames } from './framed';

describe('framed bodies', () => {
  it('gives back the parts as they went in, empty ones included', () => {
    const parts = [new TextEncoder().encode('{"a":1}'), new Uint8Array([0, 255, 7]), new Uint8Array(0), new Uint8Array(70_000).fill(9)];
    expect(decodeFrames(encodeFrames(parts))).toEqual(parts);
  });

  it('refuses a body whose lengths do not add up to it', () => {
    const body = encodeFrames([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
    expect(decodeFrames(body.subarray(0, body.length - 1))).toBeNull();
    expect(decodeFrames(new Uint8Array([...body, 0]))).toBeNull();
    expect(decodeFrames(new Uint8Array([0, 0, 0, 0]))).toBeNull();
    expect(decodeFrames(new Uint8Array([255, 255, 255, 255, 1]))).toBeNull();
    expect(decodeFrames(new Uint8Array([0, 0]))).toBeNull();
  });
});
