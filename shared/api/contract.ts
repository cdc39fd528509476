import { z } from 'zod';
import { serviceEntrySchema, serviceSummarySchema } from '../catalog/schema';
import { channel, type ChannelName } from './channel';
import { errorCodeSchema } from './errors';

// The one registry of channels. Adding a capability: a block here, a handler set in
// electron/core/<capability>/, registered in electron/core/handlers.ts (docs/architecture.md).

const gatewayModeSchema = z.enum(['none', 'training', 'live']);

export const healthSchema = z.object({
  status: z.enum(['ok', 'failed']),
  /** Why the core could not start (corrupt or newer database); the renderer shows it translated. */
  error: errorCodeSchema.optional(),
  schemaVersion: z.number().int().nonnegative(),
  gateway: z.object({ mode: gatewayModeSchema, reachable: z.boolean() }),
});
export type Health = z.infer<typeof healthSchema>;

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  workstationId: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  gateway: z.object({ mode: gatewayModeSchema, url: z.string().nullable() }),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const contract = {
  system: {
    health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
    info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
  },
  // Public: the catalog is published regulation text, and the catalog screen works before login.
  catalog: {
    list: channel({ input: z.undefined(), output: z.array(serviceSummarySchema), access: 'public' }),
    get: channel({ input: z.object({ id: z.string().min(1).max(100) }), output: serviceEntrySchema, access: 'public' }),
  },
};

export type Contract = typeof contract;
export type ArmChannel = ChannelName<Contract>;
