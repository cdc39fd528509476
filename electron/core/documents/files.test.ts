import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import { checkFile } from './files';

const png = (width = 4, height = 3) => {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
};
const jpg = () => Buffer.from(jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(8 * 8 * 4, 128) }, 80).data);
const pdf = async (pages: number) => {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) document.addPage([595, 842]);
  return Buffer.from(await document.save({ addDefaultPage: false }));
};
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof ArmError ? error.code : `threw ${String(error)}`),
  );

describe('file checks parse the whole file', () => {
  it('accepts real PNG, JPEG and PDF files, counting a PDF’s pages', async () => {
    await expect(checkFile(png())).resolves.toEqual({ kind: 'png', pages: 1 });
    // One grey pixel, as a scanner in Gray mode writes it; the same with the IDAT CRC of a hand-made fixture that was wrong.
    const grey = (crc: string) => Buffer.from(`89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c6360000000020001${crc}0000000049454e44ae426082`, 'hex');
    await expect(checkFile(grey('48afa471'))).resolves.toEqual({ kind: 'png', pages: 1 });
    expect(await codeOf(checkFile(grey('e221bc33')))).toBe('FILE_UNREADABLE');
    await expect(checkFile(jpg())).resolves.toEqual({ kind: 'jpeg', pages: 1 });
    await expect(checkFile(await pdf(3))).resolves.toEqual({ kind: 'pdf', pages: 3 });
  });

  it('refuses the probe’s files: a PNG header alone, a PNG followed by an executable, a PDF that is a script', async () => {
    expect(await codeOf(checkFile(png().subarray(0, 8)))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(Buffer.concat([png(), Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode')])))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(Buffer.from('%PDF-<script>alert(1)</script>\n%%EOF')))).toBe('FILE_UNREADABLE');
  });

  it('refuses damaged files: a flipped byte in a PNG, a cut JPEG, a cut PDF, a PDF with no pages', async () => {
    const flipped = png();
    flipped[40] = flipped[40]! ^ 0xff;
    expect(await codeOf(checkFile(flipped))).toBe('FILE_UNREADABLE');
    const picture = jpg();
    expect(await codeOf(checkFile(picture.subarray(0, picture.length - 40)))).toBe('FILE_UNREADABLE');
    const document = await pdf(2);
    expect(await codeOf(checkFile(document.subarray(0, Math.floor(document.length / 2))))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(await pdf(0)))).toBe('FILE_UNREADABLE');
  });

  it('keeps its earlier refusals: empty, not one of the three formats, over the limit', async () => {
    expect(await codeOf(checkFile(new Uint8Array()))).toBe('FILE_EMPTY');
    expect(await codeOf(checkFile(Buffer.from('MZ\x90\x00')))).toBe('FILE_TYPE');
    expect(await codeOf(checkFile(new Uint8Array(20 * 1024 * 1024 + 1)))).toBe('FILE_TOO_LARGE');
  });

  it('checks a PNG’s structure to the last byte without decoding its pixels', async () => {
    // A PNG made by hand, so each field can be wrong with every CRC still right.
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])));
      return Buffer.concat([length, Buffer.from(type, 'latin1'), body, crc]);
    };
    const made = (width: number, height: number, rows: Buffer, options: { colourType?: number; depth?: number; interlace?: number; palette?: boolean } = {}) => {
      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0);
      header.writeUInt32BE(height, 4);
      header.set([options.depth ?? 8, options.colourType ?? 0, 0, 0, options.interlace ?? 0], 8);
      return Buffer.concat([
        Buffer.from('89504e470d0a1a0a', 'hex'),
        chunk('IHDR', header),
        ...(options.palette ? [chunk('PLTE', Buffer.alloc(3))] : []),
        chunk('IDAT', deflateSync(rows)),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    };
    // 3×2 grey: each row a filter byte and three pixels.
    const rows = Buffer.from([0, 1, 2, 3, 4, 9, 9, 9]);
    await expect(checkFile(made(3, 2, rows))).resolves.toEqual({ kind: 'png', pages: 1 });
    expect(await codeOf(checkFile(made(3, 2, rows.subarray(0, 7))))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(made(3, 2, Buffer.concat([rows, Buffer.from([0])]))))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(made(3, 2, Buffer.from([0, 1, 2, 3, 5, 9, 9, 9]))))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(made(3, 2, rows, { depth: 3 })))).toBe('FILE_UNREADABLE');
    expect(await codeOf(checkFile(made(3, 2, rows, { colourType: 3 })))).toBe('FILE_UNREADABLE');
    await expect(checkFile(made(3, 2, rows, { colourType: 3, palette: true }))).resolves.toEqual({ kind: 'png', pages: 1 });
    // A header claiming 400 megapixels over a few bytes of data: refused before inflating.
    expect(await codeOf(checkFile(made(20_000, 20_000, rows)))).toBe('FILE_UNREADABLE');
    // Adam7: a 2×2 image has passes 1 (1×1), 6 (1×1) and 7 (2×1): three rows of 2, 2 and 3 bytes.
    await expect(checkFile(made(2, 2, Buffer.from([0, 5, 0, 6, 0, 7, 8]), { interlace: 1 }))).resolves.toEqual({ kind: 'png', pages: 1 });
    expect(await codeOf(checkFile(made(2, 2, Buffer.from([0, 5, 0, 6, 0, 7]), { interlace: 1 })))).toBe('FILE_UNREADABLE');
  });
});
