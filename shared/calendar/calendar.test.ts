import { describe, expect, it } from 'vitest';
import { ArmError } from '../api/errors';
import { calendarYearSchema, createCalendar, kzCalendar, kzCalendarYears, type Term } from './calendar';
import kz2025 from './kz-2025.json';
import kz2026 from './kz-2026.json';
import kz2027 from './kz-2027.json';

const working = (value: number): Term => ({ value, unit: 'workingDays' });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ArmError ? error.code : 'not an ArmError';
  }
  return undefined;
}

/** A made-up year to test the rules without relying on one decree's dates. */
function syntheticYear(overrides: object = {}) {
  return {
    year: 2030,
    basis: { ru: 'тестовый акт', kk: 'сынақ акті' },
    provisional: false,
    note: 'test',
    holidays: [
      { date: '2030-01-07', key: 'christmas', name: { ru: 'Рождество', kk: 'Рождество' }, religious: true },
      { date: '2030-03-09', key: 'x', name: { ru: 'Праздник', kk: 'Мереке' }, religious: false },
    ],
    transfers: [{ dayOff: '2030-03-15', workday: '2030-03-16', basis: 'test' }],
    ...overrides,
  };
}

describe('kz calendar data', () => {
  for (const [file, data] of Object.entries({ 'kz-2025.json': kz2025, 'kz-2026.json': kz2026, 'kz-2027.json': kz2027 })) {
    it(`${file} matches the schema, holds its own year only, and says the gateway ships updates`, () => {
      const parsed = calendarYearSchema.safeParse(data);
      expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
      const year = file.slice(3, 7);
      expect(data.year).toBe(Number(year));
      expect([...data.holidays.map((holiday) => holiday.date), ...data.transfers.flatMap((transfer) => [transfer.dayOff, transfer.workday])].every((date) => date.startsWith(year))).toBe(true);
      expect(data.note).toMatch(/шлюз/i);
      expect(data.holidays.filter((holiday) => holiday.religious).map((holiday) => holiday.key).sort()).toEqual(['christmas', 'kurban']);
    });
  }

  it('has 2025, 2026 and 2027', () => {
    expect(kzCalendar.years()).toEqual([2025, 2026, 2027]);
  });

  it('Nauryz 2025 (Fri–Sun) gives Monday 24 and Tuesday 25 March off', () => {
    expect(['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25', '2025-03-26'].map(kzCalendar.dayKind)).toEqual([
      'holiday',
      'holiday',
      'holiday',
      'movedDayOff',
      'movedDayOff',
      'working',
    ]);
  });

  it('Nauryz 2026 (Sat–Mon) moves the weekend days to 24 and 25 March', () => {
    expect(kzCalendar.dayKind('2026-03-24')).toBe('movedDayOff');
    expect(kzCalendar.dayKind('2026-03-25')).toBe('movedDayOff');
    expect(kzCalendar.isWorkingDay('2026-03-26')).toBe(true);
  });

  it('the 2025 transfer: Friday 3 January off, Sunday 5 January a working day', () => {
    expect(kzCalendar.dayKind('2025-01-03')).toBe('transferredDayOff');
    expect(kzCalendar.isWorkingDay('2025-01-05')).toBe(true);
    expect(kzCalendar.deadline('2025-01-02T10:00', working(1)).due).toBe('2025-01-05');
  });

  it('2026: 8 March and 25 October on Sunday give the Mondays; 30 August is no holiday under the 2026 Constitution', () => {
    expect(['2026-03-09', '2026-10-26'].map(kzCalendar.dayKind)).toEqual(['movedDayOff', 'movedDayOff']);
    expect(kzCalendar.dayKind('2026-05-27')).toBe('holiday');
    expect(kzCalendar.isWorkingDay('2026-08-31')).toBe(true);
  });

  it('2027: Constitution Day is 15 March (art. 94 of the 2026 Constitution), 30 August a working day', () => {
    expect(kzCalendar.dayKind('2027-03-15')).toBe('holiday');
    expect(kzCalendar.isWorkingDay('2027-08-30')).toBe(true);
  });

  it('every year cites its acts; those whose amended holiday law was not found are provisional', () => {
    expect(kzCalendarYears().map(({ year, provisional }) => [year, provisional])).toEqual([[2025, false], [2026, true], [2027, true]]);
    for (const year of kzCalendarYears()) {
      expect(year.basis.ru).toMatch(/«О праздниках в Республике Казахстан»/);
      expect(year.basis.kk).toMatch(/«Қазақстан Республикасындағы мерекелер туралы»/);
    }
    expect(kzCalendarYears().find((year) => year.year === 2027)!.basis.ru).toMatch(/ст\.94/);
  });

  it('Kurban ait on Sunday 16 May 2027 does not move: Monday 17 May is a working day', () => {
    expect(kzCalendar.dayKind('2027-05-16')).toBe('holiday');
    expect(kzCalendar.isWorkingDay('2027-05-17')).toBe(true);
  });

  it('Victory Day on Sunday 9 May 2027 moves the day off to Monday 10 May', () => {
    expect(kzCalendar.dayKind('2027-05-10')).toBe('movedDayOff');
  });
});

