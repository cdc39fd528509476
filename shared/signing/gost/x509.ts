import forge from 'node-forge';
import { ArmError } from '../../api/errors';
import { fromDerExact, nameHash } from '../asn1';
import { fromBinary, sha256Hex, toBinary } from '../bytes';
import type { CryptoProvider } from '../../crypto';
import { curveOf, GOST_SIGNATURE, PUBLIC_KEY_OIDS, signatureDigestBits } from './algorithms';
import { decodePublicKey, type GostCurve, type GostPoint } from './gost3410';

// node-forge reads only RSA certificates (it throws on any other key), so GOST certificates are
// read here from their DER with forge's ASN.1 layer: the fields the checks need, nothing more.

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const RSA_DIGESTS: Record<string, () => forge.md.MessageDigest> = {
  '1.2.840.113549.1.1.11': () => forge.md.sha256.create(),
  '1.2.840.113549.1.1.12': () => forge.md.sha384.create(),
  '1.2.840.113549.1.1.13': () => forge.md.sha512.create(),
};
const RSA_KEY = '1.2.840.113549.1.1.1';

export interface X509Name {
  /** forge's hash (SHA-1 of the DER), comparable with a forge certificate's `subject.hash`. */
  hash: string;
  /** OID → values as text, in order. */
  attributes: Array<{ oid: string; value: string }>;
  der: Uint8Array;
}

export interface RawCertificate {
  der: Uint8Array;
  tbsDer: Uint8Array;
  serialHex: string;
  issuer: X509Name;
  subject: X509Name;
  notBefore: Date;
  notAfter: Date;
  keyOid: string;
  keyParamsOid: string | null;
  /** The key as in the BIT STRING (GOST: an OCTET STRING of x‖y; RSA: RSAPublicKey). */
  publicKeyBits: Uint8Array;
  spki: Node;
  signatureOid: string;
  signature: Uint8Array;
  isCa: boolean;
  keyUsage: string[] | null;
  extendedKeyUsage: string[] | null;
  fingerprintSha256: string;
}

const KEY_USAGE_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

function children(node: Node | undefined): Node[] {
  return Array.isArray(node?.value) ? node.value : [];
}

function oid(node: Node | undefined): string {
  if (!node || node.type !== asn1.Type.OID) throw new Error('expected an OID');
  return asn1.derToOid(node.value as string);
}

function der(node: Node): Uint8Array {
  return fromBinary(asn1.toDer(node).getBytes());
}

function text(node: Node): string {
  const raw = node.value as string;
  if (node.type === asn1.Type.UTF8) return forge.util.decodeUtf8(raw);
  if (node.type === asn1.Type.BMPSTRING) {
    let out = '';
    for (let i = 0; i + 1 < raw.length; i += 2) out += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return out;
  }
  return raw;
}

function readName(node: Node): X509Name {
  const attributes: X509Name['attributes'] = [];
  for (const rdn of children(node)) {
    for (const pair of children(rdn)) {
      const [type, value] = children(pair);
      if (type && value) attributes.push({ oid: oid(type), value: text(value) });
    }
  }
  return { hash: nameHash(node), attributes, der: der(node) };
}

