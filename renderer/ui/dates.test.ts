import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from './dates';

describe('dd.mm.yyyy', () => {
  it('reads typed days, with or without leading zeros', () => {
    expect(parseDay('01.03.2026')).toBe('2026-03-01');
    expect(parseDay(' 1.3.2026 ')).toBe('2026-03-01');
    expect(parseDay('29.02.2028')).toBe('2028-02-29');
  });

  it('refuses what is not a calendar day or not in this form', () => {
    for (const text of ['31.02.2026', '29.02.2026', '00.01.2026', '01.13.2026', '2026-03-01', '03/01/2026', '01.03.26', '01.03.0999', '']) {
      expect(parseDay(text), text).toBeNull();
    }
  });

  it('writes ISO days and minutes back', () => {
    expect(formatDay('2026-03-01')).toBe('01.03.2026');
    expect(formatDay('2026-03-10T14:05')).toBe('10.03.2026 14:05');
    expect(formatDay('')).toBe('');
  });
});
