import { z } from 'zod';
import { channel } from './channel';
import { counterRoles } from './roles';

// Counter metrics (issue 19 item 9): the electronic-queue ticket (талон электронной очереди) typed
// or scanned at intake, and when it was taken, so wait and service time can be measured against the
// regulation's minutes (000 п.9–10, 002 п.10 пп.2: «өтінімін өңдеу ұзақтығы – 5 (бес) минуттан аспайды»).

export const ticketInputSchema = z.strictObject({
  requestId: z.uuid(),
  /** As printed or encoded on the ticket; TICKET_INVALID when it is not 1–12 letters, digits or dashes. */
  ticket: z.string().trim().max(40),
  /** Local "HH:MM" the ticket was taken today (printed on it); null when unknown. */
  issuedAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
});

export const visitSchema = z.object({ requestId: z.uuid(), ticket: z.string(), issuedAt: z.string().nullable(), calledAt: z.string() });
export type Visit = z.infer<typeof visitSchema>;

/** Per service in a period: visits with a ticket, average minutes against the regulation's norm, how many exceeded it. */
export const counterRowSchema = z.object({
  serviceId: z.string(),
  visits: z.number().int().nonnegative(),
  averageWait: z.number().nonnegative().nullable(),
  maxWait: z.number().positive().nullable(),
  overWait: z.number().int().nonnegative(),
  averageService: z.number().nonnegative().nullable(),
  maxService: z.number().positive().nullable(),
  overService: z.number().int().nonnegative(),
});
export type CounterRow = z.infer<typeof counterRowSchema>;

export const visitsChannels = {
  ticket: channel({ input: ticketInputSchema, output: visitSchema, access: counterRoles }),
  get: channel({ input: z.strictObject({ requestId: z.uuid() }), output: visitSchema.nullable(), access: counterRoles }),
};
