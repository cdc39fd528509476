import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { createCryptoProvider, type Algorithm, type CryptoProvider } from '../../../shared/crypto';
import { GOST_ALGORITHMS } from '../../../shared/signing/gost/provider';

// The Node implementation of the one crypto provider (shared/crypto): OpenSSL's hashes and
// signatures, and GOST (ГОСТ Р 34.11/34.10) from its JS implementation (shared/signing/gost), since
// Electron's BoringSSL has none: the core signs and verifies GOST through ctx.crypto as it does RSA.

const digest = (name: string, nodeName: string, oids: string[], size: number): Algorithm => ({
  kind: 'digest',
  name,
  oids,
  size,
  digest: (data) => new Uint8Array(createHash(nodeName).update(data).digest()),
});

// A key is imported into OpenSSL once per array that holds it, not on every signature: the machine
// key signs every gateway call and an opened key file signs right after it is opened (importing
// the DER again cost a third of a millisecond, an ECDSA key a millisecond a call). The arrays are
// the callers' own (the machine key read at start, a key file's key while it is open), so an entry
// goes with its array.
const imported = new WeakMap<Uint8Array, KeyObject>();

function privateKeyOf(der: Uint8Array): KeyObject {
  let key = imported.get(der);
  if (!key) {
    key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    imported.set(der, key);
  }
  return key;
}

/** The PKCS#8 DER of a key already in OpenSSL (a key file opened natively), remembered with it. */
export function exportPrivateKey(key: KeyObject): Uint8Array {
  const der = new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));
  imported.set(der, key);
  return der;
}

const signature = (name: string, digestName: string, oids: string[]): Algorithm => ({
  kind: 'signature',
  name,
  oids,
  digest: digestName,
  sign: (privateKey, data) => new Uint8Array(sign(digestName, data, privateKeyOf(privateKey))),
  verify: (publicKey, data, signatureBytes) => {
    try {
      return verify(digestName, data, createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' }), signatureBytes);
    } catch {
      return false;
    }
  },
});

export const NODE_ALGORITHMS: readonly Algorithm[] = [
  digest('sha1', 'sha1', ['1.3.14.3.2.26'], 20),
  digest('sha256', 'sha256', ['2.16.840.1.101.3.4.2.1'], 32),
  digest('sha384', 'sha384', ['2.16.840.1.101.3.4.2.2'], 48),
  digest('sha512', 'sha512', ['2.16.840.1.101.3.4.2.3'], 64),
  // RSASSA-PKCS1-v1_5, as NCALayer's RSA keys and our test PKI sign.
  signature('rsa-sha256', 'sha256', ['1.2.840.113549.1.1.11']),
  signature('rsa-sha512', 'sha512', ['1.2.840.113549.1.1.13']),
  signature('ecdsa-sha256', 'sha256', ['1.2.840.10045.4.3.2']),
];

export function nodeCrypto(): CryptoProvider {
  return createCryptoProvider((length) => new Uint8Array(randomBytes(length)), [...NODE_ALGORITHMS, ...GOST_ALGORITHMS]);
}
