import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Bytes } from './bytes';
import { certificateCard, certificateDer, certificateIin, certificatePem, OID, parseCertificate } from './certificate';
import { createTestRoot, generateKeyAsync, issueCertificate, type Issued } from './testPki';

const NOW = new Date('2026-11-23T10:00:00Z');
let root: Issued;
let keys: forge.pki.rsa.KeyPair;

beforeAll(async () => {
  const [rootKeys, personKeys] = await Promise.all([generateKeyAsync(), generateKeyAsync()]);
  root = createTestRoot({ now: NOW, keys: rootKeys! });
  keys = personKeys!;
}, 60_000);

/** A certificate with exactly the given subject and extensions, signed by the test root. */
function certificate(subject: Array<{ type: string; value: string; valueTagClass?: number }>, extensions: object[]): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a';
  cert.validity.notBefore = NOW;
  cert.validity.notAfter = new Date(NOW.getTime() + 1e9);
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(root.certificate.subject.attributes);
  cert.setExtensions(extensions);
  cert.sign(root.key, forge.md.sha256.create());
  return cert;
}

describe('certificate card', () => {
  it('reads an NCA-like subject from DER and from PEM alike', () => {
    const person = { surname: 'ӘБЕНОВА', firstName: 'АЙЫМ', patronymic: 'СЕРІКҚЫЗЫ', iin: '920314410210', organisation: { name: 'ТОО «Сынақ»', bin: '160340012015' } };
    const issued = issueCertificate({ issuer: root, person, kind: 'sign', notBefore: NOW, notAfter: new Date(NOW.getTime() + 1e9), keys });
    const fromDer = certificateCard(parseCertificate(certificateDer(issued.certificate))!);
    const fromPem = certificateCard(parseCertificate(certificatePem(issued.certificate))!);
    expect(fromPem).toEqual(fromDer);
    expect(fromDer.subject).toEqual({
      commonName: 'ӘБЕНОВА АЙЫМ',
      surname: 'ӘБЕНОВА',
      givenName: 'СЕРІКҚЫЗЫ',
      iin: '920314410210',
      organisation: 'ТОО «Сынақ»',
      bin: '160340012015',
      dn: 'CN=ӘБЕНОВА АЙЫМ, SURNAME=ӘБЕНОВА, SERIALNUMBER=IIN920314410210, C=KZ, O=ТОО «Сынақ», OU=BIN160340012015, GIVENNAME=СЕРІКҚЫЗЫ',
    });
    expect(fromDer.notBefore).toBe(NOW.toISOString());
  });

  it('decodes BMPString names and finds no IIN where SERIALNUMBER is not IIN…', () => {
    const bmp = (text: string) => [...text].map((char) => String.fromCharCode(char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff)).join('');
    const cert = certificate(
      [
        { type: OID.commonName, value: bmp('ҚОНАЕВ ҰЛАН'), valueTagClass: forge.asn1.Type.BMPSTRING },
        { type: OID.serialNumber, value: 'BIN160340012015' },
      ],
      [{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }],
    );
    const card = certificateCard(cert);
    expect(card.subject.commonName).toBe('ҚОНАЕВ ҰЛАН');
    expect(card.subject.iin).toBeNull();
    expect(certificateIin(cert)).toBeNull();
    expect(card.purpose).toBe('sign');
    expect(card.extendedKeyUsage).toEqual([]);
  });

  it('calls a certificate without key usage, or with the wrong EKU, not a signing one', () => {
    const subject = [{ type: OID.commonName, value: 'X' }];
    expect(certificateCard(certificate(subject, [])).purpose).toBe('other');
    expect(certificateCard(certificate(subject, [{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }, { name: 'extKeyUsage', serverAuth: true }])).purpose).toBe('other');
    expect(certificateCard(certificate(subject, [{ name: 'keyUsage', keyCertSign: true }])).purpose).toBe('other');
  });

  it('returns null for bytes that are not a certificate', () => {
    expect(parseCertificate(new Uint8Array())).toBeNull();
    expect(parseCertificate(utf8Bytes('-----BEGIN CERTIFICATE-----'))).toBeNull();
    expect(parseCertificate('not pem')).toBeNull();
  });
});
