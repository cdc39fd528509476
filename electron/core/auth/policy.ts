import { ArmError, type Policy } from '../../../shared/api';
import type { Db } from '../db/database';
import { readSettings, writeSettings, type SettingsAuthor } from '../settings/store';

export const DEFAULT_POLICY: Policy = { minPasswordLength: 8, maxFailedAttempts: 5, lockMinutes: 15, idleMinutes: 10, keyWarningDays: 30 };

export function readPolicy(db: Db | null): Policy {
  if (!db) return DEFAULT_POLICY;
  const stored = readSettings(db);
  return {
    minPasswordLength: stored['policy.minPasswordLength'] ?? DEFAULT_POLICY.minPasswordLength,
    maxFailedAttempts: stored['policy.maxFailedAttempts'] ?? DEFAULT_POLICY.maxFailedAttempts,
    lockMinutes: stored['policy.lockMinutes'] ?? DEFAULT_POLICY.lockMinutes,
    idleMinutes: stored['policy.idleMinutes'] ?? DEFAULT_POLICY.idleMinutes,
    keyWarningDays: stored['policy.keyWarningDays'] ?? DEFAULT_POLICY.keyWarningDays,
  };
}

export function writePolicy(db: Db, policy: Policy, by: SettingsAuthor, now: Date): void {
  writeSettings(
    db,
    {
      'policy.minPasswordLength': policy.minPasswordLength,
      'policy.maxFailedAttempts': policy.maxFailedAttempts,
      'policy.lockMinutes': policy.lockMinutes,
      'policy.idleMinutes': policy.idleMinutes,
      'policy.keyWarningDays': policy.keyWarningDays,
    },
    by,
    now,
  );
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
