import { z } from 'zod';
import { channel } from './channel';
import { errorCodeSchema } from './errors';
import { counterRoles, roles } from './roles';

// The sync console (electron/core/sync): each background job with its last success, next run,
// failures in a row and last error; "sync now"; the outbox's parked (rejected) messages.

export const syncJobNameSchema = z.enum(['outbox', 'inbox', 'trust']);

export const syncJobSchema = z.object({
  name: syncJobNameSchema,
  running: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  failures: z.number().int().nonnegative(),
  lastError: errorCodeSchema.nullable(),
});

/** A message the gateway refused, set aside so it holds up nothing: a person decides. */
export const parkedMessageSchema = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  kind: z.string(),
  to: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: errorCodeSchema.nullable(),
  createdAt: z.string(),
});

export const syncStatusSchema = z.object({ jobs: z.array(syncJobSchema), parked: z.array(parkedMessageSchema) });
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncChannels = {
  status: channel({ input: z.undefined(), output: syncStatusSchema, access: roles }),
  /** "Sync now": one job, or every job. */
  run: channel({ input: z.strictObject({ job: syncJobNameSchema.optional() }), output: syncStatusSchema, access: [...counterRoles, 'supervisor'] }),
  /** A parked message goes back to the queue (after its cause was fixed); audited. */
  retryParked: channel({ input: z.strictObject({ id: z.uuid() }), output: syncStatusSchema, access: ['supervisor'] }),
};
