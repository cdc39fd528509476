import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePem, crlPem, fromBase64, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, DEMO_PASSWORD, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { writeSettings } from '../settings/store';
import { codeOf, signedIn, testCore, type TestClock, type TestCore } from '../testing';
import { insertUser } from './accounts';
import { hashPassword } from './passwords';

// The idle lock of an account that logs in by key (issue 15 item 5): it unlocks with the AUTH key
// over a fresh challenge, checked as a key login is; its password unlocks nothing.

const PASSWORD = 'Құпия-сөз-2026';
let pki: DemoPki;
let t: TestCore;
const clock: TestClock = { now: Date.now() };
let supervisor: string;
let clerkId: string;
let windows = 0;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(clock.now), only: ['clerk', 'clerkAuth', 'headAuth'] });
  t = testCore({ clock });
  writeSettings(t.db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date(clock.now));
  const passwordHash = await hashPassword(PASSWORD);
  clerkId = insertUser(t.db, { login: 'clerk-key', fullName: 'clerk', iin: pki.keys.clerk.person.iin, role: 'clerk', organisation: 'Отдел образования', passwordHash, mustChangePassword: false }, new Date(clock.now)).id;
  insertUser(t.db, { login: 'clerk-password', fullName: 'clerk', iin: '850721400011', role: 'clerk', organisation: 'Отдел образования', passwordHash, mustChangePassword: false }, new Date(clock.now));
  supervisor = signedIn(t.core, 'supervisor', '800909452101', 'boss');
  await t.window(supervisor).accounts.setLoginMethod({ userId: clerkId, method: 'key' });
}, 120_000);
afterAll(() => t.close());

const keyFile = (id: DemoKeyId) => ({ keyFile: toBase64(pki.keys[id].p12), password: DEMO_PASSWORD });

/** The key-only clerk logged in by key in a window of its own, then locked by idleness. */
async function lockedClerk() {
  const window = t.window(`unlock-${++windows}`);
  await window.auth.keyChallenge({ login: 'clerk-key' });
  await window.auth.loginWithKey({ login: 'clerk-key', ...keyFile('clerkAuth') });
  clock.now += 11 * 60_000;
  expect(await codeOf(window.signing.trustStatus())).toBe('SESSION_LOCKED');
  return window;
}

describe('unlocking a key-only account', () => {
  it('the lock screen is told to offer the key; the password unlocks nothing', async () => {
    const window = await lockedClerk();
    const status = await window.auth.status();
    expect(status).toMatchObject({ locked: true, unlockWith: 'key' });
    expect(await codeOf(window.auth.unlock({ password: PASSWORD }))).toBe('LOGIN_KEY_REQUIRED');
    expect((await window.auth.status()).locked).toBe(true);
  });

  it('unlocks with the AUTH key file over a fresh challenge, audited as a key unlock', async () => {
    const window = await lockedClerk();
    await window.auth.keyChallenge({ login: 'clerk-key' });
    expect((await window.auth.unlockWithKey(keyFile('clerkAuth'))).login).toBe('clerk-key');
    expect((await window.auth.status()).locked).toBe(false);
    const audit = t.db.prepare("SELECT details FROM audit_log WHERE action = 'auth.unlock' ORDER BY seq DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ method: 'key' });
  });

  it('unlocks with the CMS NCALayer returns over the challenge', async () => {
    const window = await lockedClerk();
    const challenge = fromBase64((await window.auth.keyChallenge({ login: 'clerk-key' })).data)!;
    const key = pki.keys.clerkAuth;
    const cms = toBase64(signDetached({ content: challenge, key: key.key, certificate: key.certificate, signingTime: new Date(clock.now) }));
    expect(await codeOf(window.auth.unlockWithKey({ cms }))).toBe('ok');
  });

  it('refuses another person’s key, a signing key, a replayed challenge; the screen stays locked', async () => {
    const window = await lockedClerk();
    await window.auth.keyChallenge({ login: 'clerk-key' });
    expect(await codeOf(window.auth.unlockWithKey(keyFile('headAuth')))).toBe('CERT_IIN_MISMATCH');
    // The challenge was used up by that attempt.
    expect(await codeOf(window.auth.unlockWithKey(keyFile('clerkAuth')))).toBe('LOGIN_CHALLENGE_EXPIRED');
    await window.auth.keyChallenge({ login: 'clerk-key' });
    expect(await codeOf(window.auth.unlockWithKey(keyFile('clerk')))).toBe('CERT_ROLE');
    await window.auth.keyChallenge({ login: 'clerk-key' });
    expect(await codeOf(window.auth.unlockWithKey({ ...keyFile('clerkAuth'), password: 'wrong' }))).toBe('KEY_PASSWORD_WRONG');
    expect((await window.auth.status()).locked).toBe(true);
  });

  it('a password account still unlocks with its password and is told so', async () => {
    const window = t.window(`unlock-${++windows}`);
    await window.auth.login({ login: 'clerk-password', password: PASSWORD });
    await window.auth.lock();
    expect((await window.auth.status()).unlockWith).toBe('password');
    expect(await codeOf(window.auth.unlock({ password: PASSWORD }))).toBe('ok');
  });
});
