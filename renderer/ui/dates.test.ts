import { describe, expect, it } from 'vitest';
import { formatDay } from './dates';

describe('dd.mm.yyyy', () => {
  it('writes ISO days and minutes back', () => {
    expect(formatDay('2026-03-01')).toBe('01.03.2026');
    expect(formatDay('2026-03-10T14:05')).toBe('10.03.2026 14:05');
    expect(formatDay('')).toBe('');
  });
});
