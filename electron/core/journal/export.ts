import type { JournalExport, JournalRow } from '../../../shared/api';
import { currentCatalog } from '../../../shared/catalog/catalog';
import { catalogs, type Language } from '../../../shared/i18n';
import { localDateTime, localDay } from '../../../shared/time';


const COLUMNS = ['number', 'acceptedAt', 'service', 'state', 'applicantIin', 'applicantName', 'provider', 'operator', 'dueBy', 'overdue'] as const;

/** "YYYY-MM-DD HH:MM" at Kazakhstan time: sorts as text in a spreadsheet. */
const dayTime = (at: Date) => localDateTime(at).replace('T', ' ');

/** The journal's rows as a person reads them: local times, the service's name, the state's label. */
function table(rows: JournalRow[], language: Language): { header: string[]; body: string[][] } {
  const words = catalogs[language].journal;
  const header = COLUMNS.map((column) => words.columns[column]);
  const body = rows.map((row) => [
    row.number,
    dayTime(new Date(row.createdAt)),
    currentCatalog().get(row.serviceId)?.name[language] ?? row.serviceId,
    catalogs[language].requestState[row.state],
    row.applicantIin,
    row.applicantName ?? '',
    row.provider ?? '',
    row.operatorName ?? row.operatorId,
    row.dueBy?.replace('T', ' ') ?? '',
    row.overdue ? words.yes : words.no,
  ]);
  return { header, body };
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab/CR that hides one) is prefixed
 * with an apostrophe (OWASP "CSV injection"); every cell is quoted.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 with a BOM so Excel opens Cyrillic correctly; CRLF rows as RFC 4180 says. */
export function journalCsv(rows: JournalRow[], language: Language): Buffer {
  const { header, body } = table(rows, language);
  const lines = [header, ...body].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** XLSX keeps every value a string cell, so an IIN keeps its leading zero and nothing is a formula. */
export async function journalXlsx(rows: JournalRow[], language: Language): Promise<Buffer> {
  const { header, body } = table(rows, language);
  // Loaded on the first export: exceljs and its zip stack are the largest code the core has, and
  // most sessions never export (core.rss_mb in npm run bench).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(catalogs[language].journal.title);
  sheet.addRow(header).font = { bold: true };
  for (const cells of body) sheet.addRow(cells);
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(10, ...[header, ...body].slice(0, 200).map((cells) => cells[index]?.length ?? 0)) + 2);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function journalFile(rows: JournalRow[], format: 'csv' | 'xlsx', language: Language, now: Date): Promise<JournalExport> {
  const stamp = localDay(now);
  if (format === 'csv') return { fileName: `journal-${stamp}.csv`, mime: 'text/csv;charset=utf-8', base64: journalCsv(rows, language).toString('base64') };
  return {
    fileName: `journal-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await journalXlsx(rows, language)).toString('base64'),
  };
}
