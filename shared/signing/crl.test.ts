import { beforeAll, describe, expect, it } from 'vitest';
import { ArmError } from '../api/errors';
import { utf8Bytes } from './bytes';
import { buildCrl, cachedCrl, crlPem, crlSignedBy, normaliseSerial, parseCrl } from './crl';
import { certificatePem } from './certificate';
import { cachedTrustedRoot } from './roots';
import { createTestRoot, generateKeyAsync, type Issued } from './testPki';

const NOW = new Date('2026-11-23T10:00:00Z');
let root: Issued;
let other: Issued;

beforeAll(async () => {
  const [rootKeys, otherKeys] = await Promise.all([generateKeyAsync(), generateKeyAsync()]);
  root = createTestRoot({ now: NOW, keys: rootKeys! });
  other = createTestRoot({ now: NOW, keys: otherKeys!, commonName: 'Other TEST CA' });
}, 60_000);

describe('CRL', () => {
  it('reads back what it wrote: dates, revoked serials with their dates, in DER and PEM', () => {
    const revokedAt = new Date('2026-11-20T08:30:00Z');
    const der = buildCrl({
      issuer: root.certificate,
      issuerKey: root.key,
      revoked: [
        { serialNumber: '00ff01', date: revokedAt },
        { serialNumber: '7a', date: NOW },
      ],
      thisUpdate: NOW,
      nextUpdate: new Date('2026-11-30T10:00:00Z'),
      crlNumber: 300,
    });
    for (const crl of [parseCrl(der), parseCrl(crlPem(der))]) {
      expect(crl.thisUpdate).toEqual(NOW);
      expect(crl.nextUpdate).toEqual(new Date('2026-11-30T10:00:00Z'));
      expect([...crl.revoked.entries()]).toEqual([
        ['ff01', revokedAt],
        ['7a', NOW],
      ]);
      expect(crlSignedBy(crl, root.certificate)).toBe(true);
      expect(crlSignedBy(crl, other.certificate)).toBe(false);
    }
  });

  it('is believed only with an untouched signature', () => {
    const der = buildCrl({ issuer: root.certificate, issuerKey: root.key, revoked: [], thisUpdate: NOW, nextUpdate: NOW, crlNumber: 1 });
    expect(parseCrl(der).revoked.size).toBe(0);
    const altered = der.slice();
    altered[altered.length - 5] = altered[altered.length - 5]! ^ 0x40;
    expect(crlSignedBy(parseCrl(altered), root.certificate)).toBe(false);
  });

  it('refuses what is not a CRL', () => {
    for (const input of [new Uint8Array(), utf8Bytes('garbage'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n']) {
      expect(() => parseCrl(input)).toThrow(ArmError);
      try {
        parseCrl(input);
      } catch (error) {
        expect((error as ArmError).code).toBe('CRL_UNAVAILABLE');
      }
    }
  });

  it('compares serial numbers without case or leading zeros', () => {
    expect(normaliseSerial('00AB')).toBe('ab');
    expect(normaliseSerial('0')).toBe('0');
  });

  it('parses a stored text once: the same text gives the same CRL, another text its own, a broken one an error each time', () => {
    const make = (crlNumber: number) => crlPem(buildCrl({ issuer: root.certificate, issuerKey: root.key, revoked: [{ serialNumber: '7a', date: NOW }], thisUpdate: NOW, nextUpdate: new Date('2026-11-30T10:00:00Z'), crlNumber }));
    const pem = make(1);
    const first = cachedCrl(pem);
    // A new string with the same text (as each read from the database gives) finds the same CRL.
    expect(cachedCrl(`${pem}`.slice(0))).toBe(first);
    expect([...first.revoked.keys()]).toEqual(['7a']);
    expect(crlSignedBy(first, root.certificate)).toBe(true);
    const second = cachedCrl(make(2));
    expect(second).not.toBe(first);
    expect(second.tbsDer).not.toBe(first.tbsDer);
    // Cut in half: the base64 that is left decodes to a CertificateList that ends too soon.
    const broken = `${pem.slice(0, pem.indexOf('\n', pem.length / 2))}\n-----END X509 CRL-----\n`;
    expect(() => cachedCrl(broken)).toThrow();
    expect(() => cachedCrl(broken)).toThrow();
  });

  it('parses a stored root once per text, and keeps the answer for a text that is not one', () => {
    const pem = certificatePem(root.certificate);
    const parsed = cachedTrustedRoot(pem);
    expect(parsed).not.toBeNull();
    expect(cachedTrustedRoot(pem)).toBe(parsed);
    expect(cachedTrustedRoot(certificatePem(other.certificate))).not.toBe(parsed);
    expect(cachedTrustedRoot('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toBeNull();
  });
});
