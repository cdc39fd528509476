import type { Language } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';

// A reprint is marked on every page so that it cannot pass for the original: «ДУБЛИКАТ» in Russian,
// «ТЕЛНҰСҚА» in Kazakh, both on each copy (the applicant may show it to either side), with the copy's
// number and when it was printed.

export interface DuplicateMark {
  /** 2 for the first duplicate. */
  copy: number;
  /** When it is printed (written in Kazakhstan's time). */
  at: Date;
}

const WORD = { ru: 'ДУБЛИКАТ / ТЕЛНҰСҚА', kk: 'ТЕЛНҰСҚА / ДУБЛИКАТ' } as const;
const COPY = { ru: 'экз.', kk: 'дана' } as const;

export function duplicateText(mark: DuplicateMark, language: Language): string {
  return `${WORD[language]} · ${COPY[language]} ${mark.copy} · ${formatDateTime(mark.at)}`;
}

function draw(doc: PDFKit.PDFDocument, text: string): void {
  const { x, y } = doc;
  doc.save().fillColor('#b00000').font('bold').fontSize(11);
  doc.text(text, 0, 22, { width: doc.page.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black');
  doc.x = x;
  doc.y = y;
}

/** Marks the current page and every page added after it. */
export function markDuplicate(doc: PDFKit.PDFDocument, mark: DuplicateMark, language: Language): void {
  const text = duplicateText(mark, language);
  draw(doc, text);
  doc.on('pageAdded', () => draw(doc, text));
}
