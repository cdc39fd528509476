import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { openResources } from '../resources';
import { pdfDocument } from './document';
import { drawQr } from './qr';

/** Renders one page at `dpi` with pdftoppm and returns its grey pixels (PGM). */
function rasterise(pdf: Buffer, dpi: number): { width: number; pixels: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-qr-'));
  try {
    writeFileSync(path.join(dir, 'qr.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', path.join(dir, 'qr.pdf'), path.join(dir, 'page')]);
    const pgm = readFileSync(path.join(dir, 'page.pgm'));
    // "P5\n<width> <height>\n255\n" then one byte a pixel.
    const header = pgm.subarray(0, 40).toString('latin1').split(/\s+/);
    const width = Number(header[1]);
    const offset = pgm.indexOf('\n255\n') + 5;
    return { width, pixels: pgm.subarray(offset) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('QR code as vector paths', () => {
  it('prints exactly the modules of the code: each module centre dark or light as the matrix says', async () => {
    const text = 'con-kokpekty-20260302-0001';
    const doc = pdfDocument(openResources().fonts(), { size: 'A4', margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    const at = { x: 72, y: 72, width: 144 };
    drawQr(doc, text, at.x, at.y, at.width, { errorCorrectionLevel: 'M', margin: 1 });
    doc.end();
    await done;
    const dpi = 200;
    const { width, pixels } = rasterise(Buffer.concat(chunks), dpi);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const cell = at.width / (modules.size + 2);
    const px = (points: number) => Math.round((points * dpi) / 72);
    let compared = 0;
    for (let row = -1; row <= modules.size; row++) {
      for (let column = -1; column <= modules.size; column++) {
        const dark = row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column) === 1;
        const x = px(at.x + (column + 1.5) * cell);
        const y = px(at.y + (row + 1.5) * cell);
        const grey = pixels[y * width + x]!;
        expect(grey < 128, `module ${row},${column}`).toBe(dark);
        compared++;
      }
    }
    // The quiet zone is white too.
    expect(compared).toBe((modules.size + 2) ** 2);
  });
});
