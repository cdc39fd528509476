import { ArmError } from '../../../shared/api';
import { kzCalendar, type Calendar } from '../../../shared/calendar/calendar';

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Working days after `from` up to and including `to` (from < to). */
function workingDaysBetween(from: string, to: string, calendar: Calendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count++;
  return count;
}

export interface Clock {
  daysLeft: number | null;
  urgency: 'ok' | 'dueToday' | 'overdue' | 'none';
}

/**
 * The deadline clock of the inbox (срок оказания услуги): working days left by the production
 * calendar, 0 on the due day, negative once overdue. A due time within the day (minute terms)
 * makes the request overdue once it has passed. Without calendar data for a year the days are
 * not counted, but the highlight still follows the dates.
 */
export function deadlineClock(dueBy: string | null, now: string, calendar: Calendar = kzCalendar): Clock {
  if (!dueBy) return { daysLeft: null, urgency: 'none' };
  const today = now.slice(0, 10);
  const dueDay = dueBy.slice(0, 10);
  const dueTime = dueBy.slice(11, 16);
  const overdueToday = dueDay === today && dueTime !== '' && now.slice(11, 16) > dueTime;
  const urgency = dueDay < today || overdueToday ? 'overdue' : dueDay === today ? 'dueToday' : 'ok';
  try {
    const daysLeft = dueDay === today ? 0 : dueDay > today ? workingDaysBetween(today, dueDay, calendar) : -workingDaysBetween(dueDay, today, calendar);
    return { daysLeft, urgency };
  } catch (error) {
    if (error instanceof ArmError && error.code === 'CALENDAR_YEAR_MISSING') return { daysLeft: null, urgency };
    throw error;
  }
}
