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
  /**
   * Encryption at rest: 'os' the OS keeps the master key; 'os-plaintext' Linux without a keyring
   * (Chromium stores it in the clear); 'key-file' the web host's key file. The last two warn.
   */
  atRest: z.object({ encrypted: z.boolean(), protection: z.enum(['os', 'os-plaintext', 'key-file']).nullable() }),
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
  /** The working-day calendar's years: the acts each follows, and whether it is provisional. */
  calendar: z.array(z.object({ year: z.number().int(), basis: z.object({ ru: z.string(), kk: z.string() }), provisional: z.boolean() })),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const systemChannels = {
  health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
  info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
};
