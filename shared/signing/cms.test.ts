import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArmError, type ErrorCode } from '../api/errors';
import { utf8Bytes } from './bytes';
import { canonicalBytes } from './canonical';
import { signDetached, verifyDetached, type VerifyInput } from './cms';
import { buildCrl, parseCrl } from './crl';
import { windowAt } from './window';
import { createDemoPki, createTestRoot, generateKeyAsync, issueCertificate, type DemoKeyId, type DemoPki, type Issued, TEST_ROOT_NAME } from './testPki';

const NOW = new Date('2026-11-23T10:00:00Z');
const request = { serviceId: 'education-004', applicant: { iin: '920314450217', surname: 'Әбенова' }, attachments: ['a'.repeat(64)] };
// Building RSA-2048 keys and forge's signatures takes seconds on a loaded machine.
const PKI_TIMEOUT_MS = 60_000;
let pkiDemo: DemoPki;
/** A CA nobody trusts, and a certificate it issued to the operator. */
let rogue: Issued;
let rogueOperator: Issued;
/** Spare key pairs for the intermediate-CA test. */
let spareKeyPairs: forge.pki.rsa.KeyPair[];

beforeAll(async () => {
  pkiDemo = await createDemoPki({ now: NOW, only: ['operator', 'expired', 'revoked', 'foreignIin', 'operatorAuth'] });
  const [rogueKeys, operatorKeys, ...spare] = await Promise.all([generateKeyAsync(), generateKeyAsync(), generateKeyAsync(), generateKeyAsync()]);
  spareKeyPairs = spare;
  rogue = createTestRoot({ now: NOW, keys: rogueKeys!, commonName: TEST_ROOT_NAME });
  const person = pkiDemo.keys.operator.person;
  rogueOperator = issueCertificate({ issuer: rogue, person, kind: 'sign', notBefore: new Date(NOW.getTime() - 1000), notAfter: new Date(NOW.getTime() + 1e10), keys: operatorKeys! });
}, PKI_TIMEOUT_MS);

function signWith(id: DemoKeyId, content: Uint8Array, signingTime = NOW): Uint8Array {
  const { key, certificate } = pkiDemo.keys[id];
  return signDetached({ content, key, certificate, signingTime });
}

function verifyInput(overrides: Partial<VerifyInput> & Pick<VerifyInput, 'cms' | 'content'>): VerifyInput {
  return { trustedRoots: [pkiDemo.root.certificate], crls: [parseCrl(pkiDemo.crl)], expectedIin: null, now: NOW, ...overrides };
}

function codeOf(run: () => unknown): ErrorCode | 'none' {
  try {
    run();
    return 'none';
  } catch (error) {
    if (error instanceof ArmError) return error.code;
    throw error;
  }
}

