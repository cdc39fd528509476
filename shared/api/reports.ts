import { z } from 'zod';
import { languages } from '../i18n';
import { channel } from './channel';
import { journalExportSchema } from './journal';
import { requestStateSchema } from './requests';
import { counterRoles } from './roles';
import { counterRowSchema } from './visits';

// Отчёты: the supervisor's live dashboard and period reports, and the applicant's анкета.

/** What the supervisor watches all day (renderer/features/reports), counted in the centre's local day. */
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
export const periodReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(periodRowSchema),
  questionnaire: z.array(z.lazy(() => questionnaireSharesSchema)),
  /** Wait and service minutes at the counter against the regulation's norms (visits). */
  counter: z.array(counterRowSchema),
});
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

export const reportsChannels = {
  /** Polled by the supervisor's screen. */
  dashboard: channel({ input: z.undefined(), output: dashboardSchema, access: ['supervisor'] }),
  period: channel({ input: periodInputSchema, output: periodReportSchema, access: ['supervisor'] }),
  periodFile: channel({ input: periodFileInputSchema, output: journalExportSchema, access: ['supervisor'] }),
  /** The supervisor's check: recounts the requests, compares with the dashboard's counters, rebuilds them if they differ. */
  checkCounters: channel({ input: z.undefined(), output: z.object({ consistent: z.boolean() }), access: ['supervisor'] }),
  /** The applicant's анкета after issuance, typed on the operator's screen. */
  answer: channel({ input: questionnaireInputSchema, output: z.null(), access: counterRoles }),
};
