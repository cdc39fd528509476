import { z } from 'zod';
import { ArmError } from '../api/errors';
import kz2025 from './kz-2025.json' with { type: 'json' };
import kz2026 from './kz-2026.json' with { type: 'json' };
import kz2027 from './kz-2027.json' with { type: 'json' };
import { termSchema, type Term } from './term';

export { termSchema, termUnitSchema, type Term, type TermUnit } from './term';

// Kazakhstan's working-day calendar: weekends, public holidays (мерекелік күндер / праздничные
// дни), the day off moved when a holiday falls on a weekend, and transfer orders (перенос дня
// отдыха).
// The year files are reference data the gateway can replace; a year without a file is an error.

// A real day of the calendar: 2026-02-30 is refused, not rolled over to March (issue 14's bad input).
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((date) => fromDays(toDays(date)) === date, 'not a day of the calendar');

export const calendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The acts the year's holidays and transfers follow, cited (issue 21 item 6). */
  basis: z.object({ ru: z.string().min(1), kk: z.string().min(1) }),
  /** True where the act itself was not found: the screen says the year is provisional. */
  provisional: z.boolean(),
  note: z.string(),
  holidays: z.array(
    z.object({
      date: isoDate,
      key: z.string().min(1),
      name: z.object({ ru: z.string().min(1), kk: z.string().min(1) }),
      /** Religious holidays (Православное Рождество, Құрбан айт) do not move a weekend day off. */
      religious: z.boolean(),
    }),
  ),
  /** A transfer order (перенос дня отдыха) makes `dayOff` a day off and `workday` (a Saturday or Sunday) a working day. */
  transfers: z.array(z.object({ dayOff: isoDate, workday: isoDate, basis: z.string().min(1) })),
}).superRefine((data, context) => {
  // A year's file speaks of its own year only: a date of another year would silently change that one.
  const dates = [...data.holidays.map((holiday, index) => ['holidays', index, 'date', holiday.date] as const), ...data.transfers.flatMap((transfer, index) => [['transfers', index, 'dayOff', transfer.dayOff] as const, ['transfers', index, 'workday', transfer.workday] as const])];
  for (const [list, index, field, date] of dates) {
    if (!date.startsWith(`${data.year}-`)) context.addIssue({ code: 'custom', path: [list, index, field], message: `not in ${data.year}` });
  }
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;


/** The centre's local date and time of acceptance, "YYYY-MM-DDTHH:MM" (no time zone on purpose). */
export type LocalDateTime = string;

export type Deadline =
  | { unit: 'minutes'; due: LocalDateTime }
  /** The result is due by the end of this day. */
  | { unit: 'workingDays' | 'calendarDays'; due: string };

export type DayKind = 'working' | 'weekend' | 'holiday' | 'movedDayOff' | 'transferredDayOff';

const DAY_MS = 86_400_000;

function toDays(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(days: number): boolean {
  const weekday = new Date(days * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function parseLocal(start: LocalDateTime): { days: number; minutes: number } {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(start);
  const date = match?.[1];
  if (!match || !date || fromDays(toDays(date)) !== date || Number(match[2]) > 23 || Number(match[3]) > 59) {
    throw new ArmError('VALIDATION_FAILED', `Not a local date-time YYYY-MM-DDTHH:MM: ${start}`);
  }
  return { days: toDays(date), minutes: Number(match[2]) * 60 + Number(match[3]) };
}

export interface Calendar {
  years(): number[];
  /** Throws CALENDAR_YEAR_MISSING for a year without data. */
  dayKind(date: string): DayKind;
  isWorkingDay(date: string): boolean;
  deadline(start: LocalDateTime, term: Term): Deadline;
}

/** Builds a calendar from validated year files; the same year twice is a programming error. */
export function createCalendar(files: readonly unknown[]): Calendar {
  const kinds = new Map<number, DayKind>();
  const years = new Set<number>();
  for (const file of files) {
    const data = calendarYearSchema.parse(file);
    if (years.has(data.year)) throw new Error(`Calendar year ${data.year} given twice`);
    years.add(data.year);
    for (const { dayOff, workday } of data.transfers) {
      kinds.set(toDays(dayOff), 'transferredDayOff');
      kinds.set(toDays(workday), 'working');
    }
    const holidays = data.holidays.map((holiday) => ({ ...holiday, days: toDays(holiday.date) })).sort((a, b) => a.days - b.days);
    for (const holiday of holidays) kinds.set(holiday.days, 'holiday');
    // A holiday on a Saturday or Sunday moves the day off to the next working day after it
    // (after the whole holiday run: Nauryz 22–23 March on a weekend gives the 24th and the 25th).
    for (const holiday of holidays) {
      if (holiday.religious || !isWeekend(holiday.days)) continue;
      let day = holiday.days + 1;
      while (kinds.has(day) ? kinds.get(day) !== 'working' : isWeekend(day)) day++;
      kinds.set(day, 'movedDayOff');
    }
  }

  function dayKind(date: string): DayKind {
    const days = toDays(date);
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) throw new ArmError('CALENDAR_YEAR_MISSING', `No calendar data for ${year}`);
    return kinds.get(days) ?? (isWeekend(days) ? 'weekend' : 'working');
  }

  return {
    years: () => [...years].sort((a, b) => a - b),
    dayKind,
    isWorkingDay: (date) => dayKind(date) === 'working',
    deadline(start, term) {
      const parsed = termSchema.safeParse(term);
      if (!parsed.success) throw new ArmError('VALIDATION_FAILED', 'A term is a positive whole number of working days, calendar days or minutes.');
      const { days, minutes } = parseLocal(start);
      const { value, unit } = parsed.data;
      if (unit === 'minutes') {
        const total = minutes + value;
        const day = fromDays(days + Math.floor(total / 1440));
        const rest = total % 1440;
        return { unit, due: `${day}T${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}` };
      }
      // The seeds run the term "from the moment the package is handed in" (002 п.5 «құжаттардың
      // топтамасын тапсырған сәттен бастап»; 001 Reg.1 п.5 пп.1 «с момента подачи необходимых
      // документов»). A term in days cannot start mid-day, so the day of acceptance is not
      // counted: counting starts the next day, and the result is due by the end of the last day.
      if (unit === 'calendarDays') return { unit, due: fromDays(days + value) };
      let day = days;
      for (let counted = 0; counted < value; ) {
        day++;
        if (dayKind(fromDays(day)) === 'working') counted++;
      }
      return { unit, due: fromDays(day) };
    },
  };
}

/** The bundled years: only the seed; the gateway's reference data replaces or adds years (issue 14 item 4). */
export const bundledCalendarYears: readonly CalendarYear[] = [kz2025, kz2026, kz2027].map((file) => calendarYearSchema.parse(file));

/** The bundled years with the gateway's over them: a year the gateway sends replaces the bundled one. */
export function mergeCalendarYears(reference: readonly CalendarYear[]): CalendarYear[] {
  const byYear = new Map(bundledCalendarYears.map((year) => [year.year, year]));
  for (const year of reference) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

// The calendar in force in this process: the core sets it from the applied reference data at the
// start and after each update, so every term computed anywhere (receipts, step clocks, reports)
// follows the same years without each caller being handed a calendar.
let inForce: { calendar: Calendar; years: CalendarYear[] } = { calendar: createCalendar(bundledCalendarYears), years: [...bundledCalendarYears] };

/** Puts the reference years (over the bundled seed) in force; null: the bundled years alone. */
export function useCalendarYears(reference: readonly CalendarYear[] | null): void {
  const years = mergeCalendarYears(reference ?? []);
  inForce = { calendar: createCalendar(years), years };
}

/** The calendar in force: the bundled years until reference data replaced or added some. */
export const kzCalendar: Calendar = {
  years: () => inForce.calendar.years(),
  dayKind: (date) => inForce.calendar.dayKind(date),
  isWorkingDay: (date) => inForce.calendar.isWorkingDay(date),
  deadline: (start, term) => inForce.calendar.deadline(start, term),
};

/** Each year in force with the acts it follows and whether it is provisional (the status screen shows them). */
export function kzCalendarYears(): { year: number; basis: CalendarYear['basis']; provisional: boolean }[] {
  return inForce.years.map(({ year, basis, provisional }) => ({ year, basis, provisional }));
}
