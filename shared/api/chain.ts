import { z } from 'zod';
import { centrePhaseSchema, stepSchema } from '../catalog/schema';
import { channel } from './channel';
import { requestIdSchema } from './inbox';
import { counterRoles, executorRole } from './roles';
import { MAX_UPLOAD_BYTES } from '../limits';

// The provider's internal chain (issue 17 item 3, issue 19 items 4 and 5): each step of the
// regulation with its norm and its own clock, and the outside decision stage (the district
// akimat's resolution, a commission) with its act's number and date. electron/core/chain.

const norm = stepSchema.shape.duration;

export const stepClockSchema = z.object({
  /** Who does it in the regulation's words (catalog actor: clerk = канцелярия, executor, head, akimat…). */
  actor: stepSchema.shape.actor,
  norm,
  /** The regulation's paragraph, e.g. «Рег.13 п.5 пп.3». */
  paragraph: z.string(),
  /** Local date-times "YYYY-MM-DDTHH:MM": when the step began (the previous one ended), is due, ended. */
  startedAt: z.string().nullable(),
  due: z.string().nullable(),
  doneAt: z.string().nullable(),
  status: z.enum(['done', 'late', 'running', 'overdue', 'pending']),
});
export type StepClock = z.infer<typeof stepClockSchema>;

export const outsideStageKindSchema = z.enum(['akimatResolution', 'commission']);

export const outsideStageViewSchema = z.object({
  kind: outsideStageKindSchema,
  /** null: the regulation gives the body no norm (003's commissions). */
  norm: norm.nullable(),
  paragraph: z.string(),
  quote: z.string(),
  sentAt: z.string().nullable(),
  due: z.string().nullable(),
  /** scanSha256: the resolution's scan (001 Рег.3), null for a commission recorded without one. */
  act: z.object({ number: z.string(), date: z.iso.date(), recordedAt: z.string(), scanSha256: z.string().nullable() }).nullable(),
});

export const chainViewSchema = z.object({
  requestId: z.uuid(),
  /** The regulation gives no total term: the request's due date is the sum of the step norms. */
  indicative: z.boolean(),
  dueBy: z.string().nullable(),
  steps: z.array(stepClockSchema),
  stage: outsideStageViewSchema.nullable(),
});
export type ChainView = z.infer<typeof chainViewSchema>;

/**
 * A clock of the centre's own steps (ЦОН; 001 п.9–10, 000 Прил.1 Табл.2, 002 п.10 пп.2): one per
 * phase the АРМ records the end of, due the sum of its steps' minutes (shared/catalog/steps.ts).
 */
export const centreClockSchema = z.object({
  phase: centrePhaseSchema,
  norm: z.object({ value: z.number().positive(), unit: z.literal('minutes') }),
  /** Its steps in the regulation's order: who, minutes, paragraph («Рег.1 п.9 пп.1»). */
  parts: z.array(z.object({ actor: stepSchema.shape.actor, minutes: z.number().positive(), paragraph: z.string() })),
  /** Local date-times "YYYY-MM-DDTHH:MM"; startedAt null: not begun, or its start is not recorded (the applicant coming back). */
  startedAt: z.string().nullable(),
  due: z.string().nullable(),
  doneAt: z.string().nullable(),
  status: stepClockSchema.shape.status,
});
export type CentreClockView = z.infer<typeof centreClockSchema>;

export const centreChainSchema = z.object({
  requestId: z.uuid(),
  /** As on the receipt: the request's term, and whether it is the sum of the provider's step norms (indicative). */
  dueBy: z.string().nullable(),
  indicative: z.boolean(),
  clocks: z.array(centreClockSchema),
});
export type CentreChain = z.infer<typeof centreChainSchema>;

export const recordActInputSchema = z.strictObject({
  requestId: z.uuid(),
  /** The act's number as the body gave it (№ постановления / шешімнің нөмірі). */
  number: z.string().trim().min(1).max(40),
  date: z.iso.date(),
  /**
   * The act's scan (base64: a small JSON call beside the number and date), checked as any document upload. Required for the akimat's resolution, which
   * is the result itself (001 Рег.3 п.3): its electronic copy is what the applicant receives.
   */
  scan: z.strictObject({ fileName: z.string().max(255), bytes: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4) }).optional(),
});

export const chainChannels = {
  get: channel({ input: requestIdSchema, output: chainViewSchema, access: ['officeWorker', executorRole, 'head'] }),
  /** The centre's clocks of a request it took in (the counter and the supervisor). */
  centre: channel({ input: requestIdSchema, output: centreChainSchema, access: [...counterRoles, 'supervisor'] }),
  /** The executor sends the draft act to the outside body: the stage's clock starts. */
  sendToStage: channel({ input: requestIdSchema, output: chainViewSchema, access: [executorRole] }),
  /** The executor records the adopted act; a number used before is ACT_NUMBER_REUSED. The akimat's resolution becomes the result (decided). */
  recordAct: channel({ input: recordActInputSchema, output: chainViewSchema, access: [executorRole] }),
};
