import { z } from 'zod';

// A term (срок) as the regulations state it: a whole number in one of their three units.
// Apart from calendar.ts so the contract and the catalog schema do not load the year files.
export const termUnitSchema = z.enum(['workingDays', 'calendarDays', 'minutes']);
export type TermUnit = z.infer<typeof termUnitSchema>;
export const termSchema = z.object({ value: z.number().int().positive(), unit: termUnitSchema });
export type Term = z.infer<typeof termSchema>;
