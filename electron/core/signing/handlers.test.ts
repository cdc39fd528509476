import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type SignedPayload } from '../../../shared/api';
import { canonicalBytes, fromBase64, parseCrl, signDetached, toBase64, utf8Bytes, verifyDetached, type CertificateCard } from '../../../shared/signing';
import { createDemoPki, createTestRoot, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import { receiptSchema } from '../../../shared/gateway/api';
import type { Core } from '../app';
import { codeOf, memoryLogger, requestMessageTo, signedIn, testCore, type TestCore } from '../testing';

const capture = memoryLogger();
const PASSWORD = 'Пароль-ЭЦП-7731';
// Building RSA-2048 keys and forge's signatures takes seconds on a loaded machine.
const PKI_TIMEOUT_MS = 60_000;
let pkiDemo: DemoPki;
let gateway: TestGateway;
let t: TestCore;
let core: Core;
let operator: string;
let headWindow: string;

const request = {
  serviceId: 'education-004',
  applicant: { iin: '920314450217', surname: 'Әбенова', name: 'Айым' },
  representative: null,
  checklist: { identity: true, application: true },
  attachments: [{ name: 'скан.pdf', sha256: 'ab'.repeat(32) }],
  operator: 'u-operator',
  centre: 'ЦОН Кокпекты',
  time: '2026-11-23T10:00:00Z',
};

beforeAll(async () => {
  pkiDemo = await createDemoPki({ now: new Date(), password: PASSWORD, only: ['clerk', 'head', 'operator', 'supervisor', 'expired', 'foreignIin', 'operatorAuth', 'revoked'] });
  // The gateway on the real clock: the PKI and the signatures are made now.
  gateway = await startTestGateway({ trust: { roots: [pkiDemo.root.certificate], crls: [pkiDemo.crl] }, now: () => new Date() });
  t = testCore({ gateway, clock: 'system', log: capture });
  core = t.core;
  // Accounts whose IINs are those of the demo keys, each signed in in a window of its own.
  operator = signedIn(core, 'operator', pkiDemo.keys.operator.person.iin);
  headWindow = signedIn(core, 'head', pkiDemo.keys.head.person.iin);
  // The roots and the CRL reach the cache the way the signing dialog fetches them.
  expect(await codeOf(core.dispatch('signing.trustStatus', undefined, operator))).toBe('ok');
}, PKI_TIMEOUT_MS);

afterAll(async () => {
  t.close();
  await gateway.dispose();
});

const keyFile = (id: DemoKeyId) => toBase64(pkiDemo.keys[id].p12);

describe('signing.inspectKey', () => {
  it('returns the certificate card for the right password', async () => {
    const envelope = await core.dispatch('signing.inspectKey', { keyFile: keyFile('clerk'), password: PASSWORD }, operator);
    expect(envelope.ok).toBe(true);
    const card = (envelope as { value: CertificateCard }).value;
    expect(card.subject.iin).toBe(pkiDemo.keys.clerk.person.iin);
    expect(card.subject.bin).toBe(pkiDemo.keys.clerk.person.organisation?.bin);
  });

  it('answers each bad key file with its code', async () => {
    const call = (input: unknown) => codeOf(core.dispatch('signing.inspectKey', input, operator));
    expect(await call({ keyFile: keyFile('clerk'), password: 'nope' })).toBe('KEY_PASSWORD_WRONG');
    expect(await call({ keyFile: '', password: PASSWORD })).toBe('KEY_FILE_INVALID');
    expect(await call({ keyFile: 'это не base64', password: PASSWORD })).toBe('KEY_FILE_INVALID');
    expect(await call({ keyFile: toBase64(utf8Bytes('-----BEGIN CERTIFICATE-----')), password: PASSWORD })).toBe('KEY_FILE_INVALID');
    expect(await call({ keyFile: keyFile('clerk') })).toBe('VALIDATION_FAILED');
  });

  it('is closed before login and open to every role', async () => {
    const input = { keyFile: keyFile('clerk'), password: PASSWORD };
    expect(await codeOf(core.dispatch('signing.inspectKey', input, 'nobody-signed-in'))).toBe('UNAUTHORIZED');
    for (const role of roles) expect(await codeOf(core.dispatch('signing.inspectKey', input, signedIn(core, role, '880315400010', `inspect-${role}`)))).toBe('ok');
  });
});

describe('signing.sign', () => {
  it('signs the canonical JSON of the payload; the shared verifier accepts it', async () => {
    const head = pkiDemo.keys.head;
    const envelope = await core.dispatch('signing.sign', { keyFile: keyFile('head'), password: PASSWORD, payload: request }, headWindow);
    expect(envelope.ok).toBe(true);
    const signed = (envelope as { value: SignedPayload }).value;
    const reordered = Object.fromEntries(Object.entries(request).reverse());
    const verified = verifyDetached({
      cms: fromBase64(signed.cms)!,
      content: canonicalBytes(reordered),
      trustedRoots: [pkiDemo.root.certificate],
      crls: [parseCrl(pkiDemo.crl)],
      expectedIin: head.person.iin,
      now: new Date(),
    });
    expect(verified.contentSha256).toBe(signed.contentSha256);
    expect(verified.signingTime).toBe(new Date(signed.signingTime).toISOString());
    expect(signed.card.subject.iin).toBe(head.person.iin);
  });

  it('refuses keys that must not sign, before signing anything', async () => {
    let windows = 0;
    // Each call signs in an account whose IIN is `userIin`: the signer's IIN comes from the account.
    const sign = (id: DemoKeyId, userIin: string, password = PASSWORD) =>
      codeOf(core.dispatch('signing.sign', { keyFile: keyFile(id), password, payload: request }, signedIn(core, 'operator', userIin, `signer-${++windows}`)));
    const keys = pkiDemo.keys;
    expect(await sign('operator', keys.operator.userIin, 'wrong')).toBe('KEY_PASSWORD_WRONG');
    expect(await sign('expired', keys.expired.userIin)).toBe('CERT_EXPIRED');
    expect(await sign('foreignIin', keys.foreignIin.userIin)).toBe('CERT_IIN_MISMATCH');
    expect(await sign('operator', keys.supervisor.person.iin)).toBe('CERT_IIN_MISMATCH');
    expect(await sign('operatorAuth', keys.operatorAuth.userIin)).toBe('CERT_KEY_USAGE');
  });

  it('refuses a revoked key and a key of a CA the gateway does not trust, with nothing audited', async () => {
    const audited = () => core.context.db!.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'signing.sign'").get() as { n: number };
    const before = audited().n;
    const revokedWindow = signedIn(core, 'operator', pkiDemo.keys.revoked.userIin, 'revoked-signer');
    expect(await codeOf(core.dispatch('signing.sign', { keyFile: keyFile('revoked'), password: PASSWORD, payload: request }, revokedWindow))).toBe('CERT_REVOKED');

    // The same operator key, but the gateway this workstation follows trusts another root only.
    const other = createTestRoot({ now: new Date(), commonName: 'Another TEST root' });
    const foreignGateway = await startTestGateway({ trust: { roots: [other.certificate], crls: [pkiDemo.crl] } });
    const elsewhere = testCore({ gateway: foreignGateway, clock: 'system', log: capture });
    try {
      // No trustStatus call first: signing.sign fetches the roots and the CRL itself when it has none.
      const window = elsewhere.signIn('operator', pkiDemo.keys.operator.person.iin);
      expect(await codeOf(elsewhere.core.dispatch('signing.sign', { keyFile: keyFile('operator'), password: PASSWORD, payload: request }, window))).toBe('CERT_UNTRUSTED');
    } finally {
      await foreignGateway.dispose();
    }
    expect(audited().n).toBe(before);
  });

  it('refuses to sign with CRL_UNAVAILABLE on a workstation that never got a CRL', async () => {
    const offline = testCore({ clock: 'system', log: capture });
    const window = offline.signIn('operator', pkiDemo.keys.operator.person.iin);
    const status = await offline.core.dispatch('signing.trustStatus', undefined, window);
    expect(status).toEqual({ ok: true, value: { refreshed: false, roots: 0, crl: null } });
    expect(await codeOf(offline.core.dispatch('signing.sign', { keyFile: keyFile('operator'), password: PASSWORD, payload: request }, window))).toBe('CRL_UNAVAILABLE');
  });

  it('makes a signature the gateway accepts as verified, with the operator named in the payload', async () => {
    const payload = { ...request, operator: { userId: 'u-operator', iin: pkiDemo.keys.operator.person.iin, fullName: 'СӘРСЕНОВА АЙГҮЛ' } };
    const envelope = await core.dispatch('signing.sign', { keyFile: keyFile('operator'), password: PASSWORD, payload }, operator);
    expect(envelope.ok).toBe(true);
    const signed = (envelope as { value: SignedPayload }).value;
    const message = { ...requestMessageTo(new Date(), { payload }), signature: { format: 'cms', value: signed.cms } };
    const response = await gateway.call('/messages', postJson(message));
    expect(response.status).toBe(201);
    expect(receiptSchema.parse(await response.json()).signature).toBe('verified');
  });

  it('refuses a payload that is not JSON', async () => {
    const base = { keyFile: keyFile('operator'), password: PASSWORD };
    expect(await codeOf(core.dispatch('signing.sign', { ...base, payload: { at: Number.NaN } }, operator))).toBe('VALIDATION_FAILED');
  });

  it("ignores an IIN sent by the page: the signed-in account's IIN decides", async () => {
    const supervisorWindow = signedIn(core, 'supervisor', pkiDemo.keys.supervisor.person.iin, 'page-iin');
    const input = { keyFile: keyFile('operator'), password: PASSWORD, payload: request, expectedIin: pkiDemo.keys.operator.person.iin };
    expect(await codeOf(core.dispatch('signing.sign', input, supervisorWindow))).toBe('CERT_IIN_MISMATCH');
    expect(await codeOf(core.dispatch('signing.sign', input, operator))).toBe('ok');
  });

  it('never writes the password or the key file into the log', () => {
    expect(capture.lines.length).toBeGreaterThan(0);
    const log = JSON.stringify(capture.lines);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(keyFile('operator').slice(0, 40));
  });
});

describe('signing.prepareExternal / acceptExternal (a signature made in NCALayer)', () => {
  const externalCms = (id: DemoKeyId, payload: unknown) => {
    const { key, certificate } = pkiDemo.keys[id];
    return toBase64(signDetached({ content: canonicalBytes(payload), key, certificate, signingTime: new Date() }));
  };

  it("gives the exact canonical bytes and the account's IIN, and accepts a signature over exactly them", async () => {
    const prepared = await core.dispatch('signing.prepareExternal', { payload: request }, operator);
    expect(prepared.ok && prepared.value).toEqual({ data: toBase64(canonicalBytes(request)), iin: pkiDemo.keys.operator.person.iin });
    const accepted = await core.dispatch('signing.acceptExternal', { cms: externalCms('operator', request), payload: request }, operator);
    expect(accepted.ok && (accepted.value as SignedPayload).card.subject.iin).toBe(pkiDemo.keys.operator.person.iin);
  });

  it('refuses what NCALayer might return wrongly: other data, another person, a revoked key, garbage', async () => {
    const accept = (cms: string) => core.dispatch('signing.acceptExternal', { cms, payload: request }, operator);
    expect(await codeOf(accept(externalCms('operator', { ...request, serviceId: 'other' })))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(accept(externalCms('head', request)))).toBe('CERT_IIN_MISMATCH');
    expect(await codeOf(accept(externalCms('revoked', request)))).toBe('CERT_REVOKED');
    expect(await codeOf(accept('bm90IGEgQ01T'))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(accept('not base64 at all!'))).toBe('SIGNATURE_INVALID');
  });
});

describe('signing.signBytes (the key-file Signer)', () => {
  it('signs exactly the prepared bytes; acceptExternal verifies it as it verifies NCALayer’s, and remembers the key’s expiry', async () => {
    const prepared = await core.dispatch('signing.prepareExternal', { payload: request }, operator);
    const data = (prepared as { value: { data: string } }).value.data;
    const signed = await core.dispatch('signing.signBytes', { keyFile: keyFile('operator'), password: PASSWORD, data }, operator);
    const cms = (signed as { value: { cms: string } }).value.cms;
    const accepted = await core.dispatch('signing.acceptExternal', { cms, payload: request }, operator);
    expect(accepted.ok && (accepted.value as SignedPayload).card.subject.iin).toBe(pkiDemo.keys.operator.person.iin);
    const row = core.context.db!.prepare("SELECT sign_key_not_after FROM users WHERE login = 'operator'").get() as { sign_key_not_after: string };
    expect(row.sign_key_not_after).toBe((accepted as { value: SignedPayload }).value.card.notAfter);
    // The login (AUTH) key signs the bytes, but the verification refuses it as a signing key.
    const byAuth = await core.dispatch('signing.signBytes', { keyFile: keyFile('operatorAuth'), password: PASSWORD, data }, operator);
    expect(await codeOf(core.dispatch('signing.acceptExternal', { cms: (byAuth as { value: { cms: string } }).value.cms, payload: request }, operator))).toBe('CERT_KEY_USAGE');
  });

  it('answers a wrong password and bad data with their codes', async () => {
    const data = toBase64(canonicalBytes(request));
    expect(await codeOf(core.dispatch('signing.signBytes', { keyFile: keyFile('operator'), password: 'nope', data }, operator))).toBe('KEY_PASSWORD_WRONG');
    expect(await codeOf(core.dispatch('signing.signBytes', { keyFile: keyFile('operator'), password: PASSWORD, data: 'не base64' }, operator))).toBe('VALIDATION_FAILED');
    expect(await codeOf(core.dispatch('signing.signBytes', { keyFile: keyFile('operator'), password: PASSWORD, data }, 'nobody'))).toBe('UNAUTHORIZED');
  });
});
