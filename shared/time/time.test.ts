import { afterAll, describe, expect, it } from 'vitest';
import {
  addDays,
  ALLOWED_CLOCK_DRIFT_MS,
  clockDrift,
  formatDate,
  formatDateTime,
  formatIso,
  formatNumber,
  localDateTime,
  localDay,
  localDayCompact,
  localDayStart,
  offlineWindowStart,
  OFFLINE_WINDOW_DAYS,
  withinAllowedDrift,
} from './time';

const machineZone = process.env.TZ;
afterAll(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

// Node re-reads TZ when it is assigned, so each pass below really runs on a machine set to that
// zone; the first assertion of each pass proves the switch took.
describe.each([
  ['UTC', 19],
  ['Asia/Almaty', 0],
  ['America/New_York', 14],
])('Kazakhstan local time on a machine set to %s', (zone, machineHour) => {
  // 19:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Kazakhstan.
  const newYear = new Date('2025-12-31T19:30:00Z');

  it('ignores the machine time zone', () => {
    process.env.TZ = zone;
    // Asia/Almaty in the tzdata here may be +5 or (older) +6; the others are fixed.
    if (zone !== 'Asia/Almaty') expect(newYear.getHours()).toBe(machineHour);
    expect(localDay(newYear)).toBe('2026-01-01');
    expect(localDateTime(newYear)).toBe('2026-01-01T00:30');
    expect(localDayCompact(newYear)).toBe('20260101');
    expect(formatDate(newYear)).toBe('01.01.2026');
    expect(formatDateTime(newYear)).toBe('01.01.2026 00:30');
    expect(localDayStart('2026-01-01').toISOString()).toBe('2025-12-31T19:00:00.000Z');
    expect(localDayStart('2026-01-01', 1).toISOString()).toBe('2026-01-01T19:00:00.000Z');
  });

  it('writes a stored instant at Kazakhstan time, a local day or minute as it is', () => {
    process.env.TZ = zone;
    // 19:30 UTC on New Year's Eve is already 00:30 on 1 January at the counter.
    expect(formatIso('2025-12-31T19:30:00.000Z')).toBe('01.01.2026 00:30');
    expect(formatIso('2025-12-31T19:30:59Z')).toBe('01.01.2026 00:30');
    expect(formatIso('2026-01-01T00:30:00+05:00')).toBe('01.01.2026 00:30');
    expect(formatIso('2026-01-01T00:30')).toBe('01.01.2026 00:30');
    expect(formatIso('2026-01-01')).toBe('01.01.2026');
  });

  it('keeps +05:00 on dates before March 2024 too (one offset, no tzdata history)', () => {
    process.env.TZ = zone;
    expect(localDateTime(new Date('2023-06-01T18:59:00Z'))).toBe('2023-06-01T23:59');
    expect(localDay(new Date('2023-06-01T19:00:00Z'))).toBe('2023-06-02');
  });
});

describe('days and formats', () => {
  it('walks days across month, year and leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('refuses what is not a day', () => {
    expect(() => localDayStart('2026-02-30')).toThrow(RangeError);
    expect(() => formatDate('01.02.2026')).toThrow(RangeError);
    expect(() => localDay(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatIso('01.02.2026')).toThrow(RangeError);
    expect(() => formatIso('2026-02-30T10:00Z')).toThrow(RangeError);
    expect(() => formatIso('2026-02-30')).toThrow(RangeError);
  });

  it('writes numbers with no-break space groups and a decimal comma', () => {
    expect(formatNumber(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatNumber(1234.5, 1)).toBe('1\u00a0234,5');
    expect(formatNumber(-987654.321, 2)).toBe('-987\u00a0654,32');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(-0.001, 2)).toBe('0,00');
  });
});

describe('clocks', () => {
  const gateway = new Date('2026-05-04T10:00:00Z');

  it('allows five minutes of drift either way, not more', () => {
    expect(ALLOWED_CLOCK_DRIFT_MS).toBe(5 * 60_000);
    expect(withinAllowedDrift(new Date(gateway.getTime() + ALLOWED_CLOCK_DRIFT_MS), gateway)).toBe(true);
    expect(withinAllowedDrift(new Date(gateway.getTime() - ALLOWED_CLOCK_DRIFT_MS - 1), gateway)).toBe(false);
    expect(clockDrift(new Date('2026-05-04T10:07:00Z'), gateway)).toBe(7 * 60_000);
  });

  it('starts the offline window the policy’s days before now', () => {
    expect(offlineWindowStart(gateway).toISOString()).toBe(new Date(gateway.getTime() - OFFLINE_WINDOW_DAYS * 86_400_000).toISOString());
  });
});
