import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openResources } from '../resources';
import { pdfDocument } from './document';

// The fonts are parsed once per process and shared by every document: each later document must
// still map every letter to its text (pdftotext reads the ToUnicode map pdfkit writes).

const KAZAKH = 'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 № « » —';

const squash = (text: string) => text.replace(/\s+/g, '');

async function render(lines: string[]): Promise<string> {
  const doc = pdfDocument(openResources().fonts(), { size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  lines.forEach((line, index) => doc.font(index % 2 ? 'bold' : 'regular').fontSize(11).text(line));
  doc.end();
  await done;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-pdf-'));
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), Buffer.concat(chunks));
    return execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PDF documents on fonts parsed once', () => {
  it('keep every Kazakh, Russian and Latin letter in the text layer of every document, in any order', async () => {
    // A first document with only composite letters: DejaVu draws «ы» from «ь» and «й» from «и»,
    // and writing the subset makes those component glyphs without code points. A naively shared
    // font then gives the next document's «ь» and «и» no ToUnicode entry («Заявител»).
    const composites = 'Ұлықбекқызы Жайық ЙЫЁ ёлка';
    const orders = [[composites], [KAZAKH, LATIN], [composites, LATIN], [LATIN, KAZAKH, KAZAKH, LATIN]];
    for (const lines of orders) {
      const text = await render(lines);
      // Line breaks and spacing are the layout's; the letters are what must survive.
      for (const line of lines) expect(squash(text)).toContain(squash(line));
    }
  });
});
