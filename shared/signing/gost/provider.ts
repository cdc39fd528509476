import { createCryptoProvider, type Algorithm, type CryptoProvider, type SignatureAlgorithm } from '../../crypto';
import { GOST_OID, GOST_SIGNATURE, gostDigest, type DigestBits } from './algorithms';
import { decodeSignature, encodeSignature, signDigest, verifyDigest, type SignatureLayout } from './gost3410';
import { gostPrivateKeyInfo, gostPrivateKeyOf, type GostKey } from './keyFile';
import { gostPublicKeyFromSpki } from './x509';

// GOST R 34.11-2012 (Streebog) and GOST R 34.10-2012/2015 as algorithms of the one crypto provider
// (shared/crypto), beside Node's RSA: pure JS, since Electron's BoringSSL has no GOST. The core and
// the gateway emulator register them into their providers, and the CMS code signs and verifies
// GOST through the provider it is given, as it does RSA.
//
// A signature algorithm has one byte layout for signing — НУЦ РК's reversed one under the Kazakh
// OIDs, RFC 4491's under TC 26's (what OpenSSL writes) — and verifies either: both stand for the same
// (r, s), so accepting both adds no forgery.

const LAYOUTS: readonly SignatureLayout[] = ['reversed', 'rfc4491'];

const digestName = (bits: DigestBits) => `gost3411-2012-${bits}`;

function digestAlgorithm(bits: DigestBits, oids: string[]): Algorithm {
  return { kind: 'digest', name: digestName(bits), oids, size: bits / 8, digest: (data) => gostDigest(bits, data) };
}

function signatureAlgorithm(name: string, bits: DigestBits, oids: string[], layout: SignatureLayout): SignatureAlgorithm {
  return {
    kind: 'signature',
    name,
    oids,
    digest: digestName(bits),
    sign: (privateKey, data) => {
      const { curve, privateKey: scalar } = gostPrivateKeyOf(privateKey);
      if (curve.size * 8 !== bits) throw new RangeError(`${name} needs a ${bits}-bit key, not ${curve.size * 8}-bit.`);
      return encodeSignature(curve, signDigest(curve, scalar, gostDigest(bits, data)), layout);
    },
    verify: (publicKey, data, signature) => {
      try {
        const { curve, point } = gostPublicKeyFromSpki(publicKey);
        if (curve.size * 8 !== bits) return false;
        const digest = gostDigest(bits, data);
        return LAYOUTS.some((candidate) => {
          const decoded = decodeSignature(curve, signature, candidate);
          return decoded !== null && verifyDigest(curve, point, digest, decoded);
        });
      } catch {
        return false;
      }
    },
  };
}

export const GOST_ALGORITHMS: readonly Algorithm[] = [
  digestAlgorithm(256, [GOST_OID.kzDigest256, GOST_OID.digest256]),
  digestAlgorithm(512, [GOST_OID.kzDigest512, GOST_OID.digest512]),
  signatureAlgorithm(GOST_SIGNATURE.kz[256], 256, [GOST_OID.kzSign256], 'reversed'),
  // НУЦ's key OID names no size; its only curve is the 512-bit one (tc26 A), so the OID maps here.
  signatureAlgorithm(GOST_SIGNATURE.kz[512], 512, [GOST_OID.kzSign512, GOST_OID.kzKey], 'reversed'),
  // OpenSSL writes the key OIDs as a SignerInfo's signatureAlgorithm (RFC 9337 §3.2).
  signatureAlgorithm(GOST_SIGNATURE.ru[256], 256, [GOST_OID.sign256, GOST_OID.key256], 'rfc4491'),
  signatureAlgorithm(GOST_SIGNATURE.ru[512], 512, [GOST_OID.sign512, GOST_OID.key512], 'rfc4491'),
];

/**
 * A provider of the GOST algorithms alone, for code with no host provider of its own: the portal
 * page in the browser, the fake NCALayer, the test PKI. Random bytes from Web Crypto.
 */
export const jsGostCrypto: CryptoProvider = createCryptoProvider((length) => globalThis.crypto.getRandomValues(new Uint8Array(length)), GOST_ALGORITHMS);

/** Signs `data` with a GOST key through the provider, under the profile's signature algorithm. */
export function signGostWith(crypto: CryptoProvider, key: Pick<GostKey, 'curve' | 'privateKey'>, profile: 'kz' | 'ru', data: Uint8Array): Uint8Array {
  const bits = (key.curve.size * 8) as DigestBits;
  return crypto.sign(GOST_SIGNATURE[profile][bits], gostPrivateKeyInfo(key, profile), data);
}
