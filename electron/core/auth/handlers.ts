import { ArmError, type Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { countUsers, findById, findByLogin, insertUser, toSessionUser, updateUser, type UserRow } from './accounts';
import { hashPassword, verifyNobody, verifyPassword } from './passwords';
import { checkNewPassword, readPolicy } from './policy';
import { endSession, forgetSigningKey, lockSession, type Session } from './sessions';
import { fromBase64, toBase64 } from '../../../shared/signing';
import { signWithKeyFile } from '../signing/sign';
import { refreshTrust } from '../signing/trust';
import { readTrust } from '../inbox/settings';
import { issueChallenge, takeChallenge, verifyLoginSignature } from './keyLogin';
import { keyExpiryOf } from './keyExpiry';

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
  // A key kept unlocked belongs to the sign-in it was kept in, never to the next one.
  forgetSigningKey(session);
  session.user = toSessionUser(user);
  session.locked = false;
  session.lastActivity = now.getTime();
  return session.user;
}

/** A workstation that has never fetched a CRL asks the gateway once before a key login is refused. */
async function ensureCrl(ctx: CoreContext): Promise<void> {
  const db = requireDb(ctx);
  if (readTrust(db).crls.length > 0 || !ctx.gatewayClient) return;
  try {
    await refreshTrust(db, ctx.gatewayClient, ctx.now());
  } catch (error) {
    if (!(error instanceof ArmError && error.code === 'GATEWAY_UNAVAILABLE')) throw error;
  }
}

/** The key-file way signs the challenge here; NCALayer's CMS arrives signed. Both are verified alike. */
function challengeCms(ctx: CoreContext, input: { cms: string } | { keyFile: string; password: string }, challenge: Uint8Array, now: Date): string {
  if ('cms' in input) return input.cms;
  const file = fromBase64(input.keyFile);
  if (!file) throw new ArmError('KEY_FILE_INVALID', 'The key file is not valid base64.');
  return toBase64(signWithKeyFile(file, input.password, challenge, now, ctx.crypto));
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
      keyWarningDays: policy.keyWarningDays,
      keyExpiry: ctx.db && session.user ? keyExpiryOf(ctx.db, session.user.id, policy.keyWarningDays, ctx.now()) : null,
      unlockWith: ctx.db && session.user && findById(ctx.db, session.user.id)?.login_method === 'key' ? 'key' : 'password',
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
    if (user.login_method === 'key') {
      appendAudit(db, { userId: user.id, action: 'auth.failure', details: { login: user.login, reason: 'LOGIN_KEY_REQUIRED' } }, now);
      throw new ArmError('LOGIN_KEY_REQUIRED', 'This account logs in with the AUTH key.');
    }
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

  keyChallenge: ({ login }, ctx, { session }) => issueChallenge(session, login, ctx.crypto, ctx.now()),

  loginWithKey: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    const now = ctx.now();
    const challenge = takeChallenge(session, input.login, now);
    const user = findByLogin(db, input.login);
    const refuse = (userId: string | null, reason: string) => appendAudit(db, { userId, action: 'auth.failure', details: { login: input.login, method: 'key', reason } }, now);
    if (!user) {
      refuse(null, 'LOGIN_FAILED');
      throw new ArmError('LOGIN_FAILED', 'Wrong login or key.');
    }
    if (user.locked_until && user.locked_until > now.toISOString()) throw lockedError(user.locked_until);
    await ensureCrl(ctx);
    let card;
    try {
      card = verifyLoginSignature(db, user, challengeCms(ctx, input, challenge, now), challenge, now);
    } catch (error) {
      refuse(user.id, error instanceof ArmError ? error.code : 'INTERNAL');
      throw error;
    }
    if (!user.active) {
      appendAudit(db, { userId: user.id, action: 'auth.inactive' }, now);
      throw new ArmError('ACCOUNT_INACTIVE', 'The account is deactivated.');
    }
    const updated = db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'auth.login', details: { method: 'key', certificate: card.fingerprintSha256, notAfter: card.notAfter } }, now);
      return updateUser(db, user.id, { failed_attempts: 0, locked_until: null, last_login_at: now.toISOString(), auth_key_not_after: card.notAfter });
    })();
    const signedIn = signIn(session, updated, now);
    // The key proved who this is; a temporary password is changed at the next password login.
    signedIn.mustChangePassword = false;
    return signedIn;
  },

  logout: (_input, ctx, { session }) => {
    if (session.user && ctx.db) appendAudit(ctx.db, { userId: session.user.id, action: 'auth.logout' }, ctx.now());
    endSession(session);
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
    lockSession(session);
    if (ctx.db) appendAudit(ctx.db, { userId: session.user!.id, action: 'auth.lock' }, ctx.now());
    return null;
  },

  unlock: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    const user = findById(db, session.user!.id)!;
    // The supervisor chose the key for this account: its password opens nothing, the lock included.
    if (user.login_method === 'key') throw new ArmError('LOGIN_KEY_REQUIRED', 'This account unlocks with the AUTH key.');
    try {
      await checkPassword(ctx, user, input.password);
    } catch (error) {
      // A lockout during unlock ends the session: the next person must log in properly.
      if (error instanceof ArmError && error.code === 'ACCOUNT_LOCKED') endSession(session);
      throw error;
    }
    const now = ctx.now();
    const updated = db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'auth.unlock' }, now);
      return updateUser(db, user.id, { failed_attempts: 0 });
    })();
    return signIn(session, updated, now);
  },

  unlockWithKey: async (input, ctx, { session }) => {
    const db = requireDb(ctx);
    const now = ctx.now();
    const user = findById(db, session.user!.id)!;
    const challenge = takeChallenge(session, user.login, now);
    await ensureCrl(ctx);
    let card;
    try {
      card = verifyLoginSignature(db, user, challengeCms(ctx, input, challenge, now), challenge, now);
    } catch (error) {
      appendAudit(db, { userId: user.id, action: 'auth.failure', details: { login: user.login, method: 'key', unlock: true, reason: error instanceof ArmError ? error.code : 'INTERNAL' } }, now);
      throw error;
    }
    if (!user.active) {
      endSession(session);
      throw new ArmError('ACCOUNT_INACTIVE', 'The account is deactivated.');
    }
    const updated = db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'auth.unlock', details: { method: 'key', certificate: card.fingerprintSha256 } }, now);
      return updateUser(db, user.id, { failed_attempts: 0, auth_key_not_after: card.notAfter });
    })();
    const unlocked = signIn(session, updated, now);
    unlocked.mustChangePassword = false;
    return unlocked;
  },
};
