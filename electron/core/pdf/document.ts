import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Fonts } from '../resources';

// Fonts read and parsed once per process: DejaVu's two 700 KB files were read and decoded again
// for every receipt, result and report (most of receipt.render_ms in npm run bench).

const parsed = new Map<string, fontkit.Font>();

function parse(file: string): fontkit.Font {
  let font = parsed.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(file));
    parsed.set(file, font);
  }
  return font;
}

/**
 * One document's view of a parsed font: it shares the decoded tables (cmap, glyf, GSUB…) and
 * starts with an empty glyph cache of its own. Sharing the font object itself breaks the text
 * layer: fontkit caches glyph objects with the code points they were first made with, and a glyph
 * first made without them (a component of a composite — DejaVu draws «ы» from «ь», «й» from «и» —
 * while the subset is written) gives pdfkit no ToUnicode entry for that letter in every later
 * document: a Russian receipt after a Kazakh one read «Заявител» in pdftotext. `_glyphs` is fontkit's cache (fontkit 2.0, TTFFont); the tests read every letter back.
 */
function documentView(font: fontkit.Font): PDFKit.Mixins.PDFFontSource {
  const view = Object.create(font) as fontkit.Font & { _glyphs: Record<number, unknown> };
  view._glyphs = {};
  // pdfkit 0.20 takes a fontkit font as a source (PDFFontFactory.open: `typeof src.layout ===
  // 'function'`); @types/pdfkit lists only paths and buffers.
  return view as unknown as PDFKit.Mixins.PDFFontSource;
}

/**
 * A new PDF document with the regular and bold fonts registered under those names, and the
 * regular one as its default from the start (pdfkit would otherwise load Helvetica's metrics for
 * nothing). Every PDF of the АРМ starts here.
 */
export function pdfDocument(fonts: Fonts, options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const regular = documentView(parse(fonts.regular));
  const doc = new PDFDocument({ ...options, font: regular as unknown as string });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', documentView(parse(fonts.bold)));
  return doc;
}
