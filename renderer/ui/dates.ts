import { formatIso } from '../../shared/time';

// Dates as people in Kazakhstan write them, dd.mm.yyyy, in both languages, whatever the browser's
// locale (Chromium's own date input shows mm/dd/yyyy on an English system); typed days go through
// Ant Design's picker (DateField). The contract keeps ISO days ("YYYY-MM-DD") and instants; every
// time shown goes through the one time policy (shared/time): Kazakhstan time, whatever the machine's zone.

/** "2026-03-01" → "01.03.2026"; a local "2026-03-01T14:00" → "01.03.2026 14:00"; an instant ("…Z") at Kazakhstan time; "" stays "". */
export function formatDay(iso: string): string {
  return iso ? formatIso(iso) : '';
}
