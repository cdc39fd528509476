import { describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../audit/log';
import type { ArmError } from '../../../shared/api';
import { codeOf, SUPERVISOR, testCore } from '../testing';

const OPERATOR = { login: 'operator1', fullName: 'Сейітов Ерлан', iin: '920701300012', role: 'operator' as const, organisation: 'ЦОН района', temporaryPassword: 'Уақытша-123' };

async function withSupervisor() {
  const t = testCore();
  const supervisor = t.window('supervisor-window');
  await supervisor.auth.setup(SUPERVISOR);
  return { ...t, supervisor };
}

describe('first run', () => {
  it('asks for the supervisor, creates it once, and signs it in', async () => {
    const { window } = testCore();
    const arm = window();
    await expect(arm.auth.status()).resolves.toMatchObject({ needsSetup: true, user: null });
    const user = await arm.auth.setup(SUPERVISOR);
    expect(user).toMatchObject({ login: 'supervisor', role: 'supervisor', mustChangePassword: false });
    await expect(arm.auth.status()).resolves.toMatchObject({ needsSetup: false, user: { login: 'supervisor' } });
    expect(await codeOf(window('other').auth.setup({ ...SUPERVISOR, login: 'second' }))).toBe('SETUP_DONE');
  });

  it('refuses a wrong IIN and a weak password and creates nothing', async () => {
    const { window, db } = testCore();
    const wrongIin = await window().auth.setup({ ...SUPERVISOR, iin: '880315400011' }).catch((error: ArmError) => error);
    expect(wrongIin).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'iin', message: 'IIN_INVALID' }] });
    expect(await codeOf(window().auth.setup({ ...SUPERVISOR, password: 'short' }))).toBe('PASSWORD_POLICY');
    expect(await codeOf(window().auth.setup({ ...SUPERVISOR, password: 'SUPERVISOR' }))).toBe('PASSWORD_POLICY');
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
  });
});

describe('login', () => {
  it('signs in offline from the local hash, and makes a new account change its password first', async () => {
    const { supervisor, window } = await withSupervisor();
    await supervisor.accounts.create(OPERATOR);
    const counter = window('counter-3');
    const user = await counter.auth.login({ login: 'OPERATOR1', password: OPERATOR.temporaryPassword });
    expect(user).toMatchObject({ login: 'operator1', role: 'operator', mustChangePassword: true });
    expect(await codeOf(counter.auth.lock())).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await codeOf(counter.auth.changePassword({ currentPassword: 'nope', newPassword: 'Жаңа-құпия-сөз' }))).toBe('PASSWORD_WRONG');
    expect(await codeOf(counter.auth.changePassword({ currentPassword: OPERATOR.temporaryPassword, newPassword: OPERATOR.temporaryPassword }))).toBe('PASSWORD_POLICY');
    await expect(counter.auth.changePassword({ currentPassword: OPERATOR.temporaryPassword, newPassword: 'Жаңа-құпия-сөз' })).resolves.toMatchObject({
      mustChangePassword: false,
    });
    await counter.auth.logout();
    await expect(counter.auth.login({ login: 'operator1', password: 'Жаңа-құпия-сөз' })).resolves.toMatchObject({ mustChangePassword: false });
  });

  it('answers the same for an unknown login and a wrong password', async () => {
    const { window } = await withSupervisor();
    expect(await codeOf(window('w').auth.login({ login: 'nobody', password: 'x' }))).toBe('LOGIN_FAILED');
    expect(await codeOf(window('w').auth.login({ login: 'supervisor', password: 'x' }))).toBe('LOGIN_FAILED');
  });

  it('locks the account after five failures for fifteen minutes, even for the right password, and the supervisor can unlock', async () => {
    const { supervisor, window, clock, db } = await withSupervisor();
    const account = await supervisor.accounts.create(OPERATOR);
    const counter = window('counter');
    for (let attempt = 1; attempt <= 4; attempt++) expect(await codeOf(counter.auth.login({ login: 'operator1', password: 'guess' + attempt }))).toBe('LOGIN_FAILED');
    const locked = await counter.auth.login({ login: 'operator1', password: 'guess5' }).catch((error: ArmError) => error);
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { until: '2026-03-02T09:15:00.000Z' } });
    expect(await codeOf(counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword }))).toBe('ACCOUNT_LOCKED');
    clock.now += 15 * 60_000 + 1000;
    await expect(counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword })).resolves.toMatchObject({ login: 'operator1' });
    await counter.auth.logout();

    for (let attempt = 1; attempt <= 5; attempt++) await codeOf(counter.auth.login({ login: 'operator1', password: 'again' + attempt }));
    expect(await codeOf(counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword }))).toBe('ACCOUNT_LOCKED');
    // The supervisor's own window sat idle past the idle time meanwhile.
    expect(await codeOf(supervisor.accounts.unlock({ userId: account.id }))).toBe('SESSION_LOCKED');
    await supervisor.auth.unlock({ password: SUPERVISOR.password });
    await expect(supervisor.accounts.unlock({ userId: account.id })).resolves.toMatchObject({ lockedUntil: null });
    await expect(counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword })).resolves.toMatchObject({ login: 'operator1' });

    const actions = listAudit(db, { limit: 100, userId: account.id }).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'auth.locked')).toHaveLength(2);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('honours a policy the supervisor changed', async () => {
    const { supervisor, window } = await withSupervisor();
    await supervisor.accounts.setPolicy({ minPasswordLength: 10, maxFailedAttempts: 2, lockMinutes: 30, idleMinutes: 5, keyWarningDays: 30 });
    await supervisor.accounts.create({ ...OPERATOR, temporaryPassword: 'Ұзын-құпия-сөз' });
    expect(await codeOf(supervisor.accounts.create({ ...OPERATOR, login: 'op2', temporaryPassword: 'Қысқа-123' }))).toBe('PASSWORD_POLICY');
    const counter = window('counter');
    expect(await codeOf(counter.auth.login({ login: 'operator1', password: 'a' }))).toBe('LOGIN_FAILED');
    const locked = await counter.auth.login({ login: 'operator1', password: 'b' }).catch((error: ArmError) => error);
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { until: '2026-03-02T09:30:00.000Z' } });
  });
});

