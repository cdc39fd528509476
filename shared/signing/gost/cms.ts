import forge from 'node-forge';
import { ArmError } from '../../api/errors';
import { fromDerExact, nameHash } from '../asn1';
import { fromBinary, toBinary } from '../bytes';
import type { CertificateCard, KeyPurpose } from '../card';
import { OID } from '../certificate';
import { requireKeyPurpose } from '../roles';
import { normaliseSerial, requireFreshCrl, type Crl } from '../crl';
import type { CryptoProvider } from '../../crypto';
import { digestBitsOf, GOST_OID, refuseByName } from './algorithms';
import type { GostKey } from './keyFile';
import { jsGostCrypto, signGostWith } from './provider';
import { issuedBy, readCertificate, verifyWithCertificate, type RawCertificate } from './x509';

// CMS SignedData (RFC 5652) with GOST R 34.10-2012 / Streebog, detached, the shape NCALayer's
// `sign` returns with `encapsulate: false` and that `openssl cms -engine gost` reads and writes
// (RFC 4490 §3 / RFC 9337). The same checks as the RSA path in ../cms.ts: digest, signature,
// chain to a trusted root, validity at signing time, revocation, key usage, signer IIN.

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const CMS = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const MAX_CHAIN = 5;

/**
 * 'kz': НУЦ РК's OIDs and byte layout (what Kalkan and NCALayer write); 'ru': TC 26's OIDs and
 * RFC 4491's layout (what OpenSSL's GOST engine writes and reads). The layout is the crypto
 * provider's signature algorithm's (./provider).
 */
export type GostProfile = 'kz' | 'ru';

const PROFILES: Record<GostProfile, { digest: Record<256 | 512, string>; signature: Record<256 | 512, string> }> = {
  kz: { digest: { 256: GOST_OID.kzDigest256, 512: GOST_OID.kzDigest512 }, signature: { 256: GOST_OID.kzSign256, 512: GOST_OID.kzSign512 } },
  // OpenSSL names the key algorithm as the SignerInfo's signatureAlgorithm (RFC 9337 §3.2).
  ru: { digest: { 256: GOST_OID.digest256, 512: GOST_OID.digest512 }, signature: { 256: GOST_OID.key256, 512: GOST_OID.key512 } },
};

const seq = (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oidNode = (oid: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes());
const octets = (bytes: Uint8Array) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, toBinary(bytes));
const integer = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
const fromDer = (bytes: Uint8Array) => fromDerExact(toBinary(bytes));
const toDer = (node: Node) => fromBinary(asn1.toDer(node).getBytes());

/** The DER SET the signature covers, sorted as DER demands of a SET OF. */
function attributeSet(attributes: Node[]): Node {
  const encoded = attributes.map((attribute) => asn1.toDer(attribute).getBytes()).sort();
  return set(encoded.map((bytes) => asn1.fromDer(bytes)));
}

