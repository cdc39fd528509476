import { z } from 'zod';
import { channel } from './channel';
import { isValidIin } from '../iin/iin';
import { roles, roleSchema } from './roles';

// Signing in to the workstation (вход в систему): the session, the first-run supervisor, the lock.

export const iinSchema = z.string().refine(isValidIin, { message: 'IIN_INVALID' });
export const loginSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'letters, digits, dot, dash, underscore' });
export const passwordSchema = z.string().min(1).max(256);
export const nameSchema = z.string().trim().min(1).max(200);

export const sessionUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  organisation: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The signed-in user's key that runs out soonest, when within the warning days (NCA keys live a year). */
export const keyExpirySchema = z.object({
  key: z.enum(['auth', 'sign']),
  notAfter: z.iso.datetime(),
  /** Whole days left; 0 on the last day, negative once expired. */
  daysLeft: z.number().int(),
});
export type KeyExpiry = z.infer<typeof keyExpirySchema>;

export const authStatusSchema = z.object({
  needsSetup: z.boolean(),
  user: sessionUserSchema.nullable(),
  locked: z.boolean(),
  idleMinutes: z.number().int(),
  minPasswordLength: z.number().int(),
  /** Days before a key's expiry the user and the supervisor are warned (policy, default 30). */
  keyWarningDays: z.number().int(),
  keyExpiry: keyExpirySchema.nullable(),
  /** How the locked screen is unlocked: the AUTH key for accounts that log in by key, else the password. */
  unlockWith: z.enum(['password', 'key']),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const setupInputSchema = z.object({
  login: loginSchema,
  fullName: nameSchema,
  iin: iinSchema,
  organisation: nameSchema,
  password: passwordSchema,
});

export const loginInputSchema = z.object({ login: z.string().trim().min(1).max(64), password: passwordSchema });
/**
 * Login with the AUTH key (вход по ЭЦП): a signature over the one-time challenge, made by NCALayer
 * (the CMS comes back) or by the core from a key file; the core verifies both the same way.
 */
export const keyLoginInputSchema = z.union([
  z.object({ login: z.string().trim().min(1).max(64), cms: z.string().min(1).max(256 * 1024) }),
  z.object({ login: z.string().trim().min(1).max(64), keyFile: z.string().min(1).max(64 * 1024), password: z.string().max(256) }),
]);
export const keyChallengeSchema = z.object({
  /** The bytes to sign, base64 (RFC 8785 JSON naming the login, a nonce and the time). */
  data: z.string(),
  expiresAt: z.iso.datetime(),
});
export const changePasswordInputSchema = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });
export const unlockInputSchema = z.object({ password: passwordSchema });
/** Unlocking with the AUTH key: over a challenge from auth.keyChallenge for the signed-in login. */
export const keyUnlockInputSchema = z.union([
  z.object({ cms: z.string().min(1).max(256 * 1024) }),
  z.object({ keyFile: z.string().min(1).max(64 * 1024), password: z.string().max(256) }),
]);

export const authChannels = {
  status: channel({ input: z.undefined(), output: authStatusSchema, access: 'public' }),
  /** First run: the supervisor account, only while there is no account at all. */
  setup: channel({ input: setupInputSchema, output: sessionUserSchema, access: 'public' }),
  login: channel({ input: loginInputSchema, output: sessionUserSchema, access: 'public' }),
  /** A one-time challenge for this window, valid a few minutes; a new one replaces the old. */
  keyChallenge: channel({ input: z.object({ login: z.string().trim().min(1).max(64) }), output: keyChallengeSchema, access: 'public' }),
  loginWithKey: channel({ input: keyLoginInputSchema, output: sessionUserSchema, access: 'public' }),
  logout: channel({ input: z.undefined(), output: z.null(), access: roles, beforeUnlock: true }),
  changePassword: channel({ input: changePasswordInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
  lock: channel({ input: z.undefined(), output: z.null(), access: roles }),
  unlock: channel({ input: unlockInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
  /** For accounts that log in by key (the only way they unlock); checked as a key login is. */
  unlockWithKey: channel({ input: keyUnlockInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
};
