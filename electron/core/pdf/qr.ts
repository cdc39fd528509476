import QRCode from 'qrcode';

/**
 * A QR code drawn as vector paths: one rectangle per run of dark modules in a row, filled once.
 * Sharp at any print resolution, and no PNG to encode and then decode again inside pdfkit (most of
 * a receipt's render time before). `margin` is in modules, as the quiet zone the standard asks.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H'; margin: number }): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: options.errorCorrectionLevel });
  const size = modules.size;
  const cell = width / (size + 2 * options.margin);
  const origin = { x: x + options.margin * cell, y: y + options.margin * cell };
  doc.save();
  doc.rect(x, y, width, width).fill('#ffffff');
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && modules.get(row, column)) column++;
      doc.rect(origin.x + start * cell, origin.y + row * cell, (column - start) * cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
