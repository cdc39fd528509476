import { z } from 'zod';
import { channel } from './channel';

// Queue registers (журнал регистрации / очередность): 003 Reg.3 puts a child under 7 in the
// register of pre-school children (by age group and the kindergarten asked for), Reg.7 puts a
// family on the housing list (by category). A queue notice carries the journal number and the
// place; places move only through the register (a referral, a withdrawal), each move audited.

export const queueKindSchema = z.enum(['preschool', 'housing']);

/** What a queue notice prints, signed with it. */
export const queueMarkSchema = z.object({
  /** The register's name: «2021 — ДО № 3» (the year of birth as age group, and the kindergarten) or the housing category. */
  register: z.string().min(1).max(200),
  number: z.number().int().positive(),
  position: z.number().int().positive(),
  registeredOn: z.iso.date(),
});
export type QueueMark = z.infer<typeof queueMarkSchema>;

export const queueEntrySchema = z.object({
  id: z.string(),
  kind: queueKindSchema,
  serviceId: z.string(),
  register: z.string(),
  number: z.number().int(),
  /** Place among those still waiting in the register; null once the entry has left it. */
  position: z.number().int().positive().nullable(),
  requestId: z.string(),
  requestNumber: z.string(),
  /** The child (preschool) or the applicant (housing). */
  person: z.string(),
  registeredOn: z.string(),
  state: z.enum(['waiting', 'referred', 'withdrawn']),
  leftOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

export const queueLookupInputSchema = z.union([
  z.strictObject({ iin: z.string().regex(/^\d{12}$/) }),
  z.strictObject({ requestNumber: z.string().trim().min(3).max(64) }),
]);

export const queueListInputSchema = z.strictObject({ serviceId: z.string().min(1).max(80), register: z.string().max(200).optional() });

export const queueLeaveInputSchema = z.strictObject({
  entryId: z.uuid(),
  /** referred: a place was found (the referral's kindergarten and number in the note); withdrawn: the parent withdrew, or the basis fell away. */
  outcome: z.enum(['referred', 'withdrawn']),
  note: z.string().trim().min(3).max(500),
});

export const queueChannels = {
  /** Position look-up for the operator, the clerk and the head (the citizen's cabinet will ask the same through the gateway). */
  lookup: channel({ input: queueLookupInputSchema, output: z.array(queueEntrySchema), access: ['operator', 'clerk', 'head', 'supervisor'] }),
  /** A service's registers, those waiting first in order. */
  list: channel({ input: queueListInputSchema, output: z.array(queueEntrySchema), access: ['clerk', 'head', 'supervisor'] }),
  /** An entry leaves the queue; the places behind it move up (audited). */
  leave: channel({ input: queueLeaveInputSchema, output: z.array(queueEntrySchema), access: ['clerk'] }),
};
