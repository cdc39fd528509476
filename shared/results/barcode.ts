import { deflateSync, inflateSync } from 'fflate';
import forge from 'node-forge';
import { ArmError } from '../api/errors';
import { resultContentSchema, type ResultContent } from '../api/decision';
import { fromBinary, sha256Hex, toBinary } from '../signing/bytes';
import { canonicalBytes } from '../signing/canonical';
import { asParsed, certificateCard, certificateDer, keyPurpose } from '../signing/certificate';
import type { CertificateCard } from '../signing/card';
import { crlSignedBy, normaliseSerial, type Crl } from '../signing/crl';
import type { CryptoProvider } from '../crypto';
import { fromDerExact } from '../signing/asn1';
import { GOST_SIGNATURE } from '../signing/gost/algorithms';
import { crlSignedByRaw, rawCertificateCard, rawKeyPurpose } from '../signing/gost/cms';
import { jsGostCrypto } from '../signing/gost/provider';
import { gostPublicKey, issuedBy, isGostKey, readCertificate, type RawCertificate } from '../signing/gost/x509';
import type { TrustedRoot } from '../signing/roots';

// The 2D barcode of a printed result (штрих-код): seeds 000 and 003 say it «содержит данные …
// подписанные электронно-цифровой подписью», so it carries the signed data itself, and what an
// offline check needs, in one QR code.
//
// Format 2 — text "ARM2:" + Base45 (RFC 9285) of the raw DEFLATE of:
//   32 bytes  SHA-256 of the signer certificate DER
//   2 + n     the DER SET of the CMS signed attributes (content-type, signing-time, message-digest)
//   2 + n     the signature over that SET (RSA over SHA-256; GOST 34.10-2015 over Streebog, its
//             size the key's: НУЦ РК's heads hold 512-bit GOST keys since 2024)
//   rest      the RFC 8785 canonical JSON of the result content (the bytes the head signed)
// Base45 keeps the QR in alphanumeric mode (5.5 bits a character), as dense as binary, and any
// phone scanner shows it as text. Why the certificate's hash and not the certificate: an RSA
// certificate is ~900 bytes and would double the code; the verifying АРМ finds the certificate
// by this hash among the signed results it holds (every result at a centre carries the head's
// CMS) or in a certificate file given to `npm run verify --cert`.
// Budget: BARCODE_BUDGET characters, QR version ≤ 30 at error correction M (137 modules): a 60 mm
// code scanned at 200 dpi has ≥ 3.4 pixels a module. A typical certificate takes ~1,600; the clerk
// is told RESULT_TOO_LONG at the decision when a result would not fit (fitsBarcode).

export const BARCODE_PREFIX = 'ARM2:';
export const BARCODE_BUDGET = 2000;

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export interface BarcodePayload {
  certificateSha256: string;
  attributes: Uint8Array;
  signature: Uint8Array;
  /** The canonical JSON bytes of the result content, exactly as signed. */
  content: Uint8Array;
}

const invalid = (message: string) => new ArmError('SIGNATURE_INVALID', message);
const kids = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? node.value : []);

/** A signer's certificate as a workstation holds it: forge's (RSA), or the DER of a GOST one forge cannot read. */
export type SignerCertificate = forge.pki.Certificate | Uint8Array;

/** The hash a barcode names its signer by: SHA-256 of the certificate DER (forge's encoding for RSA, as printed so far). */
export function signerSha256(certificate: SignerCertificate): string {
  return sha256Hex(certificate instanceof Uint8Array ? certificate : certificateDer(certificate));
}

/** One certificate node of a CMS: forge's certificate for RSA, the exact DER for GOST; null for neither. */
function signerCertificate(node: Node): SignerCertificate | null {
  const der = asn1.toDer(node).getBytes();
  try {
    return forge.pki.certificateFromAsn1(asn1.fromDer(der));
  } catch {
    const raw = readCertificate(fromBinary(der));
    return raw && isGostKey(raw) ? raw.der : null;
  }
}

