/**
 * Whether a page is (nearly) one colour: a blank sheet, the scanner's lid, a solid black page.
 * RGBA pixels as a canvas gives them; the spread of brightness is compared with what any text,
 * stamp or photo makes (a standard deviation under 4 of 255).
 */
export function nearlyUniform(rgba: Uint8ClampedArray | Uint8Array): boolean {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return true;
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < pixels * 4; index += 4) {
    const luma = 0.299 * rgba[index]! + 0.587 * rgba[index + 1]! + 0.114 * rgba[index + 2]!;
    sum += luma;
    squares += luma * luma;
  }
  const mean = sum / pixels;
  return Math.sqrt(Math.max(0, squares / pixels - mean * mean)) < 4;
}
