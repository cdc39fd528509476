import { ArmError } from '../api/errors';

// The one crypto provider. shared/ never imports node:crypto: code that hashes, signs or draws
// random bytes gets a CryptoProvider from its host — the core builds the Node implementation
// (electron/core/crypto/node.ts) and passes it in; GOST (ГОСТ Р 34.11/34.10, СТ РК 1073) is a
// pure-JS implementation registered into the same provider, because Electron's BoringSSL has none.
//
// Algorithms register by name and by their OIDs, so a CMS signature is judged by the OIDs it
// carries and a new family needs no change in the code that uses the provider. All calls are
// synchronous: every implementation we have (Node, JS GOST) is, and the CMS code is.

/** A hash function: SHA-256 (2.16.840.1.101.3.4.2.1), ГОСТ Р 34.11-2015 (Streebog)… */
export interface DigestAlgorithm {
  kind: 'digest';
  /** Stable name callers use: 'sha256', 'gost3411-2015-512'. */
  name: string;
  /** Every OID that names it in certificates and CMS. */
  oids: readonly string[];
  /** Output length in bytes. */
  size: number;
  digest(data: Uint8Array): Uint8Array;
}

/** A signature scheme over a digest: RSA PKCS#1 v1.5 with SHA-256, ГОСТ Р 34.10-2015… */
export interface SignatureAlgorithm {
  kind: 'signature';
  /** Stable name: 'rsa-sha256', 'gost3410-2015-512'. */
  name: string;
  /** Signature algorithm OIDs (as in a CMS SignerInfo or a certificate's signatureAlgorithm). */
  oids: readonly string[];
  /** The digest it signs over, by name. */
  digest: string;
  /** Signs `data` (the message, not its hash) with a PKCS#8 DER private key. */
  sign(privateKey: Uint8Array, data: Uint8Array): Uint8Array;
  /** False for a signature that does not match, and for a key or signature that does not parse. */
  verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean;
}

export type Algorithm = DigestAlgorithm | SignatureAlgorithm;

export interface CryptoProvider {
  /** Adds an algorithm; a name or OID already taken by another algorithm is refused. */
  register(algorithm: Algorithm): void;
  /** The algorithm under this name or OID, or null. */
  find(kind: 'digest', nameOrOid: string): DigestAlgorithm | null;
  find(kind: 'signature', nameOrOid: string): SignatureAlgorithm | null;
  digest(nameOrOid: string, data: Uint8Array): Uint8Array;
  /** privateKey: PKCS#8 DER. */
  sign(nameOrOid: string, privateKey: Uint8Array, data: Uint8Array): Uint8Array;
  /** publicKey: SubjectPublicKeyInfo DER. */
  verify(nameOrOid: string, publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean;
  /** Cryptographically secure random bytes. */
  random(length: number): Uint8Array;
}

function unsupported(kind: string, nameOrOid: string): ArmError {
  return new ArmError('SIGNATURE_ALGORITHM_UNSUPPORTED', `No ${kind} algorithm ${nameOrOid} on this workstation.`, undefined, { algorithm: nameOrOid });
}

/** A provider with the given random source and algorithms; more may register later. */
export function createCryptoProvider(random: (length: number) => Uint8Array, algorithms: readonly Algorithm[] = []): CryptoProvider {
  const byKey = new Map<string, Algorithm>();
  const keyOf = (kind: Algorithm['kind'], nameOrOid: string) => `${kind}:${nameOrOid}`;

  function find(kind: 'digest', nameOrOid: string): DigestAlgorithm | null;
  function find(kind: 'signature', nameOrOid: string): SignatureAlgorithm | null;
  function find(kind: Algorithm['kind'], nameOrOid: string): Algorithm | null {
    return byKey.get(keyOf(kind, nameOrOid)) ?? null;
  }
  const digestOf = (nameOrOid: string) => {
    const algorithm = find('digest', nameOrOid);
    if (!algorithm) throw unsupported('digest', nameOrOid);
    return algorithm;
  };
  const signatureOf = (nameOrOid: string) => {
    const algorithm = find('signature', nameOrOid);
    if (!algorithm) throw unsupported('signature', nameOrOid);
    digestOf(algorithm.digest);
    return algorithm;
  };

  const provider: CryptoProvider = {
    register(algorithm) {
      const keys = [algorithm.name, ...algorithm.oids].map((name) => keyOf(algorithm.kind, name));
      const taken = keys.find((key) => byKey.has(key) && byKey.get(key) !== algorithm);
      if (taken) throw new Error(`Crypto algorithm ${taken} is already registered.`);
      for (const key of keys) byKey.set(key, algorithm);
    },
    find,
    digest: (nameOrOid, data) => digestOf(nameOrOid).digest(data),
    sign: (nameOrOid, privateKey, data) => signatureOf(nameOrOid).sign(privateKey, data),
    verify: (nameOrOid, publicKey, data, signature) => signatureOf(nameOrOid).verify(publicKey, data, signature),
    random: (length) => {
      if (!Number.isInteger(length) || length < 0 || length > 65_536) throw new RangeError(`random(${length})`);
      return random(length);
    },
  };
  for (const algorithm of algorithms) provider.register(algorithm);
  return provider;
}
