import { z } from 'zod';
import { languages } from '../i18n';
import { outcomeSchema, requestStateSchema } from './requests';

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

/** What the supervisor watches all day (renderer/features/dashboard), counted in the centre's local day. */
export const dashboardSchema = z.object({
  at: z.string(),
  /** Requests still waiting at the counter's side: drafts, signed, queued, and results awaiting issue. */
  queue: z.number().int().nonnegative(),
  /** Outbox messages not yet receipted by the gateway, and when the oldest was made. */
  unsynced: z.number().int().nonnegative(),
  oldestUnsyncedAt: z.string().nullable(),
  byState: z.array(z.object({ state: requestStateSchema, count: z.number().int().nonnegative() })),
  byProvider: z.array(z.object({ provider: z.string(), dueToday: z.number().int().nonnegative(), overdue: z.number().int().nonnegative() })),
  operatorsToday: z.array(z.object({ operatorId: z.string(), fullName: z.string().nullable(), count: z.number().int().nonnegative() })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Отчёт за период по услугам: requests accepted in [from, to] (local days), as they stand now. */
export const periodInputSchema = z.object({ from: z.iso.date(), to: z.iso.date() });
export const periodRowSchema = z.object({
  serviceId: z.string(),
  accepted: z.number().int().nonnegative(),
  refusedAtIntake: z.number().int().nonnegative(),
  issued: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  /** Calendar days from acceptance to the result reaching the centre; null when none has yet. */
  averageDays: z.number().nonnegative().nullable(),
});
export type PeriodRow = z.infer<typeof periodRowSchema>;
export const periodReportSchema = z.object({ from: z.string(), to: z.string(), rows: z.array(periodRowSchema), questionnaire: z.array(z.lazy(() => questionnaireSharesSchema)) });
export type PeriodReport = z.infer<typeof periodReportSchema>;
export const periodFileInputSchema = periodInputSchema.extend({ format: z.enum(['csv', 'pdf']), language: z.enum(languages) });

/**
 * The regulation's two questions (seed 003 App.4, seed 004 App.4/5), each answered
 * 1) не удовлетворен / қанағаттанбаймын, 2) частично / ішінара, 3) удовлетворен / қанағаттанамын.
 */
const answerSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const questionnaireInputSchema = z.object({ requestId: z.string().min(1).max(64), quality: answerSchema, information: answerSchema });
export const questionnaireSharesSchema = z.object({
  serviceId: z.string(),
  answers: z.number().int().nonnegative(),
  /** Counts of answers 1, 2, 3 to question 1 (process and result) and question 2 (information). */
  quality: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  information: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
});
export type QuestionnaireShares = z.infer<typeof questionnaireSharesSchema>;