function serialNode(cert: RawCertificate): Node {
  const tbs = fromDer(cert.tbsDer);
  const items = tbs.value as Node[];
  return items[items[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0]!;
}

export interface GostSignInput {
  content: Uint8Array;
  key: GostKey;
  signingTime: Date;
  profile: GostProfile;
  /** Issuer certificates (DER) to carry along; the key file's chain when omitted. */
  chain?: Uint8Array[];
  /** The host's crypto provider (the core's ctx.crypto); the JS GOST provider when omitted. */
  crypto?: CryptoProvider;
}

/** A detached CMS signature with signed attributes (content type, signing time, message digest). */
export function signGostDetached(input: GostSignInput): Uint8Array {
  const { curve } = input.key;
  const bits = (curve.size * 8) as 256 | 512;
  const profile = PROFILES[input.profile];
  const crypto = input.crypto ?? jsGostCrypto;
  const digestAlgorithm = seq([oidNode(profile.digest[bits])]);
  const attributes = attributeSet([
    seq([oidNode(CMS.contentType), set([oidNode(CMS.data)])]),
    seq([oidNode(CMS.signingTime), set([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(input.signingTime))])]),
    seq([oidNode(CMS.messageDigest), set([octets(crypto.digest(profile.digest[bits], input.content))])]),
  ]);
  const signerInfo = seq([
    integer('\x01'),
    seq([fromDer(input.key.certificate.issuer.der), serialNode(input.key.certificate)]),
    digestAlgorithm,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes.value as Node[]),
    seq([oidNode(profile.signature[bits])]),
    octets(signGostWith(crypto, input.key, input.profile, toDer(attributes))),
  ]);
  const certificates = [input.key.certificate.der, ...(input.chain ?? input.key.chain)].map(fromDer);
  const signedData = seq([
    integer('\x01'),
    set([digestAlgorithm]),
    seq([oidNode(CMS.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oidNode(CMS.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

function invalid(message: string): ArmError {
  return new ArmError('SIGNATURE_INVALID', message);
}

function children(node: Node | undefined): Node[] {
  return Array.isArray(node?.value) ? node.value : [];
}

function oidOf(node: Node | undefined): string {
  if (!node || node.type !== asn1.Type.OID) throw invalid('expected an OID');
  return asn1.derToOid(node.value as string);
}

function isContext(node: Node | undefined, tag: number): boolean {
  return node?.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === tag;
}

interface Parsed {
  certificates: RawCertificate[];
  issuerHash: string;
  serial: string;
  digestOid: string;
  signedAttributes: Node;
  signatureOid: string;
  signature: Uint8Array;
}

function parse(cms: Uint8Array): Parsed {
  let root: Node;
  try {
    root = fromDer(cms);
  } catch {
    throw invalid('not DER');
  }
  const [contentType, explicit] = children(root);
  if (oidOf(contentType) !== CMS.signedData || !isContext(explicit, 0)) throw invalid('not a CMS SignedData');
  const [, , encapsulated, ...rest] = children(children(explicit)[0]);
  if (oidOf(children(encapsulated)[0]) !== CMS.data) throw invalid('content type is not id-data');
  if (children(encapsulated).length > 1) throw invalid('the signature is not detached');
  const certificates: RawCertificate[] = [];
  if (isContext(rest[0], 0)) {
    for (const node of children(rest.shift())) {
      const cert = readCertificate(toDer(node));
      if (cert) certificates.push(cert);
    }
  }
  if (isContext(rest[0], 1)) rest.shift();
  const signerInfos = children(rest[0]);
  if (signerInfos.length !== 1) throw invalid(`expected one signer, found ${signerInfos.length}`);
  const [, sid, digestAlgorithm, signedAttributes, signatureAlgorithm, signature] = children(signerInfos[0]);
  const [issuer, serial] = children(sid);
  if (!issuer || !serial || serial.type !== asn1.Type.INTEGER) throw invalid('the signer is not named by issuer and serial number');
  if (!signedAttributes || !isContext(signedAttributes, 0)) throw invalid('no signed attributes');
  if (!signature || signature.type !== asn1.Type.OCTETSTRING) throw invalid('no signature value');
  return {
    certificates,
    issuerHash: nameHash(issuer),
    serial: normaliseSerial(forge.util.bytesToHex(serial.value as string)),
    digestOid: oidOf(children(digestAlgorithm)[0]),
    signedAttributes,
    signatureOid: oidOf(children(signatureAlgorithm)[0]),
    signature: fromBinary(signature.value as string),
  };
}

function attributes(signedAttributes: Node): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const attribute of children(signedAttributes)) {
    const [type, values] = children(attribute);
    const oid = oidOf(type);
    const value = children(values)[0];
    if (found.has(oid) || !value || children(values).length !== 1) throw invalid(`attribute ${oid} is not single-valued`);
    found.set(oid, value);
  }
  return found;
}

function readTime(node: Node): Date {
  if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(node.value as string);
  if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value as string);
  throw invalid('signing time is not a time');
}

function chainToRoot(signer: RawCertificate, pool: RawCertificate[], roots: RawCertificate[], crypto: CryptoProvider): RawCertificate[] {
  const chain = [signer];
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const root = roots.find((candidate) => candidate.isCa && issuedBy(current, candidate, crypto));
    if (root) return [...chain, root];
    const next = pool.find((candidate) => !chain.includes(candidate) && candidate.isCa && issuedBy(current, candidate, crypto));
    if (!next) break;
    chain.push(next);
    current = next;
  }
  throw new ArmError('CERT_UNTRUSTED', 'The certificate does not chain to a trusted root.');
}

function checkValidity(chain: RawCertificate[], at: Date): void {
  for (const cert of chain) {
    if (at < cert.notBefore) throw new ArmError('CERT_NOT_YET_VALID', `Certificate ${cert.serialHex} is not valid before ${cert.notBefore.toISOString()}.`);
    if (at > cert.notAfter) throw new ArmError('CERT_EXPIRED', `Certificate ${cert.serialHex} expired on ${cert.notAfter.toISOString()}.`);
  }
}

/** True when `issuer` signed this CRL (any algorithm we verify: GOST or RSA). */
export function crlSignedByRaw(crl: Crl, issuer: RawCertificate, crypto: CryptoProvider = jsGostCrypto): boolean {
  if (crl.issuerHash !== issuer.subject.hash) return false;
  try {
    return verifyWithCertificate(issuer, crl.signatureOid, fromBinary(crl.tbsDer), fromBinary(crl.signature), crypto);
  } catch {
    return false;
  }
}

/** As in ../cms.ts: every non-root link absent from a CRL its issuer signed; none → fail closed. */
function checkRevocation(chain: RawCertificate[], crls: Crl[], now: Date, graceMs: number, crypto: CryptoProvider): Date {
  let oldest: Date | null = null;
  for (let i = 0; i + 1 < chain.length; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;
    const crl = crls.filter((candidate) => crlSignedByRaw(candidate, issuer, crypto)).sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())[0];
    if (!crl) throw new ArmError('CRL_UNAVAILABLE', `No valid CRL of issuer ${issuer.subject.hash}.`);
    requireFreshCrl(crl, now, graceMs);
    if (crl.revoked.has(cert.serialHex)) throw new ArmError('CERT_REVOKED', `Certificate ${cert.serialHex} is revoked.`);
    if (!oldest || crl.thisUpdate < oldest) oldest = crl.thisUpdate;
  }
  return oldest ?? new Date(0);
}

/** NCA's mapping, as keyPurpose in ../certificate.ts (GOST keys carry keyAgreement, not keyEncipherment). */
export function rawKeyPurpose(cert: RawCertificate): KeyPurpose {
  const usage = cert.keyUsage;
  const extended = cert.extendedKeyUsage;
  if (!usage) return 'other';
  if (usage.includes('digitalSignature') && usage.includes('nonRepudiation') && (!extended || extended.includes(OID.emailProtection))) return 'sign';
  if (usage.includes('digitalSignature') && (usage.includes('keyEncipherment') || extended?.includes(OID.clientAuth))) return 'auth';
  return 'other';
}

function first(cert: RawCertificate, oid: string, name: 'subject' | 'issuer' = 'subject'): string | null {
  return cert[name].attributes.find((attribute) => attribute.oid === oid)?.value ?? null;
}

const LABELS: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.4': 'SURNAME', '2.5.4.5': 'SERIALNUMBER', '2.5.4.6': 'C', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.42': 'GIVENNAME', '1.2.840.113549.1.9.1': 'E', '2.5.4.7': 'L', '2.5.4.8': 'ST' };
const dn = (name: RawCertificate['subject']) => name.attributes.map((attribute) => `${LABELS[attribute.oid] ?? attribute.oid}=${attribute.value}`).join(', ');

