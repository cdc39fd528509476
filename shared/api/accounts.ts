import { z } from 'zod';
import { iinSchema, loginSchema, nameSchema, passwordSchema } from './auth';
import { channel } from './channel';
import { roleSchema } from './roles';

// The supervisor's accounts (учётные записи) and the password policy of the workstation.

const timeSchema = z.string().datetime();

/** The shortest idle time before the screen locks that a supervisor may set. */
export const MIN_IDLE_MINUTES = 1;

export const policySchema = z.object({
  minPasswordLength: z.number().int().min(8).max(64),
  maxFailedAttempts: z.number().int().min(1).max(100),
  lockMinutes: z.number().int().min(1).max(24 * 60),
  idleMinutes: z.number().int().min(MIN_IDLE_MINUTES).max(8 * 60),
  /** Days before a key's expiry its holder and the supervisor are warned. */
  keyWarningDays: z.number().int().min(1).max(365),
});
export type Policy = z.infer<typeof policySchema>;

export const loginMethodSchema = z.enum(['password', 'key']);
export type LoginMethod = z.infer<typeof loginMethodSchema>;

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
  /** 'key': only the AUTH key logs in (provider staff, the seeds' "ИИН + пароль / ЭЦП"). */
  loginMethod: loginMethodSchema,
  /** Expiry of the last AUTH and SIGN key seen for this account (at key login, at signing). */
  authKeyNotAfter: timeSchema.nullable(),
  signKeyNotAfter: timeSchema.nullable(),
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
export const setLoginMethodInputSchema = accountIdSchema.extend({ method: loginMethodSchema });
export const resetPasswordInputSchema = accountIdSchema.extend({ temporaryPassword: passwordSchema });

export const accountsChannels = {
  list: channel({ input: z.undefined(), output: z.array(accountSchema), access: ['supervisor'] }),
  create: channel({ input: createAccountInputSchema, output: accountSchema, access: ['supervisor'] }),
  setActive: channel({ input: setActiveInputSchema, output: accountSchema, access: ['supervisor'] }),
  resetPassword: channel({ input: resetPasswordInputSchema, output: accountSchema, access: ['supervisor'] }),
  setLoginMethod: channel({ input: setLoginMethodInputSchema, output: accountSchema, access: ['supervisor'] }),
  unlock: channel({ input: accountIdSchema, output: accountSchema, access: ['supervisor'] }),
  policy: channel({ input: z.undefined(), output: policySchema, access: ['supervisor'] }),
  setPolicy: channel({ input: policySchema, output: policySchema, access: ['supervisor'] }),
};