/** The certificates a CMS SignedData carries (the signer's first): where a workstation finds a barcode's signer. */
export function cmsCertificates(cms: Uint8Array): SignerCertificate[] {
  try {
    const signedData = kids(kids(kids(fromDerExact(toBinary(cms)))[1])[0]);
    const certificates = signedData.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
    return kids(certificates)
      .map(signerCertificate)
      .filter((certificate): certificate is SignerCertificate => certificate !== null);
  } catch {
    return [];
  }
}

/** From the head's detached CMS (as signing.sign makes it) over the content's canonical bytes. */
export function barcodeFromCms(cms: Uint8Array, content: unknown): BarcodePayload {
  let root: Node;
  try {
    // BIT STRINGs left as written, so a GOST certificate's DER (and its hash) is exactly the signed one.
    root = fromDerExact(toBinary(cms));
  } catch {
    throw invalid('not DER');
  }
  const signedData = kids(kids(kids(root)[1])[0]);
  const certificates = signedData.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
  const signerInfo = kids(signedData[signedData.length - 1])[0];
  const [, , , attributes, , signature] = kids(signerInfo);
  const first = kids(certificates)[0];
  if (!attributes || !signature || !first) throw invalid('not a CMS SignedData with signed attributes and the signer certificate');
  const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, kids(attributes));
  const certificate = signerCertificate(first);
  if (!certificate) throw invalid('the signer certificate is neither RSA nor GOST');
  return {
    // The same bytes verifyBarcode hashes.
    certificateSha256: signerSha256(certificate),
    attributes: fromBinary(asn1.toDer(set).getBytes()),
    signature: fromBinary(signature.value as string),
    content: canonicalBytes(content),
  };
}

// Base45, RFC 9285: two bytes → three characters of the QR alphanumeric set.
const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      let n = bytes[i]! * 256 + bytes[i + 1]!;
      for (let k = 0; k < 3; k++, n = Math.floor(n / 45)) out += B45[n % 45];
    } else {
      const n = bytes[i]!;
      out += B45[n % 45]! + B45[Math.floor(n / 45)]!;
    }
  }
  return out;
}

export function base45Decode(text: string): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const digits = [...text.slice(i, i + 3)].map((char) => B45.indexOf(char));
    if (digits.some((digit) => digit < 0) || digits.length < 2) return null;
    const n = digits.reduce((sum, digit, k) => sum + digit * 45 ** k, 0);
    if (digits.length === 3) {
      if (n > 0xffff) return null;
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) return null;
      out.push(n);
    }
  }
  return Uint8Array.from(out);
}

export function encodeBarcode(payload: BarcodePayload): string {
  const { attributes, signature, content } = payload;
  const packed = new Uint8Array(32 + 2 + attributes.length + 2 + signature.length + content.length);
  packed.set(forge.util.hexToBytes(payload.certificateSha256).split('').map((char) => char.charCodeAt(0)), 0);
  let at = 32;
  for (const part of [attributes, signature]) {
    packed[at] = part.length >> 8;
    packed[at + 1] = part.length & 0xff;
    packed.set(part, at + 2);
    at += 2 + part.length;
  }
  packed.set(content, at);
  return BARCODE_PREFIX + base45Encode(deflateSync(packed, { level: 9 }));
}

/** Room the head's signing adds: the signer block in the content, attributes, an RSA-2048 signature. */
const SIGNER_ROOM = { fullName: 'Ж'.repeat(60), iin: '000000000000', position: { ru: 'Ж'.repeat(40), kk: 'Ж'.repeat(40) }, organisation: 'Ж'.repeat(120) };

/** Would this decided result, once the head signs it, fit in the barcode budget? */
export function fitsBarcode(content: ResultContent): boolean {
  // Incompressible stand-ins for the attributes and the signature, as real ones are.
  const noise = (length: number) => fromBinary(forge.util.hexToBytes(Array.from({ length: Math.ceil(length / 32) }, (_, i) => sha256Hex(Uint8Array.of(i, length & 0xff))).join('')).slice(0, length));
  const text = encodeBarcode({ certificateSha256: sha256Hex(noise(1)), attributes: noise(100), signature: noise(256), content: canonicalBytes({ ...content, signer: content.signer ?? SIGNER_ROOM }) });
  return text.length <= BARCODE_BUDGET;
}

