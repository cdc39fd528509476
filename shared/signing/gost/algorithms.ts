import { ArmError } from '../../api/errors';
import { GOST_CURVES, type GostCurve } from './gost3410';
import { streebog256, streebog512 } from './streebog';

// Which OIDs mean GOST, and what each one may be. НУЦ РК writes its own arc (1.2.398.3.10…);
// OpenSSL's GOST engine and Russian software write TC 26's (1.2.643.7.1…). Anything else that looks
// like GOST — the older ГОСТ 34.310-2004 / 34.311-95 of pre-2024 Kazakh keys, GOST R 34.10-2001 —
// is refused by name, never passed on unverified.

export const GOST_OID = {
  /** НУЦ РК: GOST 34.10-2015 public key; its parameters name the curve (…2.2.1 = tc26 512 A). */
  kzKey: '1.2.398.3.10.1.1.2.2',
  kzSign256: '1.2.398.3.10.1.1.2.3.1',
  kzSign512: '1.2.398.3.10.1.1.2.3.2',
  kzDigest256: '1.2.398.3.10.1.3.2',
  kzDigest512: '1.2.398.3.10.1.3.3',
  kzParams512A: '1.2.398.3.10.1.1.2.2.1',
  /** RFC 9215 / RFC 7836 (what `openssl -engine gost` writes). */
  key256: '1.2.643.7.1.1.1.1',
  key512: '1.2.643.7.1.1.1.2',
  digest256: '1.2.643.7.1.1.2.2',
  digest512: '1.2.643.7.1.1.2.3',
  sign256: '1.2.643.7.1.1.3.2',
  sign512: '1.2.643.7.1.1.3.3',
  params512A: '1.2.643.7.1.2.1.2.1',
  params256B: '1.2.643.7.1.2.1.1.2',
} as const;

/** Refused with their own message: keys НУЦ РК issued before 2024 and GOST R 34.10-2001. */
const REFUSED_BY_NAME: Record<string, string> = {
  '1.2.398.3.10.1.1.1.1': 'ГОСТ 34.310-2004 key',
  '1.2.398.3.10.1.1.1.2': 'ГОСТ 34.310-2004 signature',
  '1.2.398.3.10.1.3.1': 'ГОСТ 34.311-95 digest',
  '1.2.643.2.2.19': 'GOST R 34.10-2001 key',
  '1.2.643.2.2.3': 'GOST R 34.10-2001 signature',
  '1.2.643.2.2.9': 'GOST R 34.11-94 digest',
};

export type DigestBits = 256 | 512;

/** Crypto-provider names of the GOST signatures (./provider): НУЦ РК's ('…-kz') and TC 26's, per size. */
export const GOST_SIGNATURE = {
  kz: { 256: 'gost3410-2012-256-kz', 512: 'gost3410-2012-512-kz' },
  ru: { 256: 'gost3410-2012-256', 512: 'gost3410-2012-512' },
} as const;

export function gostDigest(bits: DigestBits, data: Uint8Array): Uint8Array {
  return bits === 512 ? streebog512(data) : streebog256(data);
}

const DIGESTS: Record<string, DigestBits> = {
  [GOST_OID.kzDigest256]: 256,
  [GOST_OID.kzDigest512]: 512,
  [GOST_OID.digest256]: 256,
  [GOST_OID.digest512]: 512,
};

/** Signature OIDs (also the key OIDs, which OpenSSL writes as a SignerInfo's signatureAlgorithm). */
const SIGNATURES: Record<string, DigestBits | 'by-key'> = {
  [GOST_OID.kzSign256]: 256,
  [GOST_OID.kzSign512]: 512,
  [GOST_OID.sign256]: 256,
  [GOST_OID.sign512]: 512,
  [GOST_OID.key256]: 256,
  [GOST_OID.key512]: 512,
  [GOST_OID.kzKey]: 'by-key',
};

function unsupported(message: string, algorithm: string): ArmError {
  return new ArmError('SIGNATURE_ALGORITHM_UNSUPPORTED', message, undefined, { algorithm });
}

export function refuseByName(oid: string): void {
  const name = REFUSED_BY_NAME[oid];
  if (name) throw new ArmError('SIGNATURE_ALGORITHM_UNSUPPORTED', `${name} (${oid}) is not supported; the holder needs a GOST 34.10-2015 or RSA key.`, undefined, { algorithm: name });
}

export function isGostOid(oid: string): boolean {
  return oid in DIGESTS || oid in SIGNATURES || oid in REFUSED_BY_NAME || oid.startsWith('1.2.643.') || oid.startsWith('1.2.398.3.10.');
}

export function digestBitsOf(oid: string): DigestBits {
  refuseByName(oid);
  const bits = DIGESTS[oid];
  if (!bits) throw unsupported(`Digest algorithm ${oid} is not supported.`, oid);
  return bits;
}

/** The digest a signature algorithm uses, given the signer's curve (the Kazakh key OID names no size). */
export function signatureDigestBits(oid: string, curve: GostCurve): DigestBits {
  refuseByName(oid);
  const bits = SIGNATURES[oid];
  if (!bits) throw unsupported(`Signature algorithm ${oid} is not supported.`, oid);
  const resolved = bits === 'by-key' ? (curve.size === 64 ? 512 : 256) : bits;
  if (resolved !== curve.size * 8) throw new ArmError('SIGNATURE_INVALID', `Signature algorithm ${oid} does not fit a ${curve.size * 8}-bit key.`);
  return resolved;
}

export const PUBLIC_KEY_OIDS: ReadonlySet<string> = new Set([GOST_OID.kzKey, GOST_OID.key256, GOST_OID.key512]);

/** The curve of a GOST public key from its algorithm parameters; a curve we do not know is refused. */
export function curveOf(keyOid: string, paramsOid: string | null): GostCurve {
  refuseByName(keyOid);
  if (!PUBLIC_KEY_OIDS.has(keyOid)) throw unsupported(`Public key algorithm ${keyOid} is not supported.`, keyOid);
  const curve = paramsOid ? GOST_CURVES[paramsOid] : undefined;
  if (!curve) throw unsupported(`GOST curve ${paramsOid ?? '(none)'} is not supported.`, paramsOid ?? keyOid);
  const size = keyOid === GOST_OID.key256 ? 32 : keyOid === GOST_OID.key512 ? 64 : curve.size;
  if (curve.size !== size) throw new ArmError('SIGNATURE_INVALID', `Curve ${paramsOid} does not fit key algorithm ${keyOid}.`);
  return curve;
}
