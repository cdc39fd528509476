import { z } from 'zod';
import { serviceEntrySchema, serviceSummarySchema } from '../catalog/schema';
import { channel, type ChannelName } from './channel';
import {
  accountIdSchema,
  accountSchema,
  auditEntrySchema,
  auditQuerySchema,
  auditVerifySchema,
  authStatusSchema,
  changePasswordInputSchema,
  createAccountInputSchema,
  loginInputSchema,
  policySchema,
  resetPasswordInputSchema,
  sessionUserSchema,
  setActiveInputSchema,
  setupInputSchema,
  unlockInputSchema,
} from './auth';
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

export const contract = {
  system: {
    health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
    info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
  },
  // Every role looks services up: the operator at intake, the clerk and the head deciding, the supervisor.
  catalog: {
    list: channel({ input: z.undefined(), output: z.array(serviceSummarySchema), access: roles }),
    get: channel({ input: z.object({ id: z.string().min(1).max(100) }), output: serviceEntrySchema, access: roles }),
  },
  auth: {
    status: channel({ input: z.undefined(), output: authStatusSchema, access: 'public' }),
    /** First run: the supervisor account, only while there is no account at all. */
    setup: channel({ input: setupInputSchema, output: sessionUserSchema, access: 'public' }),
    login: channel({ input: loginInputSchema, output: sessionUserSchema, access: 'public' }),
    logout: channel({ input: z.undefined(), output: z.null(), access: roles, beforeUnlock: true }),
    changePassword: channel({ input: changePasswordInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
    lock: channel({ input: z.undefined(), output: z.null(), access: roles }),
    unlock: channel({ input: unlockInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
  },
  accounts: {
    list: channel({ input: z.undefined(), output: z.array(accountSchema), access: ['supervisor'] }),
    create: channel({ input: createAccountInputSchema, output: accountSchema, access: ['supervisor'] }),
    setActive: channel({ input: setActiveInputSchema, output: accountSchema, access: ['supervisor'] }),
    resetPassword: channel({ input: resetPasswordInputSchema, output: accountSchema, access: ['supervisor'] }),
    unlock: channel({ input: accountIdSchema, output: accountSchema, access: ['supervisor'] }),
    policy: channel({ input: z.undefined(), output: policySchema, access: ['supervisor'] }),
    setPolicy: channel({ input: policySchema, output: policySchema, access: ['supervisor'] }),
  },
  audit: {
    list: channel({ input: auditQuerySchema, output: z.array(auditEntrySchema), access: ['supervisor'] }),
    verify: channel({ input: z.undefined(), output: auditVerifySchema, access: ['supervisor'] }),
  },
};

export type Contract = typeof contract;
export type ArmChannel = ChannelName<Contract>;