export function rawCertificateIin(cert: RawCertificate): string | null {
  for (const attribute of cert.subject.attributes) {
    const match = attribute.oid === OID.serialNumber ? /^IIN(\d{12})$/.exec(attribute.value) : null;
    if (match?.[1]) return match[1];
  }
  return null;
}

export function rawCertificateCard(cert: RawCertificate): CertificateCard {
  const bin = cert.subject.attributes.map((attribute) => (attribute.oid === OID.organisationalUnit ? /^BIN(\d{12})$/.exec(attribute.value)?.[1] : undefined)).find(Boolean);
  return {
    subject: {
      commonName: first(cert, OID.commonName) ?? '',
      surname: first(cert, OID.surname),
      givenName: first(cert, OID.givenName),
      iin: rawCertificateIin(cert),
      organisation: first(cert, OID.organisation),
      bin: bin ?? null,
      dn: dn(cert.subject),
    },
    issuer: { commonName: first(cert, OID.commonName, 'issuer') ?? '', dn: dn(cert.issuer) },
    serialNumber: cert.serialHex,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyUsage: cert.keyUsage ?? [],
    extendedKeyUsage: cert.extendedKeyUsage ?? [],
    purpose: rawKeyPurpose(cert),
    fingerprintSha256: cert.fingerprintSha256,
  };
}

