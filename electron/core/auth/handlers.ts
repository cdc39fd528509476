import { ArmError, type Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { countUsers, findById, findByLogin, insertUser, toSessionUser, updateUser, type UserRow } from './accounts';
import { hashPassword, verifyNobody, verifyPassword } from './passwords';
import { checkNewPassword, readPolicy } from './policy';
import type { Session } from './sessions';

function lockedError(until: string): ArmError {
  return new ArmError('ACCOUNT_LOCKED', `The account is locked until ${until}.`, undefined, { until });
}

/**
 * Checks a password against an account and keeps the lockout count: after the policy's number of
 * failures in a row the account is locked for the policy's minutes. Used by login and unlock.
 */
async function checkPassword(ctx: CoreContext, user: UserRow, password: string): Promise<void> {
  const db = requireDb(ctx);
  const now = ctx.now();
  if (user.locked_until && user.locked_until > now.toISOString()) throw lockedError(user.locked_until);
  if (await verifyPassword(password, user.password_hash)) return;
  const policy = readPolicy(db);
  const failures = user.failed_attempts + 1;
  if (failures >= policy.maxFailedAttempts) {
    const until = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
    db.transaction(() => {
      updateUser(db, user.id, { failed_attempts: 0, locked_until: until });
      appendAudit(db, { userId: user.id, action: 'auth.failure', details: { login: user.login } }, now);
      appendAudit(db, { userId: user.id, action: 'auth.locked', details: { until } }, now);
    })();
    throw lockedError(until);
  }
  db.transaction(() => {
    updateUser(db, user.id, { failed_attempts: failures });
    appendAudit(db, { userId: user.id, action: 'auth.failure', details: { login: user.login } }, now);
  })();
  throw new ArmError('LOGIN_FAILED', 'Wrong login or password.');
}

function signIn(session: Session, user: UserRow, now: Date): ReturnType<typeof toSessionUser> {
  session.user = toSessionUser(user);
  session.locked = false;
  session.lastActivity = now.getTime();
  return session.user;
}

export const authHandlers: Handlers<Contract>['auth'] = {
  status: (_input, ctx, { session }) => {
    const policy = readPolicy(ctx.db);
    return {
      needsSetup: ctx.db ? countUsers(ctx.db) === 0 : false,
      user: session.user,
      locked: session.locked,
      idleMinutes: policy.idleMinutes,
      minPasswordLength: policy.minPasswordLength,
    };
  },

  setup: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    checkNewPassword(input.password, input.login, readPolicy(db));
    const passwordHash = await hashPassword(input.password);
    const now = ctx.now();
    const user = db.transaction(() => {
      if (countUsers(db) > 0) throw new ArmError('SETUP_DONE', 'The supervisor account exists already.');
      const created = insertUser(db, { ...input, role: 'supervisor', passwordHash, mustChangePassword: false }, now);
      updateUser(db, created.id, { last_login_at: now.toISOString() });
      appendAudit(db, { userId: created.id, action: 'account.create', objectType: 'user', objectId: created.id, details: { role: 'supervisor', firstRun: true } }, now);
      appendAudit(db, { userId: created.id, action: 'auth.login' }, now);
      return created;
    })();
    return signIn(session, user, now);
  },

  login: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    const user = findByLogin(db, input.login);
    if (!user) {
      await verifyNobody(input.password);
      appendAudit(db, { userId: null, action: 'auth.failure', details: { login: input.login } }, ctx.now());
      throw new ArmError('LOGIN_FAILED', 'Wrong login or password.');
    }
    await checkPassword(ctx, user, input.password);
    const now = ctx.now();
    if (!user.active) {
      appendAudit(db, { userId: user.id, action: 'auth.inactive' }, now);
      throw new ArmError('ACCOUNT_INACTIVE', 'The account is deactivated.');
    }
    const updated = db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'auth.login' }, now);
      return updateUser(db, user.id, { failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() });
    })();
    return signIn(session, updated, now);
  },

  logout: (_input, ctx, { session }) => {
    if (session.user && ctx.db) appendAudit(ctx.db, { userId: session.user.id, action: 'auth.logout' }, ctx.now());
    session.user = null;
    session.locked = false;
    return null;
  },

  changePassword: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    const user = findById(db, session.user!.id)!;
    if (!(await verifyPassword(input.currentPassword, user.password_hash))) throw new ArmError('PASSWORD_WRONG', 'The current password is wrong.');
    checkNewPassword(input.newPassword, user.login, readPolicy(db), input.currentPassword);
    const passwordHash = await hashPassword(input.newPassword);
    const now = ctx.now();
    const updated = db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'auth.password_change' }, now);
      return updateUser(db, user.id, { password_hash: passwordHash, must_change_password: 0 });
    })();
    return signIn(session, updated, now);
  },

  lock: (_input, ctx, { session }) => {
    session.locked = true;
    if (ctx.db) appendAudit(ctx.db, { userId: session.user!.id, action: 'auth.lock' }, ctx.now());
    return null;
  },

  unlock: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    const user = findById(db, session.user!.id)!;
    try {
      await checkPassword(ctx, user, input.password);
    } catch (error) {
      // A lockout during unlock ends the session: the next person must log in properly.
      if (error instanceof ArmError && error.code === 'ACCOUNT_LOCKED') session.user = null;
      throw error;
    }
    const now = ctx.now();
    const updated = db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'auth.unlock' }, now);
      return updateUser(db, user.id, { failed_attempts: 0 });
    })();
    return signIn(session, updated, now);
  },
};