describe('deadline in working days (acceptance day not counted)', () => {
  it('across Nauryz 2025: accepted Thu 20 March, 3 working days → Fri 28 March', () => {
    expect(kzCalendar.deadline('2025-03-20T10:00', working(3))).toEqual({ unit: 'workingDays', due: '2025-03-28' });
  });

  it('across the May holidays 2025: accepted Wed 30 April, 5 working days → Mon 12 May', () => {
    expect(kzCalendar.deadline('2025-04-30T16:00', working(5))).toEqual({ unit: 'workingDays', due: '2025-05-12' });
  });

  it('across the May holidays 2026: accepted Wed 6 May, 3 working days → Wed 13 May', () => {
    expect(kzCalendar.deadline('2026-05-06T12:00', working(3))).toEqual({ unit: 'workingDays', due: '2026-05-13' });
  });

  it('over a weekend: accepted Friday evening, 1 working day → Monday', () => {
    expect(kzCalendar.deadline('2025-04-11T17:45', working(1)).due).toBe('2025-04-14');
  });

  it('accepted on a Saturday counts from Monday', () => {
    expect(kzCalendar.deadline('2025-04-12T11:00', working(1)).due).toBe('2025-04-14');
  });

  it('across the year end: accepted Tue 30 Dec 2025, 5 working days → Fri 9 Jan 2026 (New Year, Christmas)', () => {
    expect(kzCalendar.deadline('2025-12-30T09:00', working(3)).due).toBe('2026-01-06');
    expect(kzCalendar.deadline('2025-12-30T09:00', working(5)).due).toBe('2026-01-09');
  });

  it('into a year without data is CALENDAR_YEAR_MISSING, never a guess', () => {
    expect(codeOf(() => kzCalendar.deadline('2027-12-29T10:00', working(5)))).toBe('CALENDAR_YEAR_MISSING');
    expect(codeOf(() => kzCalendar.dayKind('2024-05-01'))).toBe('CALENDAR_YEAR_MISSING');
  });
});

describe('deadline in calendar days and minutes', () => {
  it('30 calendar days from 20 March 2025 → 19 April (holidays do not matter)', () => {
    expect(kzCalendar.deadline('2025-03-20T10:00', { value: 30, unit: 'calendarDays' })).toEqual({ unit: 'calendarDays', due: '2025-04-19' });
  });

  it('minutes run from the moment of acceptance, past midnight too', () => {
    expect(kzCalendar.deadline('2025-03-20T10:00', { value: 20, unit: 'minutes' })).toEqual({ unit: 'minutes', due: '2025-03-20T10:20' });
    expect(kzCalendar.deadline('2025-12-31T23:50', { value: 20, unit: 'minutes' }).due).toBe('2026-01-01T00:10');
  });
});

describe('bad input', () => {
  it('refuses an impossible date, a zero term and an unknown unit', () => {
    expect(codeOf(() => kzCalendar.deadline('2025-02-30T10:00', working(1)))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => kzCalendar.deadline('2025-02-10 10:00', working(1)))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => kzCalendar.deadline('2025-02-10T24:00', working(1)))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => kzCalendar.deadline('2025-02-10T10:00', working(0)))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => kzCalendar.deadline('2025-02-10T10:00', { value: 2, unit: 'hours' } as unknown as Term))).toBe('VALIDATION_FAILED');
  });

  it('refuses a year file that breaks the schema or a year given twice', () => {
    expect(() => createCalendar([syntheticYear({ holidays: [{ date: '30.03.2030' }] })])).toThrow();
    expect(() => createCalendar([syntheticYear(), syntheticYear()])).toThrow(/twice/);
  });
});

describe('rules on a synthetic year', () => {
  const calendar = createCalendar([syntheticYear()]);

  it('a government transfer makes the Friday a day off and the Saturday a working day', () => {
    expect(calendar.dayKind('2030-03-15')).toBe('transferredDayOff');
    expect(calendar.isWorkingDay('2030-03-16')).toBe(true);
  });

  it('a holiday on Saturday moves to Monday; Orthodox Christmas on a Monday stays as is', () => {
    expect(calendar.dayKind('2030-03-09')).toBe('holiday');
    expect(calendar.dayKind('2030-03-11')).toBe('movedDayOff');
    expect(calendar.isWorkingDay('2030-01-08')).toBe(true);
  });

  it('a religious holiday on a weekend does not move', () => {
    const sundayChristmas = createCalendar([
      syntheticYear({ holidays: [{ date: '2030-01-06', key: 'christmas', name: { ru: 'Р', kk: 'Р' }, religious: true }], transfers: [] }),
    ]);
    expect(sundayChristmas.isWorkingDay('2030-01-07')).toBe(true);
  });
});
