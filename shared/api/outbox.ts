import { z } from 'zod';
import { channel } from './channel';
import { errorCodeSchema } from './errors';
import { counterRoles, roles } from './roles';

// What still has to reach the gateway (electron/core/outbox), as the status bar shows it.

export const outboxStatusSchema = z.object({
  pending: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  lastError: errorCodeSchema.nullable(),
  lastSyncAt: z.string().nullable(),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const outboxChannels = {
  status: channel({ input: z.undefined(), output: outboxStatusSchema, access: roles }),
  syncNow: channel({ input: z.undefined(), output: outboxStatusSchema, access: [...counterRoles, 'supervisor'] }),
  /**
   * Sends a request its provider returned once more, in a new message (the gateway keeps the old
   * one as delivered): returned → queued. The content is as the operator signed it, signed anew
   * (`cms`, base64, by the operator who took it in): the gateway refuses the same signature under
   * a new id as a replay (MESSAGE_REPLAYED). A request that must change is withdrawn and taken in anew.
   */
  resend: channel({
    input: z.strictObject({ requestId: z.string().min(1).max(100), cms: z.string().min(1).max(200_000) }),
    output: outboxStatusSchema,
    access: counterRoles,
  }),
};
