import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
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

function checkPng(bytes: Buffer): CheckedFile {
  if (!bytes.subarray(bytes.length - PNG_END.length).equals(PNG_END)) throw unreadable('png', 'it does not end with IEND');
  let image: PNG;
  try {
    // Every chunk's CRC checked, the image data inflated and unfiltered to pixels.
    image = PNG.sync.read(bytes, { checkCRC: true });
  } catch (error) {
    throw unreadable('png', String(error));
  }
  if (image.width * image.height > MAX_MEGAPIXELS * 1e6) throw unreadable('png', 'too many pixels');
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
    // Encrypted PDFs are refused (load throws): the clerk could not open them either.
    const document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    pages = document.getPageCount();
  } catch (error) {
    throw unreadable('pdf', String(error));
  }
  if (pages < 1) throw unreadable('pdf', 'it has no pages');
  return { kind: 'pdf', pages };
}

/** What the bytes are, checked to the end: FILE_EMPTY, FILE_TOO_LARGE, FILE_TYPE or FILE_UNREADABLE otherwise. */
export async function checkFile(input: Uint8Array): Promise<CheckedFile> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length === 0) throw new ArmError('FILE_EMPTY', 'The file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ArmError('FILE_TOO_LARGE', 'The file is too large.', undefined, { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
  const starts = (magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(PNG_MAGIC)) return checkPng(bytes);
  if (starts(JPEG_MAGIC)) return checkJpeg(bytes);
  if (starts(PDF_MAGIC)) return checkPdf(bytes);
  throw new ArmError('FILE_TYPE', 'Not a PDF, JPEG or PNG file.');
}
