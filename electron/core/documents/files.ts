import { ArmError } from '../../../shared/api';
import { MAX_UPLOAD_BYTES } from '../../../shared/limits';

export type FileKind = 'pdf' | 'png' | 'jpeg';

/**
 * What the bytes are, by their magic numbers, not the file name: a renamed .exe is refused. A PDF
 * must also end with its %%EOF marker, which a truncated (broken) file lacks.
 */
export function checkFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw new ArmError('FILE_EMPTY', 'The file is empty.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ArmError('FILE_TOO_LARGE', 'The file is too large.', undefined, { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
  const starts = (...magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) {
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
    if (tail.includes('%%EOF')) return 'pdf';
  }
  throw new ArmError('FILE_TYPE', 'Not a PDF, JPEG or PNG file.');
}
