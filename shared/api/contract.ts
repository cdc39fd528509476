import { z } from 'zod';
import { channel, type ChannelName } from './channel';
import { certificateCardSchema } from '../signing/card';
import { errorCodeSchema } from './errors';
import { roles } from './roles';

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

// ЭЦП. A key file travels as base64 (a NCA .p12 is a few KB); the password only for the call.
const keyFileSchema = z.string().max(64 * 1024);
const keyPasswordSchema = z.string().max(256);

export const signedPayloadSchema = z.object({
  /** Detached CMS SignedData, DER, base64. */
  cms: z.string(),
  /** SHA-256 of the signed bytes (RFC 8785 canonical JSON of the payload), hex. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signingTime: z.iso.datetime(),
  card: certificateCardSchema,
});
export type SignedPayload = z.infer<typeof signedPayloadSchema>;

export const contract = {
  system: {
    health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
    info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
  },
  signing: {
    inspectKey: channel({
      input: z.object({ keyFile: keyFileSchema, password: keyPasswordSchema }),
      output: certificateCardSchema,
      access: roles,
    }),
    sign: channel({
      input: z.object({
        keyFile: keyFileSchema,
        password: keyPasswordSchema,
        payload: z.json(),
        expectedIin: z.string().regex(/^\d{12}$/),
      }),
      output: signedPayloadSchema,
      access: roles,
    }),
  },
};

export type Contract = typeof contract;
export type ArmChannel = ChannelName<Contract>;
