import { describe, expect, it } from 'vitest';
import { cameraProblem, cropRect, NO_MARGINS } from './crop';

describe('cropping a captured frame', () => {
  it('keeps the whole frame without margins and trims each edge by its share', () => {
    expect(cropRect(1280, 720, NO_MARGINS)).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(cropRect(1000, 800, { top: 10, right: 5, bottom: 20, left: 15 })).toEqual({ x: 150, y: 80, width: 800, height: 560 });
  });

  it('clamps a margin to 0–45 %, so a page is never cropped away, and ignores what is not a number', () => {
    expect(cropRect(1000, 1000, { top: 90, right: -5, bottom: 90, left: Number.NaN })).toEqual({ x: 0, y: 450, width: 1000, height: 100 });
  });
});

describe('a camera that cannot be used', () => {
  it('is named: refused, absent, held by another program, or failed', () => {
    expect(cameraProblem(new DOMException('denied', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem(new DOMException('no device', 'NotFoundError'))).toBe('none');
    expect(cameraProblem(new DOMException('in use', 'NotReadableError'))).toBe('busy');
    expect(cameraProblem(new Error('boom'))).toBe('failed');
    expect(cameraProblem(undefined)).toBe('failed');
  });
});
