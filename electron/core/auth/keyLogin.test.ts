import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCrl, certificatePem, crlPem, fromBase64, signDetached, toBase64, utf8Bytes } from '../../../shared/signing';
import { signGostDetached } from '../../../shared/signing/gost/cms';
import { buildGostCrl, createGostRoot, gostPem, issueGostCertificate } from '../../../shared/signing/gost/issue';
import { createDemoPki, DEMO_PASSWORD, issueCertificate, type DemoKeyId, type DemoPki, type Issued } from '../../../shared/signing/testPki';
import { verifyAudit } from '../audit/log';
import { writeSettings } from '../settings/store';
import { codeOf, signedIn, testCore, type TestClock, type TestCore } from '../testing';
import { insertUser } from './accounts';
import { CHALLENGE_TTL_MS } from './keyLogin';
import { hashPassword } from './passwords';

const PASSWORD = 'Құпия-сөз-2026';
/** Certificates hold whole seconds. */
const seconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();

// Login with the AUTH key (issue 15 item 5): the key file and NCALayer ways, each refusal with its
// code, the account's login method, and the key-expiry warning (item 7).

const DAY = 86_400_000;
let pki: DemoPki;
let revokedAuth: Issued;
let expiredAuth: Issued;
let t: TestCore;
const clock: TestClock = { now: Date.now() };
let supervisor: string;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(clock.now), only: ['clerk', 'clerkAuth', 'headAuth', 'operatorAuth'] });
  const clerk = pki.keys.clerk.person;
  revokedAuth = issueCertificate({ issuer: pki.root, person: clerk, kind: 'auth', notBefore: new Date(clock.now - DAY), notAfter: new Date(clock.now + 300 * DAY), organisationRole: 'employee' });
  expiredAuth = issueCertificate({ issuer: pki.root, person: clerk, kind: 'auth', notBefore: new Date(clock.now - 400 * DAY), notAfter: new Date(clock.now - 35 * DAY), organisationRole: 'employee' });
  const crl = buildCrl({ issuer: pki.root.certificate, issuerKey: pki.root.key, revoked: [{ serialNumber: revokedAuth.certificate.serialNumber, date: new Date(clock.now - DAY) }], thisUpdate: new Date(clock.now - 60_000), nextUpdate: new Date(clock.now + 7 * DAY), crlNumber: 2 });
  t = testCore({ clock });
  writeSettings(t.db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(crl) }, { userId: null }, new Date(clock.now));
  const passwordHash = await hashPassword(PASSWORD);
  for (const [login, role, iin] of [['clerk1', 'clerk', clerk.iin], ['head1', 'head', pki.keys.headAuth.person.iin]] as const) {
    insertUser(t.db, { login, fullName: login, iin, role, organisation: 'Отдел образования', passwordHash, mustChangePassword: true }, new Date(clock.now));
  }
  supervisor = signedIn(t.core, 'supervisor', '800909452101', 'boss');
}, 120_000);
afterAll(() => t.close());

let windows = 0;
/** A fresh window asks for a challenge and answers it with `answer`. */
async function loginWith(login: string, answer: (challenge: Uint8Array) => { cms: string } | { keyFile: string; password: string }) {
  const window = t.window(`key-window-${++windows}`);
  const challenge = await window.auth.keyChallenge({ login });
  return { window, result: window.auth.loginWithKey({ login, ...answer(fromBase64(challenge.data)!) }) };
}
const keyFile = (id: DemoKeyId) => () => ({ keyFile: toBase64(pki.keys[id].p12), password: DEMO_PASSWORD });
const ncaLayer = (issued: Issued) => (challenge: Uint8Array) => ({ cms: toBase64(signDetached({ content: challenge, key: issued.key, certificate: issued.certificate, signingTime: new Date(clock.now) })) });

