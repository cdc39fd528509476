import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';

/**
 * A scanned page for the intake benches: a 512×512 RGBA PNG of noise, about 1 MB that does not
 * compress, and a real image (uploads are decoded, not sniffed). Each call makes new bytes, so
 * each run stores new files.
 */
export function scanPage(): Buffer {
  const image = new PNG({ width: 512, height: 512 });
  randomBytes(image.data.length).copy(image.data);
  return PNG.sync.write(image);
}
