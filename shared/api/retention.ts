import { z } from 'zod';
import { channel } from './channel';

// Сроки хранения: personal data and scans of finished requests are purged after a term the
// supervisor sets from the organisation's records schedule (electron/core/retention).

const daysSchema = z.number().int().min(1).max(36_500).nullable();

export const retentionTermsSchema = z.strictObject({
  /** Days after issuance (and nothing about the request left in the outbox); null: never. */
  issuedDays: daysSchema,
  refusedDays: daysSchema,
  withdrawnDays: daysSchema,
});
export type RetentionTermsInput = z.infer<typeof retentionTermsSchema>;

export const purgeReportSchema = z.object({
  at: z.iso.datetime(),
  requests: z.object({ issued: z.number().int().nonnegative(), refusedAtIntake: z.number().int().nonnegative(), withdrawn: z.number().int().nonnegative() }),
  scans: z.number().int().nonnegative(),
  refusedMessages: z.number().int().nonnegative(),
});
export type PurgeReportView = z.infer<typeof purgeReportSchema>;

export const retentionStatusSchema = z.object({ terms: retentionTermsSchema, lastReport: purgeReportSchema.nullable() });

export const retentionChannels = {
  status: channel({ input: z.undefined(), output: retentionStatusSchema, access: ['supervisor'] }),
  configure: channel({ input: retentionTermsSchema, output: retentionStatusSchema, access: ['supervisor'] }),
  /** Runs by itself once a day; this runs it now. */
  purge: channel({ input: z.undefined(), output: purgeReportSchema, access: ['supervisor'] }),
};