/** Is this text one of ours at all? Another system's QR is told apart from a damaged one of ours. */
export const isOurBarcode = (text: string): boolean => text.startsWith(BARCODE_PREFIX);

export function decodeBarcode(text: string): BarcodePayload {
  if (!isOurBarcode(text)) throw new ArmError('BARCODE_FOREIGN', 'The QR code is not a result barcode of the АРМ.');
  const damaged = () => new ArmError('BARCODE_DAMAGED', 'The result barcode is damaged.');
  const deflated = base45Decode(text.slice(BARCODE_PREFIX.length));
  if (!deflated) throw damaged();
  let packed: Uint8Array;
  try {
    packed = inflateSync(deflated);
  } catch {
    throw damaged();
  }
  let at = 32;
  const part = () => {
    if (at + 2 > packed.length) throw damaged();
    const length = packed[at]! * 256 + packed[at + 1]!;
    const bytes = packed.slice(at + 2, at + 2 + length);
    if (bytes.length !== length) throw damaged();
    at += 2 + length;
    return bytes;
  };
  if (packed.length < 32) throw damaged();
  const certificateSha256 = forge.util.bytesToHex(toBinary(packed.slice(0, 32)));
  const attributes = part();
  const signature = part();
  return { certificateSha256, attributes, signature, content: packed.slice(at) };
}

export interface BarcodeCheck {
  /** The signer's certificate, found by the barcode's certificate hash. */
  certificate: SignerCertificate;
  /** The trusted roots (RSA and GOST) and their CRLs: the certificate must chain to one and not be revoked. */
  roots: readonly TrustedRoot[];
  crls: Crl[];
  /** The host's crypto provider for GOST (the core's ctx.crypto); the JS GOST provider when omitted. */
  crypto?: CryptoProvider;
}

export interface BarcodeVerdict {
  content: ResultContent;
  contentSha256: string;
  signingTime: string;
  signer: CertificateCard;
}

function attributeMap(der: string): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const attribute of kids(asn1.fromDer(der))) {
    const [type, values] = kids(attribute);
    if (!type || type.type !== asn1.Type.OID) throw invalid('a signed attribute has no type');
    found.set(asn1.derToOid(type.value as string), kids(values)[0]!);
  }
  return found;
}

/**
 * Checks a decoded barcode offline: the certificate is the one named, its key signed these
 * attributes, the attributes carry the hash of the content the barcode carries, the certificate
 * was valid at signing time, chains to a trusted root and is not on that root's CRL.
 * Throws the first failing check's code (SIGNATURE_INVALID, CERT_EXPIRED, CERT_KEY_USAGE,
 * CERT_UNTRUSTED, CRL_UNAVAILABLE, CERT_REVOKED, BARCODE_DAMAGED).
 */
export function verifyBarcode(payload: BarcodePayload, check: BarcodeCheck): BarcodeVerdict {
  if (check.certificate instanceof Uint8Array) return verifyGostBarcode(payload, check.certificate, check);
  // Certificates made in memory (forge) lack the parsed name hashes the checks compare.
  const certificate = asParsed(check.certificate);
  if (sha256Hex(certificateDer(certificate)) !== payload.certificateSha256) throw invalid('the barcode names another certificate');
  const { digest, signingTime } = signedAttributes(payload);
  const contentSha256 = sha256Hex(payload.content);
  if (forge.util.bytesToHex(digest.value as string) !== contentSha256) throw invalid('the data in the barcode is not the data signed');
  const md = forge.md.sha256.create().update(toBinary(payload.attributes));
  let verified = false;
  try {
    verified = (certificate.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().getBytes(), toBinary(payload.signature));
  } catch {
    verified = false;
  }
  if (!verified) throw invalid('the signature does not verify with the certificate');
  if (signingTime < certificate.validity.notBefore || signingTime > certificate.validity.notAfter) throw new ArmError('CERT_EXPIRED', 'The certificate was not valid at signing time.');
  if (keyPurpose(certificate) !== 'sign') throw new ArmError('CERT_KEY_USAGE', 'The certificate is not a signing certificate.');
  const root = check.roots.flatMap((candidate) => (candidate instanceof Uint8Array ? [] : [asParsed(candidate)])).find((candidate) => {
    try {
      return candidate.verify(certificate);
    } catch {
      return false;
    }
  });
  if (!root) throw new ArmError('CERT_UNTRUSTED', 'The certificate does not chain to a trusted root.');
  const crl = check.crls.find((candidate) => crlSignedBy(candidate, root));
  if (!crl) throw new ArmError('CRL_UNAVAILABLE', 'No CRL of the root.');
  if (crl.revoked.has(normaliseSerial(certificate.serialNumber))) throw new ArmError('CERT_REVOKED', 'The certificate is revoked.');
  return { content: resultOf(payload), contentSha256, signingTime: signingTime.toISOString(), signer: certificateCard(certificate) };
}

