import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import forge from 'node-forge';
import { createCryptoProvider, type CryptoProvider, type DigestAlgorithm } from '../../../shared/crypto';
import { canonicalBytes, parseCrl, verifyDetached } from '../../../shared/signing';
import { buildGostCrl, createGostRoot, issueGostCertificate } from '../../../shared/signing/gost/issue';
import { gostKeyFile, gostPrivateKeyInfo } from '../../../shared/signing/gost/keyFile';
import { signPayload } from '../signing/sign';
import { nodeCrypto } from './node';

const text = (value: string) => new TextEncoder().encode(value);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the crypto provider', () => {
  it('hashes by name and by OID alike', () => {
    const crypto = nodeCrypto();
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(hex(crypto.digest('sha256', text('abc')))).toBe(abc);
    expect(hex(crypto.digest('2.16.840.1.101.3.4.2.1', text('abc')))).toBe(abc);
  });

  it('signs and verifies with DER keys; a changed byte or another key does not verify', () => {
    const crypto = nodeCrypto();
    const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { privateKey, publicKey } = pair();
    const key = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    const data = text('заявление 2026-05-04');
    const signature = crypto.sign('1.2.840.113549.1.1.11', key, data);
    expect(crypto.verify('rsa-sha256', spki, data, signature)).toBe(true);
    expect(crypto.verify('rsa-sha256', spki, text('заявление 2026-05-05'), signature)).toBe(false);
    expect(crypto.verify('rsa-sha256', new Uint8Array(pair().publicKey.export({ format: 'der', type: 'spki' })), data, signature)).toBe(false);
    expect(crypto.verify('rsa-sha256', new Uint8Array([1, 2, 3]), data, signature)).toBe(false);
  });

  it('refuses an algorithm nobody registered with a typed error', () => {
    const crypto = nodeCrypto();
    // ГОСТ 34.310-2004, the pre-2024 Kazakh signature: no implementation registers it.
    const old = '1.2.398.3.10.1.1.1.2';
    expect(crypto.find('signature', old)).toBeNull();
    try {
      crypto.verify(old, new Uint8Array(), new Uint8Array(), new Uint8Array());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArmError);
      expect((error as ArmError).code).toBe('SIGNATURE_ALGORITHM_UNSUPPORTED');
    }
  });

  it('carries GOST (JS): Streebog by name and НУЦ РК’s OID, GOST 34.10-2015 sign and verify by DER keys', () => {
    const crypto = nodeCrypto();
    // RFC 6986 §10.1, M1 (the digest in OpenSSL's byte order).
    const m1 = text('012345678901234567890123456789012345678901234567890123456789012');
    const m1Digest = '1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48';
    expect(hex(crypto.digest('gost3411-2012-512', m1))).toBe(m1Digest);
    expect(hex(crypto.digest('1.2.398.3.10.1.3.3', m1))).toBe(m1Digest);
    const root = createGostRoot({ now: new Date(), commonName: 'provider test' });
    const key = gostPrivateKeyInfo(root.key);
    const spki = new Uint8Array(forge.asn1.toDer(root.certificate.spki).getBytes().split('').map((c) => c.charCodeAt(0)));
    const data = text('решение 2026-05-04');
    const signature = crypto.sign('1.2.398.3.10.1.1.2.3.2', key, data);
    expect(signature).toHaveLength(128);
    expect(crypto.verify('gost3410-2012-512-kz', spki, data, signature)).toBe(true);
    // Either byte layout stands for the same (r, s): TC 26's name verifies НУЦ's layout too.
    expect(crypto.verify('gost3410-2012-512', spki, data, signature)).toBe(true);
    expect(crypto.verify('gost3410-2012-512-kz', spki, text('решение 2026-05-05'), signature)).toBe(false);
    const changed = Uint8Array.from(signature);
    changed[5]! ^= 1;
    expect(crypto.verify('gost3410-2012-512-kz', spki, data, changed)).toBe(false);
    expect(crypto.verify('gost3410-2012-256-kz', spki, data, signature)).toBe(false);
    expect(crypto.verify('gost3410-2012-512-kz', new Uint8Array([1, 2, 3]), data, signature)).toBe(false);
    expect(() => crypto.sign('gost3410-2012-256', key, data)).toThrow(RangeError);
  });

  it('is what the core signs a GOST key file with: signPayload calls the provider’s GOST signature', async () => {
    const crypto = nodeCrypto();
    const calls: string[] = [];
    const counting: CryptoProvider = { ...crypto, sign: (name, key, data) => (calls.push(name), crypto.sign(name, key, data)), digest: (name, data) => (calls.push(name), crypto.digest(name, data)) };
    const now = new Date();
    const root = createGostRoot({ now, commonName: 'provider test' });
    const person = { surname: 'БЕКОВ', firstName: 'АСХАТ', patronymic: 'НҰРЛАНҰЛЫ', iin: '750130300155', organisation: { name: 'TEST', bin: '051140033074' } };
    const head = issueGostCertificate({ issuer: root, person, kind: 'sign', notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 86_400_000), organisationRole: 'head' });
    const file = gostKeyFile(head.key, 'пароль-1');
    const signed = signPayload({ crypto: counting, keyFile: file, password: 'пароль-1', payload: { a: 1 }, expectedIin: person.iin, now });
    expect(calls).toEqual(['1.2.398.3.10.1.3.3', 'gost3410-2012-512-kz']);
    const crl = parseCrl(buildGostCrl({ issuer: root, revoked: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1 }));
    calls.length = 0;
    const verified = verifyDetached({ cms: signed.cms, content: canonicalBytes({ a: 1 }), trustedRoots: [root.certificate.der], crls: [crl], expectedIin: person.iin, now, crypto: { ...counting, verify: (name, ...rest) => (calls.push(name), crypto.verify(name, ...rest)) } });
    expect(verified.signer.subject.iin).toBe(person.iin);
    // The content digest, the signature, the certificate's link to the root and the CRL's signature.
    expect(calls.filter((name) => name.startsWith('gost3410'))).toEqual(['gost3410-2012-512-kz', 'gost3410-2012-512-kz', 'gost3410-2012-512-kz']);
  });

  it('takes a JS algorithm registered later, and refuses a name or OID taken twice', () => {
    const crypto = nodeCrypto();
    const xor: DigestAlgorithm = { kind: 'digest', name: 'xor8', oids: ['1.2.3.4'], size: 1, digest: (data) => new Uint8Array([data.reduce((a, b) => a ^ b, 0)]) };
    crypto.register(xor);
    expect([...crypto.digest('1.2.3.4', new Uint8Array([1, 2, 4]))]).toEqual([7]);
    expect(() => crypto.register({ ...xor, name: 'other' })).toThrow(/already registered/);
    expect(() => crypto.register({ ...xor, name: 'sha256', oids: [] })).toThrow(/already registered/);
  });

  it('draws random bytes from the host’s source, within bounds', () => {
    expect(nodeCrypto().random(32)).toHaveLength(32);
    expect(hex(nodeCrypto().random(16))).not.toBe(hex(nodeCrypto().random(16)));
    const counted = createCryptoProvider((length) => new Uint8Array(length).fill(7));
    expect([...counted.random(3)]).toEqual([7, 7, 7]);
    expect(() => counted.random(-1)).toThrow(RangeError);
  });
});