describe('login with the AUTH key', () => {
  it('logs the clerk in with the AUTH key file, remembers its expiry and audits the key', async () => {
    const { window, result } = await loginWith('clerk1', keyFile('clerkAuth'));
    const user = await result;
    // The key proved who this is: no forced password change for a key login.
    expect(user).toMatchObject({ login: 'clerk1', role: 'clerk', mustChangePassword: false });
    expect((await window.auth.status()).user?.login).toBe('clerk1');
    const accounts = await t.window(supervisor).accounts.list();
    expect(accounts.find((account) => account.login === 'clerk1')?.authKeyNotAfter).toBe(seconds(pki.keys.clerkAuth.certificate.validity.notAfter));
    const audit = t.db.prepare("SELECT details FROM audit_log WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ method: 'key' });
    expect(verifyAudit(t.db).ok).toBe(true);
  });

  it('accepts the CMS NCALayer returns over the challenge, checked the same way', async () => {
    const { result } = await loginWith('clerk1', ncaLayer(pki.keys.clerkAuth));
    expect((await result).login).toBe('clerk1');
  });

  it('accepts a GOST 34.10-2015 AUTH key under НУЦ РК OIDs', async () => {
    const root = createGostRoot({ now: new Date(clock.now - 10 * DAY), commonName: 'ARM GOST TEST Root - NOT FOR PRODUCTION' });
    const gostAuth = issueGostCertificate({ issuer: root, person: pki.keys.clerk.person, kind: 'auth', organisationRole: 'employee', notBefore: new Date(clock.now - DAY), notAfter: new Date(clock.now + 300 * DAY) });
    const gostSign = issueGostCertificate({ issuer: root, person: pki.keys.clerk.person, kind: 'sign', organisationRole: 'employee', notBefore: new Date(clock.now - DAY), notAfter: new Date(clock.now + 300 * DAY) });
    const crl = buildGostCrl({ issuer: root, revoked: [], thisUpdate: new Date(clock.now - 60_000), nextUpdate: new Date(clock.now + 7 * DAY), crlNumber: 1 });
    const before = { roots: t.db.prepare("SELECT value FROM settings WHERE key = 'trust.roots'").pluck().get() as string, crls: t.db.prepare("SELECT value FROM settings WHERE key = 'trust.crls'").pluck().get() as string };
    writeSettings(t.db, { 'trust.roots': gostPem('CERTIFICATE', root.certificate.der), 'trust.crls': gostPem('X509 CRL', crl) }, { userId: null }, new Date(clock.now));
    try {
      const gost = (key: typeof gostAuth) => (challenge: Uint8Array) => ({ cms: toBase64(signGostDetached({ content: challenge, key: key.key, signingTime: new Date(clock.now), profile: 'kz' })) });
      expect((await (await loginWith('clerk1', gost(gostAuth))).result).login).toBe('clerk1');
      expect(await codeOf((await loginWith('clerk1', gost(gostSign))).result)).toBe('CERT_ROLE');
    } finally {
      writeSettings(t.db, { 'trust.roots': JSON.parse(before.roots) as string, 'trust.crls': JSON.parse(before.crls) as string }, { userId: null }, new Date(clock.now));
    }
  });

  it('refuses the wrong key with its code and signs nobody in', async () => {
    const refused = async (answer: Parameters<typeof loginWith>[1], login = 'clerk1') => {
      const { window, result } = await loginWith(login, answer);
      const code = await codeOf(result);
      expect((await window.auth.status()).user).toBeNull();
      return code;
    };
    // A SIGN key is not a login key: the wrong НУЦ key role.
    expect(await refused(keyFile('clerk'))).toBe('CERT_ROLE');
    // Somebody else's AUTH key (the operator's) for the clerk's account.
    expect(await refused(keyFile('operatorAuth'))).toBe('CERT_IIN_MISMATCH');
    expect(await refused(ncaLayer(revokedAuth))).toBe('CERT_REVOKED');
    expect(await refused(ncaLayer(expiredAuth))).toBe('CERT_EXPIRED');
    // NCALayer signed other bytes than the challenge.
    expect(await refused(() => ({ cms: toBase64(signDetached({ content: utf8Bytes('другое'), key: pki.keys.clerkAuth.key, certificate: pki.keys.clerkAuth.certificate, signingTime: new Date(clock.now) })) }))).toBe('SIGNATURE_INVALID');
    expect(await refused(() => ({ cms: 'это не подпись' }))).toBe('SIGNATURE_INVALID');
    expect(await refused(() => ({ keyFile: toBase64(pki.keys.clerkAuth.p12), password: 'не тот' }))).toBe('KEY_PASSWORD_WRONG');
    // An unknown login answers like a wrong key, not "no such account".
    expect(await refused(keyFile('clerkAuth'), 'nobody')).toBe('LOGIN_FAILED');
    const failures = t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.failure'").pluck().get() as number;
    expect(failures).toBeGreaterThanOrEqual(8);
  });

  it('uses a challenge once, for its login, within its time', async () => {
    const window = t.window('replay');
    const challenge = fromBase64((await window.auth.keyChallenge({ login: 'clerk1' })).data)!;
    const answer = ncaLayer(pki.keys.clerkAuth)(challenge);
    expect((await window.auth.loginWithKey({ login: 'clerk1', ...answer })).login).toBe('clerk1');
    await window.auth.logout();
    // The same signed challenge again: a replay.
    expect(await codeOf(window.auth.loginWithKey({ login: 'clerk1', ...answer }))).toBe('LOGIN_CHALLENGE_EXPIRED');
    // Another window never asked for one.
    expect(await codeOf(t.window('no-challenge').auth.loginWithKey({ login: 'clerk1', ...answer }))).toBe('LOGIN_CHALLENGE_EXPIRED');
    // A challenge for another login.
    const other = fromBase64((await window.auth.keyChallenge({ login: 'head1' })).data)!;
    expect(await codeOf(window.auth.loginWithKey({ login: 'clerk1', ...ncaLayer(pki.keys.clerkAuth)(other) }))).toBe('LOGIN_CHALLENGE_EXPIRED');
    // Too late.
    const late = fromBase64((await window.auth.keyChallenge({ login: 'clerk1' })).data)!;
    clock.now += CHALLENGE_TTL_MS + 1_000;
    expect(await codeOf(window.auth.loginWithKey({ login: 'clerk1', ...ncaLayer(pki.keys.clerkAuth)(late) }))).toBe('LOGIN_CHALLENGE_EXPIRED');
  });

  it('lets the supervisor require the key per account; then the password is refused', async () => {
    const boss = t.window(supervisor);
    const clerk = (await boss.accounts.list()).find((account) => account.login === 'clerk1')!;
    expect(clerk.loginMethod).toBe('password');
    expect((await boss.accounts.setLoginMethod({ userId: clerk.id, method: 'key' })).loginMethod).toBe('key');
    const entry = t.db.prepare("SELECT details FROM audit_log WHERE action = 'account.login_method'").get() as { details: string };
    expect(JSON.parse(entry.details)).toEqual({ from: 'password', to: 'key' });
    // The check comes after the password: a wrong password still answers LOGIN_FAILED.
    expect(await codeOf(t.window('pw').auth.login({ login: 'clerk1', password: 'whatever' }))).toBe('LOGIN_FAILED');
    expect(await codeOf(t.window('pw').auth.login({ login: 'clerk1', password: PASSWORD }))).toBe('LOGIN_KEY_REQUIRED');
    expect((await t.window('pw').auth.status()).user).toBeNull();
    expect(await codeOf(t.window('clerk-as-operator').accounts.setLoginMethod({ userId: clerk.id, method: 'password' }))).toBe('UNAUTHORIZED');
    expect((await (await loginWith('clerk1', keyFile('clerkAuth'))).result).login).toBe('clerk1');
  });
});

describe('key expiry warning', () => {
  it('warns the head whose AUTH key runs out in 20 days, not the clerk, and follows the supervisor’s days', async () => {
    const { window, result } = await loginWith('head1', keyFile('headAuth'));
    await result;
    const status = await window.auth.status();
    expect(status.keyWarningDays).toBe(30);
    expect(status.keyExpiry).toMatchObject({ key: 'auth', notAfter: seconds(pki.keys.headAuth.certificate.validity.notAfter) });
    expect(status.keyExpiry!.daysLeft).toBeGreaterThanOrEqual(18);
    expect(status.keyExpiry!.daysLeft).toBeLessThan(20);
    const clerk = await loginWith('clerk1', keyFile('clerkAuth'));
    await clerk.result;
    expect((await clerk.window.auth.status()).keyExpiry).toBeNull();
    const boss = t.window(supervisor);
    await boss.accounts.setPolicy({ ...(await boss.accounts.policy()), keyWarningDays: 10 });
    expect((await window.auth.status()).keyExpiry).toBeNull();
  });
});