function readTime(node: Node | undefined): Date {
  if (node?.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(node.value as string);
  if (node?.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value as string);
  throw new Error('not a time');
}

/** A BIT STRING read with fromDerExact: its first byte counts the unused bits. */
function bitStringBytes(node: Node | undefined): Uint8Array {
  if (!node || node.type !== asn1.Type.BITSTRING) throw new Error('expected a BIT STRING');
  const raw = node.value as string;
  if (raw.charCodeAt(0) !== 0) throw new Error('a BIT STRING with unused bits');
  return fromBinary(raw.slice(1));
}

function readExtensions(node: Node | undefined): Pick<RawCertificate, 'isCa' | 'keyUsage' | 'extendedKeyUsage'> {
  let isCa = false;
  let keyUsage: string[] | null = null;
  let extendedKeyUsage: string[] | null = null;
  for (const extension of children(children(node)[0])) {
    const parts = children(extension);
    const id = oid(parts[0]);
    const value = parts[parts.length - 1]!.value as string;
    const inner = asn1.fromDer(value);
    if (id === '2.5.29.19') isCa = children(inner)[0]?.type === asn1.Type.BOOLEAN && (children(inner)[0]!.value as string) !== '\x00';
    if (id === '2.5.29.15') {
      const bits = inner.value as string;
      const unused = bits.charCodeAt(0);
      const flags = [...bits.slice(1)].map((c) => c.charCodeAt(0));
      keyUsage = KEY_USAGE_BITS.filter((_, i) => i < flags.length * 8 - unused && ((flags[i >> 3]! >> (7 - (i & 7))) & 1) === 1);
    }
    if (id === '2.5.29.37') extendedKeyUsage = children(inner).map((item) => oid(item));
  }
  return { isCa, keyUsage, extendedKeyUsage };
}

/** Reads any X.509 v3 certificate; KEY_FILE_INVALID-free: null when the bytes are not one. */
export function readCertificate(bytes: Uint8Array): RawCertificate | null {
  try {
    const root = fromDerExact(toBinary(bytes));
    const [tbs, , signatureValue] = children(root);
    if (!tbs || !signatureValue) return null;
    const items = [...children(tbs)];
    if (items[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC && items[0].type === 0) items.shift();
    const [serial, algorithm, issuer, validity, subject, spki, ...rest] = items;
    if (!serial || !algorithm || !issuer || !validity || !subject || !spki) return null;
    const [keyAlgorithm, keyBits] = children(spki);
    const params = children(keyAlgorithm)[1];
    const paramsOid = params?.type === asn1.Type.SEQUENCE ? oid(children(params)[0]) : params?.type === asn1.Type.OID ? oid(params) : null;
    const extensions = rest.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 3);
    const [notBefore, notAfter] = children(validity);
    return {
      der: bytes,
      tbsDer: der(tbs),
      serialHex: forge.util.bytesToHex(serial.value as string).toLowerCase().replace(/^0+(?=.)/, ''),
      issuer: readName(issuer),
      subject: readName(subject),
      notBefore: readTime(notBefore),
      notAfter: readTime(notAfter),
      keyOid: oid(children(keyAlgorithm)[0]),
      keyParamsOid: paramsOid,
      publicKeyBits: bitStringBytes(keyBits),
      spki,
      signatureOid: oid(children(children(root)[1])[0]),
      signature: bitStringBytes(signatureValue),
      ...readExtensions(extensions),
      fingerprintSha256: sha256Hex(bytes),
    };
  } catch {
    return null;
  }
}

export function isGostKey(cert: RawCertificate): boolean {
  return PUBLIC_KEY_OIDS.has(cert.keyOid);
}

/** The GOST public key of a certificate: the BIT STRING holds an OCTET STRING of x‖y (RFC 4491 §2.3.2). */
export function gostPublicKey(cert: RawCertificate): { curve: GostCurve; point: GostPoint } {
  return gostKeyPoint(curveOf(cert.keyOid, cert.keyParamsOid), cert.publicKeyBits);
}

function gostKeyPoint(curve: GostCurve, bits: Uint8Array): { curve: GostCurve; point: GostPoint } {
  let point: GostPoint | null = null;
  try {
    const inner = asn1.fromDer(toBinary(bits));
    if (inner.type === asn1.Type.OCTETSTRING) point = decodePublicKey(curve, fromBinary(inner.value as string));
  } catch {
    point = null;
  }
  if (!point) throw new ArmError('SIGNATURE_INVALID', 'The GOST public key is not a point of its curve.');
  return { curve, point };
}

/** The GOST public key of a SubjectPublicKeyInfo (DER), as the crypto provider receives it. */
export function gostPublicKeyFromSpki(spkiDer: Uint8Array): { curve: GostCurve; point: GostPoint } {
  let keyOid: string;
  let paramsOid: string | null;
  let bits: Uint8Array;
  try {
    const [keyAlgorithm, keyBits] = children(fromDerExact(toBinary(spkiDer)));
    const params = children(keyAlgorithm)[1];
    keyOid = oid(children(keyAlgorithm)[0]);
    paramsOid = params?.type === asn1.Type.SEQUENCE ? oid(children(params)[0]) : params?.type === asn1.Type.OID ? oid(params) : null;
    bits = bitStringBytes(keyBits);
  } catch {
    throw new ArmError('SIGNATURE_INVALID', 'Not a SubjectPublicKeyInfo.');
  }
  return gostKeyPoint(curveOf(keyOid, paramsOid), bits);
}

/**
 * True when `signature` over `data` verifies with the key of `signer` under `signatureOid`. A GOST
 * signature is checked through the crypto provider (its algorithms accept either byte layout:
 * НУЦ РК's certificates carry the reversed one, OpenSSL writes RFC 4491's); the size comes from the
 * OID and the signer's curve, since НУЦ's key OID names none.
 */
export function verifyWithCertificate(signer: RawCertificate, signatureOid: string, data: Uint8Array, signature: Uint8Array, crypto: CryptoProvider): boolean {
  if (isGostKey(signer)) {
    const bits = signatureDigestBits(signatureOid, curveOf(signer.keyOid, signer.keyParamsOid));
    return crypto.verify(GOST_SIGNATURE[signatureOid.startsWith('1.2.398.') ? 'kz' : 'ru'][bits], der(signer.spki), data, signature);
  }
  if (signer.keyOid === RSA_KEY && RSA_DIGESTS[signatureOid]) {
    try {
      const key = forge.pki.publicKeyFromAsn1(signer.spki) as forge.pki.rsa.PublicKey;
      const md = RSA_DIGESTS[signatureOid]!().update(toBinary(data));
      return key.verify(md.digest().getBytes(), toBinary(signature));
    } catch {
      return false;
    }
  }
  throw new ArmError('SIGNATURE_ALGORITHM_UNSUPPORTED', `Signature algorithm ${signatureOid} with key ${signer.keyOid} is not supported.`, undefined, { algorithm: signatureOid });
}

/** True when `parent` issued `child`: names match and the child's signature verifies with the parent's key. */
export function issuedBy(child: RawCertificate, parent: RawCertificate, crypto: CryptoProvider): boolean {
  if (child.issuer.hash !== parent.subject.hash) return false;
  try {
    return verifyWithCertificate(parent, child.signatureOid, child.tbsDer, child.signature, crypto);
  } catch (error) {
    if (error instanceof ArmError && error.code === 'SIGNATURE_ALGORITHM_UNSUPPORTED') throw error;
    return false;
  }
}
