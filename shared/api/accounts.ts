import { z } from 'zod';
import { iinSchema, loginSchema, nameSchema, passwordSchema } from './auth';
import { channel } from './channel';
import { roleSchema } from './roles';

// The supervisor's accounts (учётные записи) and the password policy of the workstation.

const timeSchema = z.string().datetime();

export const policySchema = z.object({
  minPasswordLength: z.number().int().min(8).max(64),
  maxFailedAttempts: z.number().int().min(1).max(100),
  lockMinutes: z.number().int().min(1).max(24 * 60),
  idleMinutes: z.number().int().min(1).max(8 * 60),
});
export type Policy = z.infer<typeof policySchema>;

export const accountSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  iin: z.string(),
  role: roleSchema,
  organisation: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: timeSchema.nullable(),
  lastLoginAt: timeSchema.nullable(),
  createdAt: timeSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const createAccountInputSchema = z.object({
  login: loginSchema,
  fullName: nameSchema,
  iin: iinSchema,
  role: roleSchema,
  organisation: nameSchema,
  temporaryPassword: passwordSchema,
});
export const accountIdSchema = z.object({ userId: z.string().min(1).max(64) });
export const setActiveInputSchema = accountIdSchema.extend({ active: z.boolean() });
export const resetPasswordInputSchema = accountIdSchema.extend({ temporaryPassword: passwordSchema });

export const accountsChannels = {
  list: channel({ input: z.undefined(), output: z.array(accountSchema), access: ['supervisor'] }),
  create: channel({ input: createAccountInputSchema, output: accountSchema, access: ['supervisor'] }),
  setActive: channel({ input: setActiveInputSchema, output: accountSchema, access: ['supervisor'] }),
  resetPassword: channel({ input: resetPasswordInputSchema, output: accountSchema, access: ['supervisor'] }),
  unlock: channel({ input: accountIdSchema, output: accountSchema, access: ['supervisor'] }),
  policy: channel({ input: z.undefined(), output: policySchema, access: ['supervisor'] }),
  setPolicy: channel({ input: policySchema, output: policySchema, access: ['supervisor'] }),
};
