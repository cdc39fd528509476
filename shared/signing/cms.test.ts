import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArmError, type ErrorCode } from '../api/errors';
import { utf8Bytes } from './bytes';
import { canonicalBytes } from './canonical';
import { signDetached, verifyDetached, type VerifyInput } from './cms';
import { buildCrl, parseCrl } from './crl';
import { createDemoPki, createTestRoot, generateKeyAsync, issueCertificate, type DemoKeyId, type DemoPki, type Issued, TEST_ROOT_NAME } from './testPki';

const NOW = new Date('2026-11-23T10:00:00Z');
const request = { serviceId: 'education-004', applicant: { iin: '920314450217', surname: 'Әбенова' }, attachments: ['a'.repeat(64)] };
// Building RSA-2048 keys and forge's signatures takes seconds on a loaded machine.
const PKI_TIMEOUT_MS = 60_000;
let pkiDemo: DemoPki;
/** A CA nobody trusts, and a certificate it issued to the operator. */
let rogue: Issued;
let rogueOperator: Issued;

beforeAll(async () => {
  pkiDemo = await createDemoPki({ now: NOW, only: ['operator', 'expired', 'revoked', 'foreignIin', 'operatorAuth'] });
  const [rogueKeys, operatorKeys] = await Promise.all([generateKeyAsync(), generateKeyAsync()]);
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

  it('fails closed without a CRL of the issuer, or with a CRL the issuer did not sign', () => {
    const content = utf8Bytes('{}');
    const cms = signWith('operator', content);
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, crls: [] })))).toBe('CRL_UNAVAILABLE');
    const forged = buildCrl({ issuer: rogue.certificate, issuerKey: rogue.key, revoked: [], thisUpdate: NOW, nextUpdate: NOW, crlNumber: 2 });
    expect(codeOf(() => verifyDetached(verifyInput({ cms, content, crls: [parseCrl(forged)] })))).toBe('CRL_UNAVAILABLE');
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
