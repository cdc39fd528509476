import { z } from 'zod';
import { channel } from './channel';

// The audit log (журнал аудита) as the supervisor reads and verifies it.

const timeSchema = z.string().datetime();

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: timeSchema,
  userId: z.string().nullable(),
  userLogin: z.string().nullable(),
  workstation: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  userId: z.string().max(64).optional(),
  /** The user's login, as the supervisor types it. */
  login: z.string().trim().max(64).optional(),
  action: z.string().max(64).optional(),
  /** Entries whose object or details name this IIN (person and PoA look-ups). */
  iin: z.string().regex(/^\d{12}$/).optional(),
  from: timeSchema.optional(),
  to: timeSchema.optional(),
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/**
 * The audit chain's anchor at the gateway (issue 14 item 7) as the last sync saw it, and whether the
 * chain here still extends it: `shorter` (the newest entries were deleted), `diverged` (rewritten).
 */
export const auditAnchorStateSchema = z.object({
  seq: z.number().int().nullable(),
  hash: z.string().nullable(),
  anchoredAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
  problem: z.enum(['shorter', 'diverged']).nullable(),
  /** A restore from backup the next sync re-anchors at the gateway. */
  reanchorPending: z.boolean(),
});
export type AuditAnchorState = z.infer<typeof auditAnchorStateSchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBad: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Null: never anchored (no gateway yet). */
  anchor: auditAnchorStateSchema.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerifySchema>;

export const auditChannels = {
  list: channel({ input: auditQuerySchema, output: z.array(auditEntrySchema), access: ['supervisor'] }),
  verify: channel({ input: z.undefined(), output: auditVerifySchema, access: ['supervisor'] }),
};
