import { z } from 'zod';
import { channel } from './channel';
import { errorCodeSchema, errorParamsSchema } from './errors';
import { counterRoles, roles } from './roles';

// The sync console (electron/core/sync): each background job with its last success, next run,
// failures in a row and last error; "sync now"; the outbox's parked (rejected) messages.

export const syncJobNameSchema = z.enum(['outbox', 'inbox', 'trust', 'refdata', 'audit']);

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

/** Offline guardrails: the supervisor's limits (null: none) and where the workstation stands. */
export const guardrailsSchema = z.object({
  offlineHours: z.number().int(),
  maxUnsent: z.number().int().nullable(),
  minFreeMb: z.number().int().nullable(),
  /** When the gateway last answered (this clock); null: never. */
  lastContactAt: z.string().nullable(),
  unsent: z.number().int().nonnegative(),
  freeMb: z.number().int().nullable(),
  blocked: z.enum(['OFFLINE_TOO_LONG', 'OUTBOX_TOO_FULL', 'DISK_TOO_FULL']).nullable(),
});
export type Guardrails = z.infer<typeof guardrailsSchema>;

export const setGuardrailsInputSchema = z.strictObject({
  offlineHours: z.number().int().min(1).max(24 * 90),
  maxUnsent: z.number().int().min(1).max(100_000).nullable(),
  minFreeMb: z.number().int().min(1).max(1_000_000).nullable(),
});

/** This workstation as the gateway knows it: its machine key and the clock trust. */
export const machineStatusSchema = z.object({
  machineId: z.string(),
  /** base64 SPKI DER: what the gateway's admin enrolls. */
  publicKey: z.string(),
  /** The last time the gateway answered a call it signed; null: not (yet) enrolled. */
  enrolledAt: z.string().nullable(),
  clockOffsetMs: z.number().int().nullable(),
  clockCheckedAt: z.string().nullable(),
  clockProblem: z.enum(['drift', 'backwards']).nullable(),
});

/** One reference dataset from the gateway (issue 14 item 4): its version and age, the due dates its last calendar moved, why its last update failed. */
export const referenceStatusSchema = z.object({
  dataset: z.enum(['catalog', 'calendar', 'organisations', 'signers', 'limits']),
  /** null: never received; the bundled data holds. */
  version: z.number().int().nullable(),
  issuedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Hours since the gateway issued this version. */
  ageHours: z.number().int().nullable(),
  dueChanges: z.array(z.object({ number: z.string(), from: z.string(), to: z.string() })),
  error: z.object({ code: errorCodeSchema, params: errorParamsSchema, at: z.string() }).nullable(),
});
export type ReferenceStatus = z.infer<typeof referenceStatusSchema>;

export const syncStatusSchema = z.object({
  jobs: z.array(syncJobSchema),
  reference: z.array(referenceStatusSchema),
  parked: z.array(parkedMessageSchema),
  machine: machineStatusSchema.nullable(),
  guardrails: guardrailsSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncChannels = {
  status: channel({ input: z.undefined(), output: syncStatusSchema, access: roles }),
  /** "Sync now": one job, or every job. */
  run: channel({ input: z.strictObject({ job: syncJobNameSchema.optional() }), output: syncStatusSchema, access: [...counterRoles, 'supervisor'] }),
  /** A parked message goes back to the queue (after its cause was fixed); audited. */
  retryParked: channel({ input: z.strictObject({ id: z.uuid() }), output: syncStatusSchema, access: ['supervisor'] }),
  /** A parked message is given up (the request it carried goes back to the operator as returned); audited. */
  withdrawParked: channel({ input: z.strictObject({ id: z.uuid() }), output: syncStatusSchema, access: ['supervisor'] }),
  setGuardrails: channel({ input: setGuardrailsInputSchema, output: syncStatusSchema, access: ['supervisor'] }),
};
