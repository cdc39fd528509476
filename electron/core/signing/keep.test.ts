import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateCard } from '../../../shared/signing/card';
import { canonicalBytes, certificatePem, crlPem, fromBase64, parseCrl, toBase64, verifyDetached } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { insertUser } from '../auth/accounts';
import { hashPassword } from '../auth/passwords';
import { writeSettings } from '../settings/store';
import { codeOf, TEST_START, testCore, type TestCore } from '../testing';

// "Keep unlocked for this session" (issue 24 item 1): a key file's key stays opened in the core
// only when the user ticks it; the next signature then needs no password; lock (by hand or idle),
// logout and another sign-in drop it.

const KEY_PASSWORD = 'Пароль-ЭЦП-7731';
const LOGIN_PASSWORD = 'Кіру-құпиясөзі-2026';
const PKI_TIMEOUT_MS = 60_000;
const payload = { serviceId: 'education-004', applicant: { iin: '920314450217' } };
const data = toBase64(canonicalBytes(payload));
let pki: DemoPki;
let t: TestCore;
let operatorHash: string;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(TEST_START), password: KEY_PASSWORD, only: ['operator', 'head'] });
  operatorHash = await hashPassword(LOGIN_PASSWORD);
  t = testCore();
  writeSettings(t.db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date(TEST_START));
}, PKI_TIMEOUT_MS);
afterAll(() => t.close());

let logins = 0;
/** A fresh account with a real password, logged in in a window of its own. */
async function window(iin = pki.keys.operator.person.iin) {
  const login = `keep-${++logins}`;
  insertUser(t.db, { login, fullName: login, iin, role: 'operator', organisation: 'test', passwordHash: operatorHash, mustChangePassword: false }, t.core.context.now());
  const key = `window-${login}`;
  expect(await codeOf(t.core.dispatch('auth.login', { login, password: LOGIN_PASSWORD }, key))).toBe('ok');
  return key;
}

const withFile = (key: string, keep?: boolean) =>
  t.core.dispatch('signing.signBytes', { keyFile: toBase64(pki.keys.operator.p12), password: KEY_PASSWORD, data, ...(keep === undefined ? {} : { keep }) }, key);
const withKept = (key: string) => t.core.dispatch('signing.signBytes', { kept: true, data }, key);
const kept = async (key: string) => {
  const answer = await t.core.dispatch('signing.keptKey', undefined, key);
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as CertificateCard | null;
};

describe('keep the signing key unlocked for this session', () => {
  it('is not kept unless asked: the next signature needs the file and its password', async () => {
    const w = await window();
    expect(await codeOf(withFile(w))).toBe('ok');
    expect(await kept(w)).toBeNull();
    expect(await codeOf(withKept(w))).toBe('SIGNING_KEY_NOT_KEPT');
  });

  it('when kept, signs again without a password, with the same key, verified like any signature', async () => {
    const w = await window();
    expect(await codeOf(withFile(w, true))).toBe('ok');
    expect((await kept(w))?.subject.iin).toBe(pki.keys.operator.person.iin);
    const again = await withKept(w);
    expect(again.ok).toBe(true);
    const cms = fromBase64((again as { value: { cms: string } }).value.cms)!;
    const verified = verifyDetached({ cms, content: canonicalBytes(payload), trustedRoots: [pki.root.certificate], crls: [parseCrl(pki.crl)], expectedIin: pki.keys.operator.person.iin, now: t.core.context.now() });
    expect(verified.signer.fingerprintSha256).toBe((await kept(w))?.fingerprintSha256);
    // The dialog's whole path: the kept key's CMS is accepted by the core's check.
    expect(await codeOf(t.core.dispatch('signing.acceptExternal', { cms: toBase64(cms), payload }, w))).toBe('ok');
  });

  it('is dropped when the box is unticked, and by "lock the key"', async () => {
    const w = await window();
    await withFile(w, true);
    await withFile(w, false);
    expect(await kept(w)).toBeNull();
    await withFile(w, true);
    expect(await codeOf(t.core.dispatch('signing.forgetKey', undefined, w))).toBe('ok');
    expect(await codeOf(withKept(w))).toBe('SIGNING_KEY_NOT_KEPT');
  });

  it('is cleared by locking the screen: after unlocking, the password is asked again', async () => {
    const w = await window();
    await withFile(w, true);
    expect(await codeOf(t.core.dispatch('auth.lock', undefined, w))).toBe('ok');
    expect(await codeOf(t.core.dispatch('auth.unlock', { password: LOGIN_PASSWORD }, w))).toBe('ok');
    expect(await kept(w)).toBeNull();
    expect(await codeOf(withKept(w))).toBe('SIGNING_KEY_NOT_KEPT');
  });

  it('is cleared by the idle lock', async () => {
    const w = await window();
    await withFile(w, true);
    t.clock.now += 11 * 60_000;
    expect(await codeOf(t.core.dispatch('signing.keptKey', undefined, w))).toBe('SESSION_LOCKED');
    expect(await codeOf(t.core.dispatch('auth.unlock', { password: LOGIN_PASSWORD }, w))).toBe('ok');
    expect(await kept(w)).toBeNull();
  });

  it('is cleared by logout and never passes to the next user of the window', async () => {
    const w = await window();
    await withFile(w, true);
    expect(await codeOf(t.core.dispatch('auth.logout', undefined, w))).toBe('ok');
    // Another person logs in in the same window: the operator's kept key is not theirs.
    const login = `keep-next-${++logins}`;
    insertUser(t.db, { login, fullName: login, iin: pki.keys.head.person.iin, role: 'operator', organisation: 'test', passwordHash: operatorHash, mustChangePassword: false }, t.core.context.now());
    expect(await codeOf(t.core.dispatch('auth.login', { login, password: LOGIN_PASSWORD }, w))).toBe('ok');
    expect(await kept(w)).toBeNull();
    expect(await codeOf(withKept(w))).toBe('SIGNING_KEY_NOT_KEPT');
  });

  it('is dropped when its signature fails the check (another person’s key)', async () => {
    const w = await window(pki.keys.head.person.iin);
    // The operator's key kept in the head's window: acceptExternal refuses the IIN and drops it.
    await withFile(w, true);
    const cms = (await withKept(w)) as { ok: true; value: { cms: string } };
    expect(await codeOf(t.core.dispatch('signing.acceptExternal', { cms: cms.value.cms, payload }, w))).toBe('CERT_IIN_MISMATCH');
    expect(await kept(w)).toBeNull();
  });
});