export interface GostVerifyInput {
  cms: Uint8Array;
  content: Uint8Array;
  /** Trusted roots as DER (GOST or RSA). */
  trustedRoots: Uint8Array[];
  crls: Crl[];
  expectedIin: string | null;
  now: Date;
  maxClockSkewMs: number;
  crlGraceMs?: number;
  purpose?: 'sign' | 'auth';
  /** The host's crypto provider (the core's ctx.crypto); the JS GOST provider when omitted. */
  crypto?: CryptoProvider;
}

export interface GostVerified {
  signer: CertificateCard;
  signingTime: string;
  crlIssuedAt: string;
}

export function verifyGostDetached(input: GostVerifyInput): GostVerified {
  const parsed = parse(input.cms);
  const crypto = input.crypto ?? jsGostCrypto;
  refuseByName(parsed.signatureOid);
  digestBitsOf(parsed.digestOid);
  const signer = parsed.certificates.find((cert) => cert.issuer.hash === parsed.issuerHash && cert.serialHex === parsed.serial);
  if (!signer) throw invalid('the signer certificate is not included');
  const signed = attributes(parsed.signedAttributes);
  const contentType = signed.get(CMS.contentType);
  const messageDigest = signed.get(CMS.messageDigest);
  const signingTimeNode = signed.get(CMS.signingTime);
  if (!contentType || oidOf(contentType) !== CMS.data) throw invalid('content-type attribute missing or not id-data');
  if (!messageDigest || messageDigest.type !== asn1.Type.OCTETSTRING) throw invalid('message-digest attribute missing');
  if (!signingTimeNode) throw invalid('signing-time attribute missing');
  if (forge.util.bytesToHex(messageDigest.value as string) !== forge.util.bytesToHex(toBinary(crypto.digest(parsed.digestOid, input.content)))) {
    throw invalid('the content does not match the signed digest');
  }
  const signedSet = toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(parsed.signedAttributes)));
  if (!verifyWithCertificate(signer, parsed.signatureOid, signedSet, parsed.signature, crypto)) throw invalid('the signature does not verify with the signer key');
  const signingTime = readTime(signingTimeNode);
  if (signingTime.getTime() > input.now.getTime() + input.maxClockSkewMs) throw invalid('the signing time is in the future');

  const roots = input.trustedRoots.map(readCertificate).filter((cert): cert is RawCertificate => cert !== null);
  const chain = chainToRoot(signer, parsed.certificates, roots, crypto);
  checkValidity(chain, signingTime);
  const crlIssuedAt = checkRevocation(chain, input.crls, input.now, input.crlGraceMs ?? 0, crypto);
  requireKeyPurpose(rawKeyPurpose(signer), input.purpose ?? 'sign');
  if (input.expectedIin !== null && rawCertificateIin(signer) !== input.expectedIin) {
    throw new ArmError('CERT_IIN_MISMATCH', 'The IIN in the certificate is not the expected signer IIN.');
  }
  return { signer: rawCertificateCard(signer), signingTime: signingTime.toISOString(), crlIssuedAt: crlIssuedAt.toISOString() };
}
