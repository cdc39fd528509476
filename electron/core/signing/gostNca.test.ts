import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, parseCrl, verifyDetached } from '../../../shared/signing';
import { crlSignedByRaw, rawCertificateCard, signGostDetached, verifyGostDetached } from '../../../shared/signing/gost/cms';
import { openGostKeyFile } from '../../../shared/signing/gost/keyFile';
import { jsGostCrypto } from '../../../shared/signing/gost/provider';
import { issuedBy, readCertificate, verifyWithCertificate } from '../../../shared/signing/gost/x509';
import { keyCard, signPayload } from './sign';
import { nodeCrypto } from '../crypto/node';

// НУЦ РК's own public test files (test.pki.gov.kz, via NCANode-Go's test data; see the fixtures
// README): a GOST 2015 root, its intermediate, that intermediate's CRL and test keys. They are
// the real peer for the Kazakh OIDs and byte layouts, which OpenSSL does not know.

const fixtures = path.join(__dirname, '../../../shared/signing/gost/fixtures');
const read = (name: string) => Uint8Array.from(readFileSync(path.join(fixtures, name)));
const root = readCertificate(read('root_test_gost_2022.cer'))!;
const nca = readCertificate(read('nca_gost2022_test.cer'))!;
const crl = parseCrl(read('nca_gost2022_test.crl'));
const PASSWORD = 'Qwerty12';
// Inside the head key's validity (2026-05-08 … 2027-05-08) and the CRL's (2026-08-11 … 2027-02-07).
const NOW = new Date('2026-11-20T06:00:00Z');
const content = new TextEncoder().encode('{"serviceId":"education-004"}');