function resultOf(payload: BarcodePayload): ResultContent {
  try {
    return resultContentSchema.parse(JSON.parse(new TextDecoder().decode(payload.content)));
  } catch {
    throw new ArmError('BARCODE_DAMAGED', 'The signed data is not a result.');
  }
}

function signedAttributes(payload: BarcodePayload): { digest: Node; signingTime: Date } {
  let found: Map<string, Node>;
  try {
    found = attributeMap(toBinary(payload.attributes));
  } catch (error) {
    if (error instanceof ArmError) throw error;
    throw invalid('the signed attributes do not parse');
  }
  const digest = found.get(OIDS.messageDigest);
  const type = found.get(OIDS.contentType);
  const time = found.get(OIDS.signingTime);
  if (!digest || !type || !time || asn1.derToOid(type.value as string) !== OIDS.data) throw invalid('the signed attributes are incomplete');
  return { digest, signingTime: time.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(time.value as string) : asn1.generalizedTimeToDate(time.value as string) };
}

/**
 * The same checks for a head's GOST 34.10-2015 signature, through the crypto provider: the content's
 * Streebog digest (of the key's size, as НУЦ РК's signers write it) in the attributes, the signature
 * in either byte layout, validity at signing time, a signing key, issued by a trusted root, absent
 * from a CRL that root signed.
 */
function verifyGostBarcode(payload: BarcodePayload, der: Uint8Array, check: BarcodeCheck): BarcodeVerdict {
  const crypto = check.crypto ?? jsGostCrypto;
  const certificate = readCertificate(der);
  if (!certificate || !isGostKey(certificate) || certificate.fingerprintSha256 !== payload.certificateSha256) throw invalid('the barcode names another certificate');
  const { digest, signingTime } = signedAttributes(payload);
  const bits = gostPublicKey(certificate).curve.size === 64 ? 512 : 256;
  if (forge.util.bytesToHex(digest.value as string) !== forge.util.bytesToHex(toBinary(crypto.digest(`gost3411-2012-${bits}`, payload.content)))) {
    throw invalid('the data in the barcode is not the data signed');
  }
  if (!crypto.verify(GOST_SIGNATURE.kz[bits], fromBinary(asn1.toDer(certificate.spki).getBytes()), payload.attributes, payload.signature)) {
    throw invalid('the signature does not verify with the certificate');
  }
  if (signingTime < certificate.notBefore || signingTime > certificate.notAfter) throw new ArmError('CERT_EXPIRED', 'The certificate was not valid at signing time.');
  if (rawKeyPurpose(certificate) !== 'sign') throw new ArmError('CERT_KEY_USAGE', 'The certificate is not a signing certificate.');
  const root = check.roots
    .flatMap((candidate) => (candidate instanceof Uint8Array ? [readCertificate(candidate)] : []))
    .find((candidate): candidate is RawCertificate => candidate !== null && candidate.isCa && issuedBy(certificate, candidate, crypto));
  if (!root) throw new ArmError('CERT_UNTRUSTED', 'The certificate does not chain to a trusted root.');
  const crl = check.crls.find((candidate) => crlSignedByRaw(candidate, root, crypto));
  if (!crl) throw new ArmError('CRL_UNAVAILABLE', 'No CRL of the root.');
  if (crl.revoked.has(certificate.serialHex)) throw new ArmError('CERT_REVOKED', 'The certificate is revoked.');
  return { content: resultOf(payload), contentSha256: sha256Hex(payload.content), signingTime: signingTime.toISOString(), signer: rawCertificateCard(certificate) };
}
