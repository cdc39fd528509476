import { describe, expect, it } from 'vitest';
import { deadlineClock } from './deadline';

describe('deadline clock', () => {
  it('counts working days by the calendar: a weekend and the 8 March holiday are skipped', () => {
    // Fri 6 March 2026 → Wed 11 March: Sat 7, Sun 8 (8 March, moved to Mon 9), so Tue 10 and Wed 11.
    expect(deadlineClock('2026-03-11', '2026-03-06T10:00')).toEqual({ daysLeft: 2, urgency: 'ok' });
    expect(deadlineClock('2026-03-11T18:00', '2026-03-11T10:00')).toEqual({ daysLeft: 0, urgency: 'dueToday' });
  });

  it('goes negative once overdue, and a passed due time makes the due day overdue', () => {
    expect(deadlineClock('2026-03-05', '2026-03-10T09:00')).toEqual({ daysLeft: -2, urgency: 'overdue' });
    expect(deadlineClock('2026-03-11T09:05', '2026-03-11T10:00')).toEqual({ daysLeft: 0, urgency: 'overdue' });
  });

  it('has no clock without a due date, and follows dates alone for a year without calendar data', () => {
    expect(deadlineClock(null, '2026-03-06T10:00')).toEqual({ daysLeft: null, urgency: 'none' });
    expect(deadlineClock('2031-01-10', '2030-12-20T10:00')).toEqual({ daysLeft: null, urgency: 'ok' });
  });
});
