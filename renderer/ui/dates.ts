// Dates as people in Kazakhstan write them, dd.mm.yyyy, in both languages, whatever the browser's
// locale (Chromium's own date input shows mm/dd/yyyy on an English system). The contract keeps
// ISO days ("YYYY-MM-DD").

const TYPED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** "01.03.2026" (or "1.3.2026") → "2026-03-01"; null when it is not a calendar day. */
export function parseDay(text: string): string | null {
  const match = TYPED.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.getUTCDate() === day && check.getUTCMonth() + 1 === month && year >= 1900 ? iso : null;
}

/** "2026-03-01" or "2026-03-01T14:00" → "01.03.2026" or "01.03.2026 14:00"; "" stays "". */
export function formatDay(iso: string): string {
  if (!iso) return '';
  const [date = '', time] = iso.split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}${time ? ` ${time.slice(0, 5)}` : ''}`;
}
