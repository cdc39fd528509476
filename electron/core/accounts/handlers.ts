import { ArmError, type Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { findById, findByLogin, insertUser, listUsers, toAccount, updateUser, type UserRow } from '../auth/accounts';
import { hashPassword } from '../auth/passwords';
import { checkNewPassword, readPolicy, writePolicy } from '../auth/policy';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';

function existing(ctx: CoreContext, userId: string): UserRow {
  const user = findById(requireDb(ctx), userId);
  if (!user) throw new ArmError('NOT_FOUND', 'No such account.');
  return user;
}

/** The supervisor's account administration (әкімші / администратор). */
export const accountsHandlers: Handlers<Contract>['accounts'] = {
  list: (_input, ctx) => listUsers(requireDb(ctx)).map(toAccount),

  create: async (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    if (findByLogin(db, input.login)) throw new ArmError('LOGIN_TAKEN', 'That login is taken.', [{ path: 'login', message: 'taken' }]);
    checkNewPassword(input.temporaryPassword, input.login, readPolicy(db));
    const passwordHash = await hashPassword(input.temporaryPassword);
    const now = ctx.now();
    return db.transaction(() => {
      if (findByLogin(db, input.login)) throw new ArmError('LOGIN_TAKEN', 'That login is taken.', [{ path: 'login', message: 'taken' }]);
      const user = insertUser(db, { ...input, passwordHash, mustChangePassword: true }, now);
      appendAudit(db, { userId: caller!.userId, action: 'account.create', objectType: 'user', objectId: user.id, details: { login: user.login, role: user.role } }, now);
      return toAccount(user);
    })();
  },

  setActive: (input, ctx, { caller, sessions }) => {
    const db = requireDb(ctx);
    const user = existing(ctx, input.userId);
    if (user.id === caller!.userId) throw new ArmError('ACCOUNT_SELF', 'A supervisor cannot deactivate their own account.');
    const now = ctx.now();
    const updated = db.transaction(() => {
      appendAudit(db, { userId: caller!.userId, action: input.active ? 'account.activate' : 'account.deactivate', objectType: 'user', objectId: user.id }, now);
      return updateUser(db, user.id, { active: input.active ? 1 : 0 });
    })();
    if (!input.active) sessions.signOutUser(user.id);
    return toAccount(updated);
  },

  resetPassword: async (input, ctx, { caller, sessions }) => {
    const db = requireDb(ctx);
    const user = existing(ctx, input.userId);
    checkNewPassword(input.temporaryPassword, user.login, readPolicy(db));
    const passwordHash = await hashPassword(input.temporaryPassword);
    const now = ctx.now();
    const updated = db.transaction(() => {
      appendAudit(db, { userId: caller!.userId, action: 'account.password_reset', objectType: 'user', objectId: user.id }, now);
      return updateUser(db, user.id, { password_hash: passwordHash, must_change_password: 1, failed_attempts: 0, locked_until: null });
    })();
    if (user.id !== caller!.userId) sessions.signOutUser(user.id);
    return toAccount(updated);
  },

  /** Password or AUTH key (вход по ЭЦП); a switch to the key ends the account's password sessions. */
  setLoginMethod: (input, ctx, { caller, sessions }) => {
    const db = requireDb(ctx);
    const user = existing(ctx, input.userId);
    if (user.login_method === input.method) return toAccount(user);
    const now = ctx.now();
    const updated = db.transaction(() => {
      appendAudit(db, { userId: caller!.userId, action: 'account.login_method', objectType: 'user', objectId: user.id, details: { from: user.login_method, to: input.method } }, now);
      return updateUser(db, user.id, { login_method: input.method });
    })();
    if (input.method === 'key' && user.id !== caller!.userId) sessions.signOutUser(user.id);
    return toAccount(updated);
  },

  unlock: (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    const user = existing(ctx, input.userId);
    const now = ctx.now();
    return toAccount(
      db.transaction(() => {
        appendAudit(db, { userId: caller!.userId, action: 'account.unlock', objectType: 'user', objectId: user.id }, now);
        return updateUser(db, user.id, { failed_attempts: 0, locked_until: null });
      })(),
    );
  },

  policy: (_input, ctx) => readPolicy(requireDb(ctx)),

  setPolicy: (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    writePolicy(db, input, caller!, ctx.now());
    return readPolicy(db);
  },
};
