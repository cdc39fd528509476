import type { JournalExport, PeriodReport } from '../../../shared/api';
import { formatDateTime } from '../../../shared/time';
import { currentCatalog } from '../../../shared/catalog/catalog';
import { catalogs, type Language } from '../../../shared/i18n';
import { csvCell } from '../journal/export';
import { pdfDocument } from '../pdf/document';
import type { Fonts } from '../resources';

const COLUMNS = ['accepted', 'refusedAtIntake', 'issued', 'refused', 'overdue', 'averageDays'] as const;

function cells(report: PeriodReport, language: Language): { header: string[]; body: string[][] } {
  const words = catalogs[language].reports;
  const number = new Intl.NumberFormat(language === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 1 });
  return {
    header: [words.service, ...COLUMNS.map((column) => words.columns[column])],
    body: report.rows.map((row) => [
      currentCatalog().get(row.serviceId)?.name[language] ?? row.serviceId,
      ...COLUMNS.map((column) => (row[column] === null ? '—' : number.format(row[column]))),
    ]),
  };
}

export function periodCsv(report: PeriodReport, language: Language): Buffer {
  const { header, body } = cells(report, language);
  return Buffer.from('\uFEFF' + [header, ...body].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

export function periodPdf(report: PeriodReport, language: Language, printedAt: string, fonts: Fonts): Promise<Buffer> {
  const words = catalogs[language].reports;
  const { header, body } = cells(report, language);
  const doc = pdfDocument(fonts, { size: 'A4', layout: 'landscape', margin: 40, info: { Title: words.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('bold').fontSize(14).text(words.title);
  doc.font('regular').fontSize(10).text(`${words.period}: ${report.from} — ${report.to}`).text(`${words.printed}: ${printedAt}`).moveDown();
  const widths = [250, 80, 80, 80, 80, 80, 80];
  const row = (values: string[], font: 'regular' | 'bold') => {
    const top = doc.y;
    let x = doc.page.margins.left;
    let bottom = top;
    values.forEach((value, index) => {
      doc.font(font).fontSize(9).text(value, x, top, { width: (widths[index] ?? 80) - 6 });
      bottom = Math.max(bottom, doc.y);
      x += widths[index] ?? 80;
    });
    doc.y = bottom + 6;
    doc.x = doc.page.margins.left;
    if (doc.y > doc.page.height - 60) doc.addPage();
  };
  row(header, 'bold');
  if (body.length === 0) doc.font('regular').text(words.empty);
  for (const values of body) row(values, 'regular');
  doc.end();
  return done;
}

export async function periodFile(report: PeriodReport, format: 'csv' | 'pdf', language: Language, now: Date, fonts: () => Fonts): Promise<JournalExport> {
  const name = `report-${report.from}-${report.to}`;
  if (format === 'csv') return { fileName: `${name}.csv`, mime: 'text/csv;charset=utf-8', base64: periodCsv(report, language).toString('base64') };
  const printedAt = formatDateTime(now);
  return { fileName: `${name}.pdf`, mime: 'application/pdf', base64: (await periodPdf(report, language, printedAt, fonts())).toString('base64') };
}
