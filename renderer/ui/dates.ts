// Dates as people in Kazakhstan write them, dd.mm.yyyy, in both languages, whatever the browser's
// locale (Chromium's own date input shows mm/dd/yyyy on an English system); typed days go through
// Ant Design's picker (DateField). The contract keeps ISO days ("YYYY-MM-DD").

/** "2026-03-01" or "2026-03-01T14:00" → "01.03.2026" or "01.03.2026 14:00"; "" stays "". */
export function formatDay(iso: string): string {
  if (!iso) return '';
  const [date = '', time] = iso.split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}${time ? ` ${time.slice(0, 5)}` : ''}`;
}
