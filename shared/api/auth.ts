import { z } from 'zod';
import { isValidIin } from '../iin/iin';
import { roleSchema } from './roles';

// Schemas of the auth, accounts and audit channels (contract.ts lists the channels).

export const iinSchema = z.string().refine(isValidIin, { message: 'IIN_INVALID' });
const loginSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'letters, digits, dot, dash, underscore' });
const passwordSchema = z.string().min(1).max(256);
const nameSchema = z.string().trim().min(1).max(200);
const timeSchema = z.string().datetime();

export const sessionUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  organisation: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const policySchema = z.object({
  minPasswordLength: z.number().int().min(8).max(64),
  maxFailedAttempts: z.number().int().min(1).max(100),
  lockMinutes: z.number().int().min(1).max(24 * 60),
  idleMinutes: z.number().int().min(1).max(8 * 60),
});
export type Policy = z.infer<typeof policySchema>;

export const authStatusSchema = z.object({
  needsSetup: z.boolean(),
  user: sessionUserSchema.nullable(),
  locked: z.boolean(),
  idleMinutes: z.number().int(),
  minPasswordLength: z.number().int(),
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
export const changePasswordInputSchema = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });
export const unlockInputSchema = z.object({ password: passwordSchema });

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

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBad: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerifySchema>;