describe('detached CMS', () => {
  it('verifies a signature over canonical JSON and reports the signer and signing time', () => {
    const content = canonicalBytes(request);
    const cms = signWith('operator', content);
    const result = verifyDetached(verifyInput({ cms, content, expectedIin: pkiDemo.keys.operator.person.iin }));
    expect(result.signer.subject.iin).toBe(pkiDemo.keys.operator.person.iin);
    expect(result.signer.subject.surname).toBe('СӘРСЕНОВА');
    expect(result.signingTime).toBe(NOW.toISOString());
    expect(result.contentSha256).toBe(forge.md.sha256.create().update(forge.util.binary.raw.encode(content)).digest().toHex());
    expect(result.crlIssuedAt).toBe(NOW.toISOString());
  });

  it('refuses content changed after signing', () => {
    const cms = signWith('operator', canonicalBytes(request));
    const tampered = canonicalBytes({ ...request, applicant: { ...request.applicant, surname: 'Әбенов' } });
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content: tampered })))).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signature whose bytes were altered', () => {
    const content = utf8Bytes('{"a":1}');
    const cms = signWith('operator', content);
    const altered = cms.slice();
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 0x01;
    expect(codeOf(() => verifyDetached(verifyInput({ cms: altered, content })))).toBe('SIGNATURE_INVALID');
  });

  it('refuses bytes that are not CMS', () => {
    expect(codeOf(() => verifyDetached(verifyInput({ cms: utf8Bytes('not a signature'), content: utf8Bytes('x') })))).toBe('SIGNATURE_INVALID');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: new Uint8Array(), content: utf8Bytes('x') })))).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signing time further in the future than the clock skew', () => {
    const content = utf8Bytes('{}');
    const cms = signWith('operator', content, new Date(NOW.getTime() + 60 * 60 * 1000));
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content })))).toBe('SIGNATURE_INVALID');
  });

  it('refuses a certificate from a CA that is not trusted, even one with the trusted root\'s name', () => {
    const content = utf8Bytes('{}');
    const cms = signDetached({ content, ...rogueOperator, signingTime: NOW });
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content })))).toBe('CERT_UNTRUSTED');
  });

  it('follows an intermediate CA carried in the signature, and checks the CRL of every issuer', () => {
    const [caKeys, userKeys] = [spareKeyPairs[0]!, spareKeyPairs[1]!];
    const intermediate = forge.pki.createCertificate();
    intermediate.publicKey = caKeys.publicKey;
    intermediate.serialNumber = '3c01';
    intermediate.validity.notBefore = new Date(NOW.getTime() - 1000);
    intermediate.validity.notAfter = new Date(NOW.getTime() + 1e10);
    intermediate.setSubject([{ type: '2.5.4.3', value: 'ARM TEST Intermediate CA' }]);
    intermediate.setIssuer(pkiDemo.root.certificate.subject.attributes);
    intermediate.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]);
    intermediate.sign(pkiDemo.root.key, forge.md.sha256.create());
    const ca = { certificate: intermediate, key: caKeys.privateKey };
    const user = issueCertificate({ issuer: ca, person: pkiDemo.keys.operator.person, kind: 'sign', notBefore: new Date(NOW.getTime() - 1000), notAfter: new Date(NOW.getTime() + 1e10), keys: userKeys });
    const content = utf8Bytes('{"via":"intermediate"}');
    const crlOf = (issuer: Issued, revoked: string[]) =>
      parseCrl(buildCrl({ issuer: issuer.certificate, issuerKey: issuer.key, revoked: revoked.map((serialNumber) => ({ serialNumber, date: NOW })), thisUpdate: NOW, nextUpdate: NOW, crlNumber: 1 }));
    const withChain = signDetached({ content, ...user, chain: [intermediate], signingTime: NOW });
    const bothCrls = [parseCrl(pkiDemo.crl), crlOf(ca, [])];
    expect(verifyDetached(verifyInput({ cms: withChain, content, crls: bothCrls })).signer.subject.iin).toBe(pkiDemo.keys.operator.person.iin);
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signDetached({ content, ...user, signingTime: NOW }), content, crls: bothCrls })))).toBe('CERT_UNTRUSTED');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: withChain, content, crls: [parseCrl(pkiDemo.crl)] })))).toBe('CRL_UNAVAILABLE');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: withChain, content, crls: [parseCrl(pkiDemo.crl), crlOf(ca, [user.certificate.serialNumber])] })))).toBe('CERT_REVOKED');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: withChain, content, crls: [crlOf(pkiDemo.root, ['3c01']), crlOf(ca, [])] })))).toBe('CERT_REVOKED');
  });

  it('refuses an expired certificate and one used before its validity', () => {
    const content = utf8Bytes('{}');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signWith('expired', content), content })))).toBe('CERT_EXPIRED');
    const before = new Date(pkiDemo.keys.operator.certificate.validity.notBefore.getTime() - 60_000);
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signWith('operator', content, before), content })))).toBe('CERT_NOT_YET_VALID');
  });

  it('refuses a revoked certificate', () => {
    const content = utf8Bytes('{}');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signWith('revoked', content), content })))).toBe('CERT_REVOKED');
  });

  it('inside a trusted window judges revocation by the CRL date: revoked after signing stays valid, before is refused', () => {
    const content = utf8Bytes('{}');
    const HOUR = 3_600_000;
    const operator = pkiDemo.keys.operator;
    const revokedAt = new Date(NOW.getTime() - HOUR);
    const crl = parseCrl(buildCrl({ issuer: pkiDemo.root.certificate, issuerKey: pkiDemo.root.key, revoked: [{ serialNumber: operator.certificate.serialNumber, date: revokedAt }], thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + 24 * HOUR), crlNumber: 9 }));
    const signedBefore = signWith('operator', content, new Date(revokedAt.getTime() - HOUR));
    const signedAfter = signWith('operator', content, new Date(revokedAt.getTime() + 60_000));
    const trustedTime = windowAt(NOW, null);
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signedBefore, content, crls: [crl], trustedTime })))).toBe('none');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signedAfter, content, crls: [crl], trustedTime })))).toBe('CERT_REVOKED');
    // Without a trusted time the signing time is only the signer's claim: any listed serial is refused.
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signedBefore, content, crls: [crl] })))).toBe('CERT_REVOKED');
  });

  it('refuses a signing time outside the trusted window, and a key expired since that backdates before the last contact', () => {
    const content = utf8Bytes('{}');
    const DAY = 86_400_000;
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signWith('operator', content, new Date(NOW.getTime() - 15 * DAY)), content, trustedTime: windowAt(NOW, null) })))).toBe('SIGNING_TIME_SKEW');
    // A key valid at the last contact that has expired since: what it signed after the contact
    // passes; a time claimed before the contact is refused (the workstation was online then).
    const shortLived = issueCertificate({ issuer: pkiDemo.root, person: pkiDemo.keys.operator.person, kind: 'sign', notBefore: new Date(NOW.getTime() - 1000), notAfter: new Date(NOW.getTime() + DAY), keys: spareKeyPairs[1]! });
    const now = new Date(NOW.getTime() + 2 * DAY);
    const lastContact = new Date(NOW.getTime() + 12 * 3_600_000);
    const signAt = (at: Date) => signDetached({ content, ...shortLived, signingTime: at });
    const crls = [parseCrl(buildCrl({ issuer: pkiDemo.root.certificate, issuerKey: pkiDemo.root.key, revoked: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + DAY), crlNumber: 10 }))];
    const trustedTime = windowAt(now, lastContact);
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signAt(new Date(lastContact.getTime() + 3_600_000)), content, crls, now, trustedTime })))).toBe('none');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signAt(new Date(lastContact.getTime() - 3_600_000)), content, crls, now, trustedTime })))).toBe('SIGNING_TIME_SKEW');
  });

  it('fails closed without a CRL of the issuer, or with a CRL the issuer did not sign', () => {
    const content = utf8Bytes('{}');
    const cms = signWith('operator', content);
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, crls: [] })))).toBe('CRL_UNAVAILABLE');
    const forged = buildCrl({ issuer: rogue.certificate, issuerKey: rogue.key, revoked: [], thisUpdate: NOW, nextUpdate: NOW, crlNumber: 2 });
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, crls: [parseCrl(forged)] })))).toBe('CRL_UNAVAILABLE');
  });

  it('refuses a CRL past its nextUpdate (CRL_STALE) unless within the grace period the supervisor set', () => {
    const content = utf8Bytes('{}');
    const cms = signWith('operator', content);
    const crl = parseCrl(pkiDemo.crl);
    const afterNextUpdate = new Date(crl.nextUpdate!.getTime() + 60_000);
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, now: afterNextUpdate })))).toBe('CRL_STALE');
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, now: afterNextUpdate, crlGraceMs: 24 * 60 * 60 * 1000 })))).toBe('none');
  });

  it('refuses a login (AUTH) key for signing', () => {
    const content = utf8Bytes('{}');
    expect(codeOf(() => verifyDetached(verifyInput({ cms: signWith('operatorAuth', content), content })))).toBe('CERT_KEY_USAGE');
  });

  it('refuses a certificate whose IIN is not the expected signer', () => {
    const content = utf8Bytes('{}');
    const foreign = pkiDemo.keys.foreignIin;
    const cms = signWith('foreignIin', content);
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, expectedIin: foreign.userIin })))).toBe('CERT_IIN_MISMATCH');
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, expectedIin: foreign.person.iin })))).toBe('none');
  });
});
