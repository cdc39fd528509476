import { z } from 'zod';
import { recheckSchema } from '../gateway/api';
import { languages } from '../i18n';
import { centreClockSchema } from './chain';
import { channel } from './channel';
import { outcomeSchema, requestStateSchema } from './requests';
import { counterRoles } from './roles';

/** Where the next page starts: the last row's acceptance time and its row key (keyset paging). */
export const journalCursorSchema = z.object({ at: z.string().max(40), key: z.number().int().nonnegative() });
export type JournalCursor = z.infer<typeof journalCursorSchema>;

/** What the operator narrows the journal by; every field is optional and they combine with AND. */
export const journalFilterSchema = z.object({
  iin: z.string().regex(/^\d{12}$/).optional(),
  /** Prefixes of the surname, name or patronymic, any case, Kazakh and Russian letters. */
  name: z.string().trim().max(200).optional(),
  number: z.string().trim().max(40).optional(),
  serviceId: z.string().max(100).optional(),
  state: requestStateSchema.optional(),
  operatorId: z.string().max(64).optional(),
  /** Local days (Asia/Almaty) of acceptance, both included. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  overdue: z.boolean().optional(),
});
export type JournalFilter = z.infer<typeof journalFilterSchema>;

export const journalQuerySchema = journalFilterSchema.extend({
  after: journalCursorSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type JournalQuery = z.input<typeof journalQuerySchema>;

export const journalRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  state: requestStateSchema,
  outcome: outcomeSchema.nullable(),
  applicantIin: z.string(),
  applicantName: z.string().nullable(),
  provider: z.string().nullable(),
  operatorId: z.string(),
  operatorName: z.string().nullable(),
  createdAt: z.string(),
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
  /** Issued and the applicant has not been asked the анкета yet. */
  questionnaireDue: z.boolean(),
  /** The gateway's re-check of persons typed by hand offline, from the receipt; null before it (or none typed). */
  recheck: z.array(recheckSchema).nullable(),
  /** The gateway's signed time on the request's receipt (its time-stamp's genTime); null before it. */
  stampedAt: z.string().nullable(),
  /** The centre's running step (its clock's phase, due, running or overdue); null when none runs. */
  centreStep: centreClockSchema.pick({ phase: true, due: true, status: true }).nullable(),
});
export type JournalRow = z.infer<typeof journalRowSchema>;

export const journalPageSchema = z.object({ rows: z.array(journalRowSchema), next: journalCursorSchema.nullable() });
export type JournalPage = z.infer<typeof journalPageSchema>;

export const journalExportInputSchema = z.object({
  filter: journalFilterSchema,
  format: z.enum(['csv', 'xlsx']),
  /** The column headings' and states' language. */
  language: z.enum(languages),
});
export type JournalExportInput = z.input<typeof journalExportInputSchema>;

export const journalExportSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type JournalExport = z.infer<typeof journalExportSchema>;

export const journalOperatorSchema = z.object({ id: z.string(), fullName: z.string() });
export type JournalOperator = z.infer<typeof journalOperatorSchema>;

/** Журнал заявлений: a search that names an IIN is in the audit log with that IIN. */
export const journalChannels = {
  search: channel({ input: journalQuerySchema, output: journalPageSchema, access: [...counterRoles, 'supervisor'] }),
  export: channel({ input: journalExportInputSchema, output: journalExportSchema, access: [...counterRoles, 'supervisor'] }),
  operators: channel({ input: z.undefined(), output: z.array(journalOperatorSchema), access: [...counterRoles, 'supervisor'] }),
};
