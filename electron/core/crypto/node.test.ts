import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import { createCryptoProvider, type DigestAlgorithm } from '../../../shared/crypto';
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
    const gost = '1.2.398.3.10.1.1.2.3.2';
    expect(crypto.find('signature', gost)).toBeNull();
    try {
      crypto.verify(gost, new Uint8Array(), new Uint8Array(), new Uint8Array());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArmError);
      expect((error as ArmError).code).toBe('SIGNATURE_ALGORITHM_UNSUPPORTED');
    }
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
