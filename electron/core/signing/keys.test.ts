import { createPrivateKey, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../testing';
import { certificateCard, certificatePem, utf8Bytes } from '../../../shared/signing';
import { createDemoPki, DEMO_PASSWORD, type DemoPki } from '../../../shared/signing/testPki';
import { openKey } from './keys';
import { openPkcs12Natively } from './pkcs12';

// Building RSA-2048 keys and forge's signatures takes seconds on a loaded machine.
const PKI_TIMEOUT_MS = 60_000;
let pkiDemo: DemoPki;
beforeAll(async () => {
  pkiDemo = await createDemoPki({ now: new Date(), only: ['head', 'operator', 'operatorAuth'] });
}, PKI_TIMEOUT_MS);

describe('openKey', () => {
  it('opens a demo .p12 and shows its owner as NCA writes the subject', () => {
    const opened = openKey(pkiDemo.keys.head.p12, DEMO_PASSWORD);
    const card = certificateCard(opened.certificate);
    const head = pkiDemo.keys.head.person;
    expect(card.subject).toMatchObject({
      commonName: `${head.surname} ${head.firstName}`,
      surname: head.surname,
      givenName: head.patronymic,
      iin: head.iin,
      organisation: head.organisation?.name,
      bin: head.organisation?.bin,
    });
    expect(card.subject.dn).toContain(`SERIALNUMBER=IIN${head.iin}`);
    expect(card.issuer.commonName).toContain('TEST');
    expect(card.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(card.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.1']);
    expect(card.purpose).toBe('sign');
    expect(createPublicKey(createPrivateKey({ key: Buffer.from(opened.privateKey), format: 'der', type: 'pkcs8' })).export({ format: 'pem', type: 'spki' })).toBe(forge.pki.publicKeyToPem(pkiDemo.keys.head.certificate.publicKey).replace(/\r/g, ''));
  });

  it('tells a login key from a signing key', () => {
    expect(certificateCard(openKey(pkiDemo.keys.operatorAuth.p12, DEMO_PASSWORD).certificate).purpose).toBe('auth');
  });

  it('refuses a wrong password, also one that differs only in case', () => {
    expect(codeOf(() => openKey(pkiDemo.keys.operator.p12, 'wrong'))).toBe('KEY_PASSWORD_WRONG');
    expect(codeOf(() => openKey(pkiDemo.keys.operator.p12, DEMO_PASSWORD.toUpperCase()))).toBe('KEY_PASSWORD_WRONG');
    expect(codeOf(() => openKey(pkiDemo.keys.operator.p12, ''))).toBe('KEY_PASSWORD_WRONG');
  });

  it('refuses an empty file, random bytes, a PEM certificate and a truncated .p12', () => {
    expect(codeOf(() => openKey(new Uint8Array(), DEMO_PASSWORD))).toBe('KEY_FILE_INVALID');
    expect(codeOf(() => openKey(forge.util.binary.raw.decode(forge.random.getBytesSync(2048)), DEMO_PASSWORD))).toBe('KEY_FILE_INVALID');
    expect(codeOf(() => openKey(utf8Bytes(certificatePem(pkiDemo.keys.operator.certificate)), DEMO_PASSWORD))).toBe('KEY_FILE_INVALID');
    const p12 = pkiDemo.keys.operator.p12;
    expect(codeOf(() => openKey(p12.slice(0, p12.length / 2), DEMO_PASSWORD))).toBe('KEY_FILE_INVALID');
  });

  it('refuses a PKCS#12 that holds a certificate but no key', () => {
    const certOnly = forge.pkcs12.toPkcs12Asn1(null, [pkiDemo.keys.operator.certificate], DEMO_PASSWORD, { algorithm: '3des' });
    const bytes = forge.util.binary.raw.decode(forge.asn1.toDer(certOnly).getBytes());
    expect(codeOf(() => openKey(bytes, DEMO_PASSWORD))).toBe('KEY_FILE_INVALID');
  });

  it('opens the demo files with OpenSSL primitives, and leaves a wrong password to the MAC check', () => {
    const native = openPkcs12Natively(pkiDemo.keys.operator.p12, DEMO_PASSWORD);
    expect(native?.privateKey.asymmetricKeyType).toBe('rsa');
    expect(native?.certificate).toEqual(new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(pkiDemo.keys.operator.certificate)).getBytes(), 'binary')));
    expect(openPkcs12Natively(pkiDemo.keys.operator.p12, 'wrong')).toBeNull();
    expect(openPkcs12Natively(pkiDemo.keys.operator.p12.slice(0, 100), DEMO_PASSWORD)).toBeNull();
  });

  it('pairs the key with the certificate of its own public key: another person’s certificate beside it is not taken', () => {
    const head = pkiDemo.keys.head;
    const operator = pkiDemo.keys.operator;
    // The operator's key with the head's certificate first, then the operator's own.
    const mixed = forge.pkcs12.toPkcs12Asn1(operator.key, [head.certificate, operator.certificate], DEMO_PASSWORD, { algorithm: 'aes256' });
    const native = openPkcs12Natively(forge.util.binary.raw.decode(forge.asn1.toDer(mixed).getBytes()), DEMO_PASSWORD);
    expect(native && certificateCard(forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(native.certificate)))).subject.iin).toBe(operator.person.iin);
    // Only someone else's certificate: no key is paired, and the file is refused.
    const wrong = forge.pkcs12.toPkcs12Asn1(operator.key, [head.certificate], DEMO_PASSWORD, { algorithm: 'aes256' });
    const bytes = forge.util.binary.raw.decode(forge.asn1.toDer(wrong).getBytes());
    expect(openPkcs12Natively(bytes, DEMO_PASSWORD)).toBeNull();
    expect(codeOf(() => openKey(bytes, DEMO_PASSWORD))).toBe('KEY_FILE_INVALID');
  });
});
