// The one time policy of the АРМ and the gateway emulator.
//
// Kazakhstan keeps one time zone: UTC+5 country-wide since 1 March 2024 (Asia/Almaty in tzdata
// 2024a and later). Local days — request and result numbers, acceptance days, deadlines, printed
// dates — are computed with a fixed +05:00 offset, never with the machine's time zone (an
// operator's PC set to UTC or Moscow would shift every number made after 19:00) and never with
// Intl's tzdata (an older tzdata still puts Almaty at +06:00).

export const KZ_TIME_ZONE = 'Asia/Almaty';
export const KZ_UTC_OFFSET_MINUTES = 5 * 60;
const OFFSET_MS = KZ_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/**
 * How far a workstation clock may be from the gateway's before the АРМ warns and signatures
 * "from the future" are refused (clocks of offline machines drift).
 */
export const ALLOWED_CLOCK_DRIFT_MS = 5 * 60_000;

/**
 * How long a workstation may work without reaching the gateway (a mobile centre on a trip) and
 * still have what it signed accepted by the gateway. A product decision, not a regulation's.
 */
export const OFFLINE_WINDOW_DAYS = 14;
export const OFFLINE_WINDOW_MS = OFFLINE_WINDOW_DAYS * DAY_MS;

/** A local calendar day, "YYYY-MM-DD". */
export type LocalDay = string;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function shifted(at: Date): Date {
  const time = at.getTime();
  if (!Number.isFinite(time)) throw new RangeError('Invalid date');
  return new Date(time + OFFSET_MS);
}

/** The local day of an instant, "YYYY-MM-DD". */
export function localDay(at: Date): LocalDay {
  return shifted(at).toISOString().slice(0, 10);
}

/** The local day and minute, "YYYY-MM-DDTHH:MM": the form deadlines are computed and stored in. */
export function localDateTime(at: Date): string {
  return shifted(at).toISOString().slice(0, 16);
}

/** The local day without dashes, "YYYYMMDD", as request and result numbers carry it. */
export function localDayCompact(at: Date): string {
  return localDay(at).replaceAll('-', '');
}

function parseDay(day: LocalDay): number {
  const match = DAY.exec(day);
  const start = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(start).toISOString().slice(0, 10) !== day) throw new RangeError(`Not a day: ${day}`);
  return start;
}

/** The instant a local day starts (00:00 in Kazakhstan), `plusDays` later; for UTC range queries. */
export function localDayStart(day: LocalDay, plusDays = 0): Date {
  return new Date(parseDay(day) + plusDays * DAY_MS - OFFSET_MS);
}

/** A local day `days` after `day` (negative: before). */
export function addDays(day: LocalDay, days: number): LocalDay {
  return new Date(parseDay(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "dd.mm.yyyy", as dates are written in Kazakhstan in both languages; a Date is taken at local time. */
export function formatDate(value: LocalDay | Date): string {
  const day = value instanceof Date ? localDay(value) : new Date(parseDay(value)).toISOString().slice(0, 10);
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** "dd.mm.yyyy HH:MM" at local time. */
export function formatDateTime(at: Date): string {
  const local = localDateTime(at);
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A time as the contract carries it, written for people in Kazakhstan time: a day "YYYY-MM-DD"
 * as "dd.mm.yyyy"; a local minute "YYYY-MM-DDTHH:MM" (deadlines, already local) as it is; an
 * instant with its zone ("…Z", "…+05:00": received, signed, stored) at local time, never at UTC
 * or at the machine's zone.
 */
export function formatIso(value: string): string {
  const match = ISO.exec(value);
  if (!match) throw new RangeError(`Not a date or time: ${value}`);
  const [, day = '', minute, zone] = match;
  parseDay(day); // a Date rolls 30 February over to March: refused here instead
  if (zone) {
    const at = new Date(value);
    if (!Number.isFinite(at.getTime())) throw new RangeError(`Not a date or time: ${value}`);
    return formatDateTime(at);
  }
  return minute ? `${formatDate(day)} ${minute}` : formatDate(day);
}

/**
 * A number as ru-KZ and kk-KZ write it: groups of three split by a no-break space, a decimal
 * comma ("1 234 567,5"). Written out so a renderer without full ICU prints the same.
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) throw new RangeError('Not a finite number');
  const [whole = '0', fraction] = Math.abs(value).toFixed(fractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? `,${fraction}` : '');
}

/** The workstation clock minus a trusted clock (the gateway's), in milliseconds. */
export function clockDrift(local: Date, trusted: Date): number {
  return local.getTime() - trusted.getTime();
}

export function withinAllowedDrift(local: Date, trusted: Date, allowedMs = ALLOWED_CLOCK_DRIFT_MS): boolean {
  return Math.abs(clockDrift(local, trusted)) <= allowedMs;
}

/** The earliest instant something signed offline may claim and still be accepted at `now`. */
export function offlineWindowStart(now: Date): Date {
  return new Date(now.getTime() - OFFLINE_WINDOW_MS);
}