describe('НУЦ РК GOST test certificates', () => {
  it('reads the root and the intermediate with the Kazakh OIDs', () => {
    expect(root.keyOid).toBe('1.2.398.3.10.1.1.2.2');
    expect(root.keyParamsOid).toBe('1.2.398.3.10.1.1.2.2.1');
    expect(root.signatureOid).toBe('1.2.398.3.10.1.1.2.3.2');
    expect(root.isCa).toBe(true);
    expect(root.subject.attributes.find((a) => a.oid === '2.5.4.3')?.value).toBe('НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022');
    expect(nca.subject.attributes.find((a) => a.oid === '2.5.4.3')?.value).toBe('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST 2022');
  });

  it('verifies the root self-signature and the intermediate under the root, and nothing else', () => {
    expect(issuedBy(root, root, jsGostCrypto)).toBe(true);
    expect(issuedBy(nca, root, jsGostCrypto)).toBe(true);
    expect(issuedBy(nca, nca, jsGostCrypto)).toBe(false);
    const changed = Uint8Array.from(nca.tbsDer);
    changed[changed.length - 5]! ^= 0x01;
    expect(verifyWithCertificate(root, nca.signatureOid, changed, nca.signature, jsGostCrypto)).toBe(false);
  });

  it('verifies the real CRL under the intermediate, not under the root', () => {
    expect(crlSignedByRaw(crl, nca)).toBe(true);
    expect(crlSignedByRaw(crl, root)).toBe(false);
    expect(crl.revoked.size).toBeGreaterThan(100);
  });

  it('opens a НУЦ test key file and finds its head role and BIN', () => {
    const key = openGostKeyFile(read('nca-test-head.p12'), PASSWORD);
    expect(key.curve.name).toBe('tc26-512-A');
    const card = rawCertificateCard(key.certificate);
    expect(card.subject.iin).toBe('123456789011');
    expect(card.subject.bin).toBe('123456789021');
    expect(card.purpose).toBe('sign');
    expect(card.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.1']);
    expect(() => openGostKeyFile(read('nca-test-head.p12'), 'wrong')).toThrow(expect.objectContaining({ code: 'KEY_PASSWORD_WRONG' }));
  });

  it('signs with the real test key under the Kazakh OIDs; the signature verifies under the real intermediate and its real CRL', () => {
    const key = openGostKeyFile(read('nca-test-head.p12'), PASSWORD);
    const cms = signGostDetached({ content, key, signingTime: NOW, profile: 'kz', chain: [nca.der] });
    // Anchored at the real root, the intermediate itself needs the root's CRL, which is not among
    // the public test files: revocation fails closed rather than passing unchecked.
    expect(() => verifyGostDetached({ cms, content, trustedRoots: [root.der], crls: [crl], expectedIin: null, now: NOW, maxClockSkewMs: 0 })).toThrow(
      expect.objectContaining({ code: 'CRL_UNAVAILABLE' }),
    );
    const verified = verifyGostDetached({ cms, content, trustedRoots: [nca.der], crls: [crl], expectedIin: '123456789011', now: NOW, maxClockSkewMs: 0 });
    expect(verified.signer.subject.bin).toBe('123456789021');
    expect(verified.crlIssuedAt).toBe('2026-08-11T03:49:19.000Z');
    const other = new TextEncoder().encode('{"serviceId":"education-005"}');
    expect(() => verifyGostDetached({ cms, content: other, trustedRoots: [root.der], crls: [crl], expectedIin: null, now: NOW, maxClockSkewMs: 0 })).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });

  it('refuses the keys the real CRL revokes', () => {
    for (const file of ['nca-test-head-revoked.p12', 'nca-test-employee-revoked.p12']) {
      const key = openGostKeyFile(read(file), PASSWORD);
      const cms = signGostDetached({ content, key, signingTime: NOW, profile: 'kz', chain: [nca.der] });
      expect(() => verifyGostDetached({ cms, content, trustedRoots: [nca.der], crls: [crl], expectedIin: null, now: NOW, maxClockSkewMs: 0 })).toThrow(
        expect.objectContaining({ code: 'CERT_REVOKED' }),
      );
    }
  });

  it('refuses the real CRL once past its nextUpdate (CRL_STALE)', () => {
    const key = openGostKeyFile(read('nca-test-head.p12'), PASSWORD);
    const cms = signGostDetached({ content, key, signingTime: NOW, profile: 'kz', chain: [nca.der] });
    expect(() => verifyGostDetached({ cms, content, trustedRoots: [nca.der], crls: [crl], expectedIin: null, now: new Date('2027-02-08T00:00:00Z'), maxClockSkewMs: 0 })).toThrow(
      expect.objectContaining({ code: 'CRL_STALE' }),
    );
  });

  it('refuses without the CRL, and without the root', () => {
    const key = openGostKeyFile(read('nca-test-signright.p12'), PASSWORD);
    const cms = signGostDetached({ content, key, signingTime: NOW, profile: 'kz', chain: [nca.der] });
    expect(() => verifyGostDetached({ cms, content, trustedRoots: [nca.der], crls: [], expectedIin: null, now: NOW, maxClockSkewMs: 0 })).toThrow(
      expect.objectContaining({ code: 'CRL_UNAVAILABLE' }),
    );
    expect(() => verifyGostDetached({ cms, content, trustedRoots: [], crls: [crl], expectedIin: null, now: NOW, maxClockSkewMs: 0 })).toThrow(
      expect.objectContaining({ code: 'CERT_UNTRUSTED' }),
    );
  });

  describe('bad input', () => {
    const key = () => openGostKeyFile(read('nca-test-head.p12'), PASSWORD);
    const verify = (cms: Uint8Array) => () => verifyDetached({ cms, content, trustedRoots: [nca.der], crls: [crl], expectedIin: null, now: NOW });
    const replace = (bytes: Uint8Array, from: number[], to: number[]) => {
      const hex = Buffer.from(bytes).toString('hex');
      const needle = Buffer.from(from).toString('hex');
      expect(hex).toContain(needle);
      return Uint8Array.from(Buffer.from(hex.split(needle).join(Buffer.from(to).toString('hex')), 'hex'));
    };
    const KZ_DIGEST_512 = [0x06, 0x08, 0x2a, 0x83, 0x0e, 0x03, 0x0a, 0x01, 0x03, 0x03];

    it('refuses ГОСТ 34.311-95 (the 2004 keys\' digest) by name, with its own code', () => {
      const cms = signGostDetached({ content, key: key(), signingTime: NOW, profile: 'kz', chain: [nca.der] });
      expect(verify(cms)().signer.subject.iin).toBe('123456789011');
      const old = replace(cms, KZ_DIGEST_512, [...KZ_DIGEST_512.slice(0, -1), 0x01]);
      expect(verify(old)).toThrow(expect.objectContaining({ code: 'SIGNATURE_ALGORITHM_UNSUPPORTED', message: expect.stringContaining('34.311-95') }));
    });

    it('refuses a digest algorithm nobody knows with SIGNATURE_ALGORITHM_UNSUPPORTED, never as valid', () => {
      const cms = signGostDetached({ content, key: key(), signingTime: NOW, profile: 'kz', chain: [nca.der] });
      const unknown = replace(cms, KZ_DIGEST_512, [...KZ_DIGEST_512.slice(0, -1), 0x09]);
      expect(verify(unknown)).toThrow(expect.objectContaining({ code: 'SIGNATURE_ALGORITHM_UNSUPPORTED' }));
    });

    it('refuses a signer certificate whose curve OID was changed', () => {
      const cms = signGostDetached({ content, key: key(), signingTime: NOW, profile: 'kz', chain: [nca.der] });
      // 1.2.398.3.10.1.1.2.2.1 (tc26 512 A) → …2.2.9, a curve nobody defined.
      const params = [0x06, 0x0a, 0x2a, 0x83, 0x0e, 0x03, 0x0a, 0x01, 0x01, 0x02, 0x02, 0x01];
      const wrongCurve = replace(cms, params, [...params.slice(0, -1), 0x09]);
      expect(verify(wrongCurve)).toThrow(expect.objectContaining({ code: 'SIGNATURE_ALGORITHM_UNSUPPORTED' }));
    });
  });

  describe('the core signs with a НУЦ GOST key file as with an RSA one', () => {
    const payload = { serviceId: 'education-004', applicant: { iin: '920314450217', surname: 'Әбенова' } };

    it('shows the key card, signs under the Kazakh OIDs, and the shared verifier accepts it', () => {
      const file = read('nca-test-head.p12');
      expect(keyCard(file, PASSWORD).subject.bin).toBe('123456789021');
      const signed = signPayload({ crypto: nodeCrypto(), keyFile: file, password: PASSWORD, payload, expectedIin: '123456789011', now: NOW });
      expect(signed.card.purpose).toBe('sign');
      expect(Buffer.from(signed.cms).toString('hex')).toContain('2a830e030a01010203'); // 1.2.398.3.10.1.1.2.3…
      const verified = verifyDetached({ cms: signed.cms, content: canonicalBytes(payload), trustedRoots: [nca.der], crls: [crl], expectedIin: '123456789011', now: NOW });
      expect(verified.contentSha256).toBe(signed.contentSha256);
    });

    it('refuses before signing: a wrong password, somebody else\'s key, an expired key', () => {
      const file = read('nca-test-head.p12');
      expect(() => signPayload({ crypto: nodeCrypto(), keyFile: file, password: 'Qwerty13', payload, expectedIin: '123456789011', now: NOW })).toThrow(expect.objectContaining({ code: 'KEY_PASSWORD_WRONG' }));
      expect(() => signPayload({ crypto: nodeCrypto(), keyFile: file, password: PASSWORD, payload, expectedIin: '920314450217', now: NOW })).toThrow(expect.objectContaining({ code: 'CERT_IIN_MISMATCH' }));
      expect(() => signPayload({ crypto: nodeCrypto(), keyFile: file, password: PASSWORD, payload, expectedIin: '123456789011', now: new Date('2027-06-01T00:00:00Z') })).toThrow(
        expect.objectContaining({ code: 'CERT_EXPIRED' }),
      );
    });
  });
});
