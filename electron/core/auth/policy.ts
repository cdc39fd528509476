import { ArmError, type Policy } from '../../../shared/api';
import type { Db } from '../db/database';

export const DEFAULT_POLICY: Policy = { minPasswordLength: 8, maxFailedAttempts: 5, lockMinutes: 15, idleMinutes: 10 };

export function readPolicy(db: Db | null): Policy {
  if (!db) return DEFAULT_POLICY;
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'policy.%'").all() as Array<{ key: string; value: string }>;
  const stored = Object.fromEntries(rows.map((row) => [row.key.slice('policy.'.length), Number(row.value)]));
  return { ...DEFAULT_POLICY, ...stored };
}

export function writePolicy(db: Db, policy: Policy): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(policy)) upsert.run(`policy.${key}`, String(value));
}

/** Minimum length, not the login, not the current password: each with its own reason. */
export function checkNewPassword(password: string, login: string, policy: Policy, current?: string): void {
  const refuse = (rule: string) => {
    throw new ArmError('PASSWORD_POLICY', `The new password breaks the rule: ${rule}`, [{ path: 'newPassword', message: rule }], {
      rule,
      min: policy.minPasswordLength,
    });
  };
  if ([...password].length < policy.minPasswordLength) refuse('tooShort');
  if (password.trim().toLocaleLowerCase() === login.toLocaleLowerCase()) refuse('sameAsLogin');
  if (current !== undefined && password === current) refuse('sameAsCurrent');
}
