import type { KeyExpiry } from '../../../shared/api';
import type { Db } from '../db/database';
import { findById, updateUser } from './accounts';

// Key expiry (срок действия ключа ЭЦП): NCA keys live a year. The core remembers the expiry of the
// last AUTH key an account logged in with and the last SIGN key it signed with, warns the holder
// `keyWarningDays` before (policy, default 30) and shows the supervisor every account's.

const DAY_MS = 24 * 3_600_000;

/** Whole days from now to notAfter, rounded down: 0 on the last day, negative once past. */
export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((new Date(notAfter).getTime() - now.getTime()) / DAY_MS);
}

/** The user's key that runs out soonest, when it does within `warningDays`; null otherwise. */
export function keyExpiryOf(db: Db, userId: string, warningDays: number, now: Date): KeyExpiry | null {
  const user = findById(db, userId);
  if (!user) return null;
  const known = [
    { key: 'auth' as const, notAfter: user.auth_key_not_after },
    { key: 'sign' as const, notAfter: user.sign_key_not_after },
  ].flatMap((entry) => (entry.notAfter ? [{ key: entry.key, notAfter: entry.notAfter, daysLeft: daysLeft(entry.notAfter, now) }] : []));
  const soonest = known.sort((a, b) => a.daysLeft - b.daysLeft)[0];
  return soonest && soonest.daysLeft < warningDays ? soonest : null;
}

/** After a signature verified: the SIGN key's expiry, for the warning and the supervisor's list. */
export function rememberSignKey(db: Db, userId: string, notAfter: string): void {
  updateUser(db, userId, { sign_key_not_after: notAfter });
}
