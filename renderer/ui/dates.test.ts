import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatDay } from './dates';

afterAll(() => {
  vi.unstubAllEnvs();
});

// The same text whatever zone the counter's machine is set to (issue 18 item 9: one clock).
describe.each(['UTC', 'Asia/Almaty'])('dd.mm.yyyy on a machine set to %s', (zone) => {
  it('writes ISO days and local minutes back', () => {
    vi.stubEnv('TZ', zone);
    expect(formatDay('2026-03-01')).toBe('01.03.2026');
    expect(formatDay('2026-03-10T14:05')).toBe('10.03.2026 14:05');
    expect(formatDay('')).toBe('');
  });

  it('writes an instant (received, signed) at Kazakhstan time, not UTC', () => {
    vi.stubEnv('TZ', zone);
    // The machine's own clock does move with the zone (so the text below is proven zone-free).
    expect(new Date('2026-03-10T04:10:27.123Z').getHours()).toBe(zone === 'UTC' ? 4 : 9);
    // A request received at 04:10 UTC arrived at 09:10 in Almaty; one at 20:00 UTC, the next day.
    expect(formatDay('2026-03-10T04:10:27.123Z')).toBe('10.03.2026 09:10');
    expect(formatDay('2026-03-10T20:00:00.000Z')).toBe('11.03.2026 01:00');
  });
});
