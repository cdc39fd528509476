import { ArmError, type ErrorCode } from '../../../shared/api';
import type { Deadline } from '../../../shared/calendar/calendar';
import { serviceDeadline } from '../../../shared/catalog/catalog';
import type { ChannelKind, Variant } from '../../../shared/catalog/schema';
import { formatIso, localDateTime } from '../../../shared/time';

/** Kazakhstan local date and time as the calendar takes it ("YYYY-MM-DDTHH:MM", shared/time). */
export function localNow(now: Date = new Date()): string {
  return localDateTime(now);
}

/** "01.04.2025" for a day, "04.05.2026 12:03" for a minute term, as printed on receipts. */
export function formatDue(deadline: Deadline): string {
  return formatIso(deadline.due);
}

export type DueToday = { kind: 'due'; text: string } | { kind: 'none' } | { kind: 'error'; code: ErrorCode };

/** What the card shows as "accepted now → due by": a date, nothing (no term), or why not. */
export function dueIfAcceptedAt(variant: Variant, channel: ChannelKind, acceptedAt: string): DueToday {
  try {
    const deadline = serviceDeadline(variant, channel, acceptedAt);
    return deadline ? { kind: 'due', text: formatDue(deadline) } : { kind: 'none' };
  } catch (error) {
    if (error instanceof ArmError) return { kind: 'error', code: error.code };
    throw error;
  }
}
