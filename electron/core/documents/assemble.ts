import { PDFDocument } from 'pdf-lib';
import { ArmError } from '../../../shared/api';
import type { FileKind } from './files';

// Pages of one document made into one PDF (pdf-lib): a passport scanned page by page becomes one
// file the clerk opens once. Images are fitted on A4 keeping their proportions; PDF pages are
// copied as they are.

const A4: [number, number] = [595.28, 841.89];

/** The kind of a stored page (checked when it was attached) by its magic number. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x25 && bytes[1] === 0x50) return 'pdf';
  throw new ArmError('FILE_TYPE', 'Not a PDF, JPEG or PNG file.');
}

export async function assemblePages(pages: Uint8Array[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.setProducer('АРМ');
  for (const bytes of pages) {
    const kind = fileKind(bytes);
    if (kind === 'pdf') {
      const source = await PDFDocument.load(bytes);
      for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
      continue;
    }
    const image = kind === 'png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
    const scale = Math.min(A4[0] / image.width, A4[1] / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    out.addPage(A4).drawImage(image, { x: (A4[0] - width) / 2, y: (A4[1] - height) / 2, width, height });
  }
  return out.save();
}
