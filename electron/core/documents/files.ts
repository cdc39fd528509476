import { crc32, inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { ArmError } from '../../../shared/api';
import { MAX_UPLOAD_BYTES } from '../../../shared/limits';

export type FileKind = 'pdf' | 'png' | 'jpeg';

export interface CheckedFile {
  kind: FileKind;
  /** A PDF's page count; 1 for an image. */
  pages: number;
}

// A scan stays in the request for years and is opened by the provider's clerk: what is stored
// must be what it says it is. The magic number picks the format; then the whole file is parsed —
// images decoded, PDFs loaded and their pages counted — and nothing may follow the format's end
// marker (a PNG header glued to an executable passed the magic-number check alone).

/** A scanned page at 600 dpi on A3 is about 70 megapixels; beyond this a "page" is a decompression bomb. */
const MAX_MEGAPIXELS = 100;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** The IEND chunk: length 0, type, CRC — always these 12 bytes, always last. */
const PNG_END = Buffer.from('0000000049454e44ae426082', 'hex');

function unreadable(kind: FileKind, why: string): ArmError {
  return new ArmError('FILE_UNREADABLE', `The ${kind} file does not read: ${why}.`, undefined, { kind: kind.toUpperCase() });
}

/** Bits per pixel for each PNG colour type and the bit depths it allows (PNG spec §11.2.2). */
const PNG_COLOUR: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
/** Adam7 passes: start column/row and step (PNG spec §8.2). */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The scanlines' sizes in bytes (filter byte included), pass by pass for an interlaced image. */
function pngRows(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number[] {
  const rowBytes = (columns: number) => 1 + Math.ceil((columns * bitsPerPixel) / 8);
  if (!interlaced) return Array<number>(height).fill(rowBytes(width));
  const rows: number[] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const columns = Math.ceil((width - x0) / dx);
    const lines = Math.ceil((height - y0) / dy);
    if (columns > 0) for (let line = 0; line < lines; line++) rows.push(rowBytes(columns));
  }
  return rows;
}

/**
 * Every chunk walked and its CRC checked, the header's combination legal, the image data inflated
 * and exactly as long as the header's pixels need, each scanline's filter type one of the five.
 * That is everything a decoder can find wrong: the unfiltering that remains is arithmetic on bytes
 * that cannot fail, and doing it in JavaScript cost 40 ms a page at the counter.
 */
function checkPng(bytes: Buffer): CheckedFile {
  if (!bytes.subarray(bytes.length - PNG_END.length).equals(PNG_END)) throw unreadable('png', 'it does not end with IEND');
  const data: Buffer[] = [];
  let header: Buffer | null = null;
  let palette = false;
  let offset = PNG_MAGIC.length;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw unreadable('png', 'a chunk is cut short');
    const length = bytes.readUInt32BE(offset);
    const end = offset + 8 + length;
    if (length > 0x7fffffff || end + 4 > bytes.length) throw unreadable('png', 'a chunk is longer than the file');
    if (crc32(bytes.subarray(offset + 4, end)) !== bytes.readUInt32BE(end)) throw unreadable('png', 'a chunk fails its CRC');
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, end);
    if (!header && type !== 'IHDR') throw unreadable('png', 'the header chunk is not first');
    if (type === 'IHDR') {
      if (header || length !== 13) throw unreadable('png', 'a bad header chunk');
      header = body;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND' && end + 4 !== bytes.length) throw unreadable('png', 'data after IEND');
    offset = end + 4;
  }
  if (!header) throw unreadable('png', 'no header chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colourType, compression, filter, interlace] = [header[8]!, header[9]!, header[10]!, header[11]!, header[12]!];
  const colour = PNG_COLOUR[colourType];
  if (!colour || !colour.depths.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) throw unreadable('png', 'an impossible header');
  if (width === 0 || height === 0) throw unreadable('png', 'no pixels');
  // Before inflating: the header alone tells a decompression bomb.
  if (width * height > MAX_MEGAPIXELS * 1e6) throw unreadable('png', 'too many pixels');
  if (colourType === 3 && !palette) throw unreadable('png', 'no palette');
  const rows = pngRows(width, height, colour.channels * depth, interlace === 1);
  const expected = rows.reduce((sum, row) => sum + row, 0);
  let pixels: Buffer;
  try {
    // A scanner writes one IDAT as often as many: one is inflated where it lies, not copied first.
    pixels = inflateSync(data.length === 1 ? data[0]! : Buffer.concat(data), { maxOutputLength: expected + 1 });
  } catch (error) {
    throw unreadable('png', String(error));
  }
  if (pixels.length !== expected) throw unreadable('png', 'the image data does not fill the picture');
  let row = 0;
  for (const size of rows) {
    if (pixels[row]! > 4) throw unreadable('png', 'an unknown row filter');
    row += size;
  }
  return { kind: 'png', pages: 1 };
}

function checkJpeg(bytes: Buffer): CheckedFile {
  // Scanners end at EOI; zero padding after it is harmless, anything else is not a picture.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) throw unreadable('jpeg', 'it does not end with EOI');
  try {
    jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
  } catch (error) {
    throw unreadable('jpeg', String(error));
  }
  return { kind: 'jpeg', pages: 1 };
}

async function checkPdf(bytes: Buffer): Promise<CheckedFile> {
  let pages: number;
  try {
    // pdf-lib loads on the first uploaded PDF (its own bundle in the package: scripts/build-node.mjs).
    const { PDFDocument } = await import('pdf-lib');
    // Encrypted PDFs are refused (load throws): the clerk could not open them either.
    const document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    pages = document.getPageCount();
  } catch (error) {
    throw unreadable('pdf', String(error));
  }
  if (pages < 1) throw unreadable('pdf', 'it has no pages');
  return { kind: 'pdf', pages };
}

/**
 * What the bytes are, checked to the end: FILE_EMPTY, FILE_TOO_LARGE, FILE_TYPE or FILE_UNREADABLE
 * otherwise. Synchronous for an image; a promise only for a PDF, which pdf-lib loads asynchronously.
 */
export function inspectFile(input: Uint8Array): CheckedFile | Promise<CheckedFile> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length === 0) throw new ArmError('FILE_EMPTY', 'The file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ArmError('FILE_TOO_LARGE', 'The file is too large.', undefined, { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
  const starts = (magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(PNG_MAGIC)) return checkPng(bytes);
  if (starts(JPEG_MAGIC)) return checkJpeg(bytes);
  if (starts(PDF_MAGIC)) return checkPdf(bytes);
  throw new ArmError('FILE_TYPE', 'Not a PDF, JPEG or PNG file.');
}

/** inspectFile as a promise always. */
export async function checkFile(input: Uint8Array): Promise<CheckedFile> {
  return inspectFile(input);
}
