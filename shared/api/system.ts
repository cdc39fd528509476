import { z } from 'zod';
import { channel } from './channel';
import { errorCodeSchema } from './errors';

// The workstation itself: answers before login so the screens can say what is wrong.

const gatewayModeSchema = z.enum(['none', 'training', 'live']);

export const healthSchema = z.object({
  status: z.enum(['ok', 'failed']),
  /** Why the core could not start (corrupt or newer database); the renderer shows it translated. */
  error: errorCodeSchema.optional(),
  schemaVersion: z.number().int().nonnegative(),
  /** refusal: the gateway answers but refuses this АРМ (below its version floor); shown before login. */
  gateway: z.object({ mode: gatewayModeSchema, reachable: z.boolean(), refusal: z.literal('CLIENT_TOO_OLD').optional() }),
});
export type Health = z.infer<typeof healthSchema>;

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  /** The one log folder (<dataDir>/logs), for support. */
  logDir: z.string(),
  workstationId: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  gateway: z.object({ mode: gatewayModeSchema, url: z.string().nullable() }),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const systemChannels = {
  health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
  info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
};
