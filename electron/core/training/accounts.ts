import type { Role } from '../../../shared/api';
import { DEMO_KEYS } from '../../../shared/signing/testPki';
import { appendAudit } from '../audit/log';
import { countUsers, insertUser } from '../auth/accounts';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/database';
import { presetTrainingWorkstation } from './workstation';

// Training mode (учебный режим) only: one account per role whose IIN is that of the role's demo key
// (shared/signing/testPki.ts), so a trainee signs with <role>.p12 at once. docs/training.md lists them.

/** The one password of every demo account (docs/training.md, README). */
export const TRAINING_PASSWORD = 'training-2026';

export const TRAINING_LOGINS: Record<Role, string> = {
  operator: 'operator',
  mobileOperator: 'mobile',
  clerk: 'clerk',
  head: 'head',
  supervisor: 'supervisor',
};

/**
 * Creates the demo accounts (and presets the workstation, ./workstation.ts) on a database that has
 * no account at all, and does nothing otherwise:
 * a workstation that already has its own users (a real deployment) never gets them.
 * Returns how many were created.
 */
export async function seedTrainingAccounts(db: Db, now: Date): Promise<number> {
  if (countUsers(db) > 0) return 0;
  const passwordHash = await hashPassword(TRAINING_PASSWORD);
  // The АРМ's own users; the citizens' keys sign on the emulator's portal page, not here.
  const owners = DEMO_KEYS.flatMap((key) => (key.role !== 'citizen' && key.id === key.role ? [{ ...key, role: key.role }] : []));
  return db.transaction(() => {
    // Checked again inside the transaction: someone may have run the first-run setup meanwhile.
    if (countUsers(db) > 0) return 0;
    for (const { role, person } of owners) {
      const user = insertUser(
        db,
        {
          login: TRAINING_LOGINS[role],
          fullName: `${person.surname} ${person.firstName} ${person.patronymic}`,
          iin: person.iin,
          role,
          organisation: person.organisation?.name ?? '',
          passwordHash,
          mustChangePassword: false,
        },
        now,
      );
      appendAudit(db, { userId: null, action: 'account.create', objectType: 'user', objectId: user.id, details: { role, training: true } }, now);
      if (role === 'supervisor') presetTrainingWorkstation(db, user.id, now);
    }
    return owners.length;
  })();
}
