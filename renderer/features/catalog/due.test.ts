import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../shared/catalog/catalog';
import type { Variant } from '../../../shared/catalog/schema';
import { dueIfAcceptedAt, formatDue, localNow } from './due';

const variants = createCatalog().services.flatMap((service) => service.variants);
const variant = (id: string) => variants.find((entry) => entry.id === id) as Variant;

describe('due date on the catalog card', () => {
  it('takes Kazakhstan local time (UTC+5), whatever the machine\'s time zone', () => {
    expect(localNow(new Date('2026-03-05T04:07:00Z'))).toBe('2026-03-05T09:07');
    expect(localNow(new Date('2026-03-05T20:30:00Z'))).toBe('2026-03-06T01:30');
  });

  it('formats days and minutes as on a receipt', () => {
    expect(formatDue({ unit: 'workingDays', due: '2025-04-01' })).toBe('01.04.2025');
    expect(formatDue({ unit: 'minutes', due: '2026-05-04T12:03' })).toBe('04.05.2026 12:03');
  });

  it('gives the date, nothing when the regulation has no term, or the error code', () => {
    expect(dueIfAcceptedAt(variant('003-r4'), 'centre', '2025-03-20T10:00')).toEqual({ kind: 'due', text: '01.04.2025' });
    expect(dueIfAcceptedAt(variant('001-r5'), 'centre', '2025-03-20T10:00')).toEqual({ kind: 'none' });
    expect(dueIfAcceptedAt(variant('003-r4'), 'centre', '2027-12-28T10:00')).toEqual({ kind: 'error', code: 'CALENDAR_YEAR_MISSING' });
  });
});