describe('screen lock', () => {
  it('locks on request or when idle, keeps the user, and unlocks with the password only', async () => {
    const { supervisor, clock } = await withSupervisor();
    await supervisor.auth.lock();
    await expect(supervisor.auth.status()).resolves.toMatchObject({ locked: true, user: { login: 'supervisor' } });
    expect(await codeOf(supervisor.accounts.list())).toBe('SESSION_LOCKED');
    expect(await codeOf(supervisor.auth.unlock({ password: 'wrong' }))).toBe('LOGIN_FAILED');
    await supervisor.auth.unlock({ password: SUPERVISOR.password });
    await expect(supervisor.accounts.list()).resolves.toHaveLength(1);

    clock.now += 10 * 60_000 + 1;
    expect(await codeOf(supervisor.accounts.list())).toBe('SESSION_LOCKED');
    await supervisor.auth.unlock({ password: SUPERVISOR.password });
    await expect(supervisor.accounts.list()).resolves.toHaveLength(1);
  });

  it('ends the session when unlock attempts lock the account', async () => {
    const { supervisor, window } = await withSupervisor();
    await supervisor.accounts.create(OPERATOR);
    const counter = window('counter');
    await counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword });
    await counter.auth.changePassword({ currentPassword: OPERATOR.temporaryPassword, newPassword: 'Жаңа-құпия-сөз' });
    await counter.auth.lock();
    for (let attempt = 1; attempt <= 4; attempt++) await codeOf(counter.auth.unlock({ password: 'x' + attempt }));
    expect(await codeOf(counter.auth.unlock({ password: 'x5' }))).toBe('ACCOUNT_LOCKED');
    await expect(counter.auth.status()).resolves.toMatchObject({ user: null });
  });
});

describe('accounts', () => {
  it('deactivating an account signs it out and stops its logins; a supervisor cannot deactivate itself', async () => {
    const { supervisor, window } = await withSupervisor();
    const account = await supervisor.accounts.create(OPERATOR);
    const counter = window('counter');
    await counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword });
    await supervisor.accounts.setActive({ userId: account.id, active: false });
    await expect(counter.auth.status()).resolves.toMatchObject({ user: null });
    expect(await codeOf(counter.auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword }))).toBe('ACCOUNT_INACTIVE');
    const self = (await supervisor.accounts.list()).find((user) => user.role === 'supervisor')!;
    expect(await codeOf(supervisor.accounts.setActive({ userId: self.id, active: false }))).toBe('ACCOUNT_SELF');
  });

  it('refuses a taken login (any case) and a reset of an unknown account', async () => {
    const { supervisor } = await withSupervisor();
    await supervisor.accounts.create(OPERATOR);
    expect(await codeOf(supervisor.accounts.create({ ...OPERATOR, login: 'Operator1' }))).toBe('LOGIN_TAKEN');
    expect(await codeOf(supervisor.accounts.resetPassword({ userId: 'missing', temporaryPassword: 'Уақытша-456' }))).toBe('NOT_FOUND');
  });

  it('a reset makes the user change the password again and shows the last login', async () => {
    const { supervisor, window } = await withSupervisor();
    const account = await supervisor.accounts.create(OPERATOR);
    await window('counter').auth.login({ login: 'operator1', password: OPERATOR.temporaryPassword });
    const reset = await supervisor.accounts.resetPassword({ userId: account.id, temporaryPassword: 'Басқа-уақытша-1' });
    expect(reset).toMatchObject({ mustChangePassword: true, lastLoginAt: '2026-03-02T09:00:00.000Z' });
    await expect(window('counter').auth.status()).resolves.toMatchObject({ user: null });
  });

  it('keeps passwords only as scrypt hashes with their own salt', async () => {
    const { supervisor, db } = await withSupervisor();
    await supervisor.accounts.create(OPERATOR);
    await supervisor.accounts.create({ ...OPERATOR, login: 'operator2' });
    const hashes = (db.prepare('SELECT password_hash FROM users').all() as Array<{ password_hash: string }>).map((row) => row.password_hash);
    expect(hashes.every((hash) => hash.startsWith('scrypt$32768$8$1$'))).toBe(true);
    expect(new Set(hashes).size).toBe(3);
    expect(hashes.join()).not.toContain(OPERATOR.temporaryPassword);
  });
});
