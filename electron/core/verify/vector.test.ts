import { describe, expect, it } from 'vitest';
import { pdfDocument } from '../pdf/document';
import { drawQr } from '../pdf/qr';
import { openResources } from '../resources';
import { readPrint } from './read';
import { darkRectangles, paint } from './vector';

function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = pdfDocument(openResources().fonts(), { size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

// The АРМ's QR codes are vector paths: no image in the file, and the reader still finds them.
describe('a QR drawn as vector paths', () => {
  it('is read back from the page, also moved and scaled, with no image in the file', async () => {
    const text = 'ARM1.' + 'Қорғаншылық-2026/'.repeat(20);
    const file = await pdf((doc) => {
      doc.fontSize(11).text('Анықтама / Справка');
      doc.save().translate(40, 300).scale(0.8);
      drawQr(doc, text, 100, 100, 170, { errorCorrectionLevel: 'M', margin: 1 });
      doc.restore();
      // Dark shapes that are not rectangles, and a grey box, are not taken for modules.
      doc.circle(300, 700, 20).fill('#000000');
      doc.rect(400, 700, 50, 50).fill('#dddddd');
    });
    expect(file.includes('/Subtype /Image')).toBe(false);
    expect((await readPrint(file)).codes).toEqual([text]);
  });

  it('finds nothing on a page of text only, and paints nothing then', async () => {
    const file = await pdf((doc) => doc.fontSize(11).text('Без кода / Кодсыз'));
    expect((await readPrint(file)).codes).toEqual([]);
    expect(paint([])).toBeNull();
  });

  it('keeps the rectangles of a fill in page space, through save, transform and restore', () => {
    const ops = { save: 1, restore: 2, transform: 3, setFillRGBColor: 4, constructPath: 5, fill: 6, eoFill: 7, fillStroke: 8, eoFillStroke: 9 };
    // moveTo 0 0, lineTo 10 0, lineTo 10 5, lineTo 0 5, closePath: one 10 × 5 rectangle.
    const rect = [0, 0, 0, 1, 10, 0, 1, 10, 5, 1, 0, 5, 4];
    const boxes = darkRectangles(
      [1, 3, 5, 2, 4, 5, 4, 5],
      [null, [2, 0, 0, 2, 100, 100], [6, [rect]], null, ['#ffffff'], [6, [rect]], ['#000000'], [10, [rect]]],
      ops,
    );
    expect(boxes).toEqual([{ x0: 100, y0: 100, x1: 120, y1: 110 }]);
  });
});
