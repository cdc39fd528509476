import { describe, expect, it } from 'vitest';
import { nearlyUniform } from './blank';

function page(width: number, height: number, paint: (x: number, y: number) => number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const value = paint(x, y);
      rgba.set([value, value, value, 255], (y * width + x) * 4);
    }
  return rgba;
}

describe('nearlyUniform', () => {
  it('finds a solid black page, a white one and one with scanner noise', () => {
    expect(nearlyUniform(page(100, 140, () => 0))).toBe(true);
    expect(nearlyUniform(page(100, 140, () => 255))).toBe(true);
    expect(nearlyUniform(page(100, 140, (x, y) => 250 + ((x * 7 + y * 13) % 5)))).toBe(true);
  });

  it('passes a page with a few lines of text on it', () => {
    // White paper, five dark lines of "text" across a tenth of the page.
    expect(nearlyUniform(page(100, 140, (x, y) => (y % 28 < 3 && x > 10 && x < 90 ? 20 : 255)))).toBe(false);
  });
});
