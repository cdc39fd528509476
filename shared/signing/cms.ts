import { sha256 as sha256Of } from '@noble/hashes/sha2';
import forge from 'node-forge';
import { ArmError } from '../api/errors';
import type { CryptoProvider } from '../crypto';
import { ALLOWED_CLOCK_DRIFT_MS } from '../time/time';
import { fromDerExact, nameHash } from './asn1';
import type { CertificateCard } from './card';
import { requireKeyPurpose } from './roles';
import { fromBinary, sha256Hex, toBinary } from './bytes';
import { asParsed, cachedCard, cachedCertificate, certificateDer, certificateIin, keyPurpose, parseCertificate } from './certificate';
import { crlSignedBy, normaliseSerial, requireFreshCrl, type Crl } from './crl';
import { isGostOid } from './gost/algorithms';
import { withinWindow, type TrustedTime } from './window';
import { verifyGostDetached } from './gost/cms';

// CMS SignedData (RFC 5652), detached, SHA-256, with the signing-time attribute and the signer's
// certificate inside: the shape NCALayer's createCMSSignatureFromBase64(…, attach=false) returns
// and `openssl cms -verify -binary -content …` checks. node-forge signs PKCS#7 but cannot verify
// it, so verification reads the structure with forge's ASN.1 layer.

const { asn1, pki } = forge;
const OIDS = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};
const MAX_CHAIN = 5;
/** Clocks of offline workstations drift; a signature from further in the future than this is refused. */
export const MAX_CLOCK_SKEW_MS = ALLOWED_CLOCK_DRIFT_MS;

export interface SignInput {
  content: Uint8Array;
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  signingTime: Date;
  /** Issuer certificates to carry along (intermediate CAs), for receivers that trust only the root. */
  chain?: forge.pki.Certificate[];
}

/** RSASSA-PKCS1-v1_5 with SHA-256 over `data` (the DER SET of signed attributes): the signature value. */
export type RsaSignature = (data: Uint8Array) => Uint8Array;

export interface SignWithInput extends Omit<SignInput, 'key'> {
  sign: RsaSignature;
}

const der = {
  seq: (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items),
  set: (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items),
  oid: (oid: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
  nul: () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  octets: (binary: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, binary),
  integer: (binary: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, binary),
};

/**
 * The detached SignedData, with the signature value from `sign`: the core passes node:crypto (via
 * the crypto provider), tests and the emulator pass forge keys (signDetached). The layout is the
 * one forge's PKCS#7 writer gave, which NCALayer, OpenSSL and our verifier read: SHA-256 and
 * rsaEncryption with NULL parameters, content type, signing time and message digest attributes.
 */
export function signDetachedWith(input: SignWithInput): Uint8Array {
  const sha256 = () => der.seq([der.oid(OIDS.sha256), der.nul()]);
  const digest = toBinary(sha256Of(input.content));
  // DER sorts a SET OF by its encodings; the signature covers exactly these bytes.
  const attributes = [
    der.seq([der.oid(OIDS.contentType), der.set([der.oid(OIDS.data)])]),
    der.seq([der.oid(OIDS.signingTime), der.set([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(input.signingTime))])]),
    der.seq([der.oid(OIDS.messageDigest), der.set([der.octets(digest)])]),
  ]
    .map((attribute) => asn1.toDer(attribute).getBytes())
    .sort()
    .map((bytes) => asn1.fromDer(bytes));
  const signature = input.sign(fromBinary(asn1.toDer(der.set(attributes)).getBytes()));
  const certificate = pki.certificateToAsn1(input.certificate);
  const tbs = children(certificate)[0];
  const tbsItems = children(tbs);
  const versioned = isContext(tbsItems[0], 0);
  const serial = tbsItems[versioned ? 1 : 0]!;
  const issuer = tbsItems[versioned ? 3 : 2]!;
  const signerInfo = der.seq([
    der.integer('\x01'),
    der.seq([issuer, serial]),
    sha256(),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    der.seq([der.oid(OIDS.rsaEncryption), der.nul()]),
    der.octets(toBinary(signature)),
  ]);
  const certificates = [certificate, ...(input.chain ?? []).map((issuerCert) => pki.certificateToAsn1(issuerCert))];
  const signedData = der.seq([
    der.integer('\x01'),
    der.set([sha256()]),
    der.seq([der.oid(OIDS.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    der.set([signerInfo]),
  ]);
  return fromBinary(asn1.toDer(der.seq([der.oid(OIDS.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])])).getBytes());
}

/** With a forge key: the test PKI, the emulator and tests, where nothing waits for the signature. */
export function signDetached(input: SignInput): Uint8Array {
  return signDetachedWith({
    ...input,
    sign: (data) => fromBinary(input.key.sign(forge.md.sha256.create().update(toBinary(data)))),
  });
}

export interface VerifyInput {
  cms: Uint8Array;
  content: Uint8Array;
  /** The roots the gateway publishes; nothing else is trusted. DER for roots forge cannot read (GOST). */
  trustedRoots: Array<forge.pki.Certificate | Uint8Array>;
  /** CRLs of the issuers (from the gateway, possibly cached); a certificate without one is refused. */
  crls: Crl[];
  /** The IIN the signer must have (the logged-in user, the request's signer); null skips the check. */
  expectedIin: string | null;
  now: Date;
  /** How long past its nextUpdate a CRL is still believed (the supervisor's grace period); 0 when unset. */
  crlGraceMs?: number;
  /**
   * The signer's certificate (by its issuer's name hash and serial) that an OCSP responder answered
   * "good" for just now: its CRL check is skipped — the rest of the chain still needs its CRL.
   */
  ocspGood?: { issuerHash: string; serial: string } | null;
  /** The key the signature must be made with: a SIGN key (default) or, for a login, the AUTH key. */
  purpose?: 'sign' | 'auth';
  /**
   * The host's crypto provider: RSA checks (the signature, each link of the chain) run through it,
   * natively in the core and the gateway, where forge's JavaScript took ~1 ms a check. Without it,
   * forge (the renderer-free tools, tests).
   */
  crypto?: CryptoProvider;
  /**
   * The signing times this verifier can vouch for (shared/signing/window.ts). Given, a signing
   * time outside it is SIGNING_TIME_SKEW and a revoked certificate stays good for what it signed
   * before its revocation date; without it every listed serial is refused, whatever its date.
   */
  trustedTime?: TrustedTime;
}

export interface VerifiedSignature {
  signer: CertificateCard;
  signingTime: string;
  contentSha256: string;
  /** thisUpdate of the oldest CRL used, so the caller can show how fresh the revocation check was. */
  crlIssuedAt: string;
}

function invalid(message: string): ArmError {
  return new ArmError('SIGNATURE_INVALID', message);
}

type Node = forge.asn1.Asn1;

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

interface ParsedSignedData {
  certificates: forge.pki.Certificate[];
  issuerHash: string;
  serial: string;
  digestOid: string;
  signedAttributes: Node;
  signatureOid: string;
  signature: string;
}

const spkis = new WeakMap<forge.pki.Certificate, Uint8Array>();
const links = new WeakMap<forge.pki.Certificate, WeakMap<forge.pki.Certificate, boolean>>();

function parseSignedData(cms: Uint8Array): ParsedSignedData {
  let root: Node;
  try {
    // Bit strings stay raw so that re-encoding a certificate gives back its exact bytes.
    root = fromDerExact(toBinary(cms));
  } catch {
    throw invalid('not DER');
  }
  const [contentType, explicit] = children(root);
  if (oidOf(contentType) !== OIDS.signedData || !isContext(explicit, 0)) throw invalid('not a CMS SignedData');
  const items = children(children(explicit)[0]);
  const [, , encapsulated, ...rest] = items;
  if (oidOf(children(encapsulated)[0]) !== OIDS.data) throw invalid('content type is not id-data');
  if (children(encapsulated).length > 1) throw invalid('the signature is not detached');
  const certificates: forge.pki.Certificate[] = [];
  if (isContext(rest[0], 0)) {
    for (const node of children(rest.shift())) {
      const cert = cachedCertificate(asn1.toDer(node).getBytes());
      if (cert) certificates.push(cert);
    }
  }
  if (isContext(rest[0], 1)) rest.shift();
  const signerInfos = children(rest[0]);
  if (signerInfos.length !== 1) throw invalid(`expected one signer, found ${signerInfos.length}`);
  const [, sid, digestAlgorithm, signedAttributes, signatureAlgorithm, signature] = children(signerInfos[0]);
  const [issuer, serial] = children(sid);
  if (!issuer || !serial || serial.type !== asn1.Type.INTEGER) throw invalid('the signer is not named by issuer and serial number');
  if (!isContext(signedAttributes, 0) || !signedAttributes) throw invalid('no signed attributes');
  if (!signature || signature.type !== asn1.Type.OCTETSTRING) throw invalid('no signature value');
  return {
    certificates,
    issuerHash: nameHash(issuer),
    serial: normaliseSerial(forge.util.bytesToHex(serial.value as string)),
    digestOid: oidOf(children(digestAlgorithm)[0]),
    signedAttributes,
    signatureOid: oidOf(children(signatureAlgorithm)[0]),
    signature: signature.value as string,
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

/** The signed attributes are signed as a DER SET, not as the [0] IMPLICIT they are stored in. */
function signedAttributesDer(signedAttributes: Node): string {
  return asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(signedAttributes))).getBytes();
}

function spkiOf(cert: forge.pki.Certificate): Uint8Array {
  let spki = spkis.get(cert);
  if (!spki) {
    spki = fromBinary(asn1.toDer(pki.publicKeyToAsn1(cert.publicKey)).getBytes());
    spkis.set(cert, spki);
  }
  return spki;
}

/** RSASSA-PKCS1-v1_5 with SHA-256 over `data`, natively when the host gave its provider. */
function rsaSha256Verifies(signer: forge.pki.Certificate, data: string, signature: string, crypto: CryptoProvider | undefined): boolean {
  try {
    if (crypto) return crypto.verify(OIDS.sha256WithRsa, spkiOf(signer), fromBinary(data), fromBinary(signature));
    return (signer.publicKey as forge.pki.rsa.PublicKey).verify(forge.md.sha256.create().update(data).digest().getBytes(), signature);
  } catch {
    return false;
  }
}

/** Whether `parent` signed `child`; the answer is kept for the pair (both parsed from exact bytes). */
function issued(parent: forge.pki.Certificate, child: forge.pki.Certificate, crypto: CryptoProvider | undefined): boolean {
  if (parent.subject.hash !== child.issuer.hash) return false;
  let known = links.get(child);
  if (!known) {
    known = new WeakMap();
    links.set(child, known);
  }
  let answer = known.get(parent);
  if (answer === undefined) {
    answer = signatureLinks(parent, child, crypto);
    known.set(parent, answer);
  }
  return answer;
}

function signatureLinks(parent: forge.pki.Certificate, child: forge.pki.Certificate, crypto: CryptoProvider | undefined): boolean {
  try {
    // The provider knows the certificate's algorithm by its OID (sha256WithRSAEncryption…); forge the rest.
    if (crypto?.find('signature', child.signatureOid)) {
      return crypto.verify(child.signatureOid, spkiOf(parent), fromBinary(asn1.toDer(child.tbsCertificate).getBytes()), fromBinary(child.signature as string));
    }
    return parent.verify(child);
  } catch {
    return false;
  }
}

function isCa(cert: forge.pki.Certificate): boolean {
  const constraints = cert.getExtension('basicConstraints') as { cA?: boolean } | null;
  return constraints?.cA === true;
}

/** signer → … → a trusted root, each link checked by signature; CERT_UNTRUSTED when none exists. */
function chainToRoot(signer: forge.pki.Certificate, pool: forge.pki.Certificate[], roots: forge.pki.Certificate[], crypto: CryptoProvider | undefined): forge.pki.Certificate[] {
  const chain = [signer];
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const root = roots.find((candidate) => isCa(candidate) && issued(candidate, current, crypto));
    if (root) return [...chain, root];
    const intermediate = pool.find((candidate) => candidate !== current && !chain.includes(candidate) && isCa(candidate) && issued(candidate, current, crypto));
    if (!intermediate) break;
    chain.push(intermediate);
    current = intermediate;
  }
  throw new ArmError('CERT_UNTRUSTED', 'The certificate does not chain to a trusted root.');
}

/** Validity of every link at signing time (срок действия регистрационного свидетельства). */
function checkValidity(chain: forge.pki.Certificate[], at: Date): void {
  for (const cert of chain) {
    if (at < cert.validity.notBefore) throw new ArmError('CERT_NOT_YET_VALID', `Certificate ${cert.serialNumber} is not valid before ${cert.validity.notBefore.toISOString()}.`);
    if (at > cert.validity.notAfter) throw new ArmError('CERT_EXPIRED', `Certificate ${cert.serialNumber} expired on ${cert.validity.notAfter.toISOString()}.`);
  }
}

/**
 * Every non-root link must be absent from a CRL signed by its issuer — or, when the signing time
 * lies in a trusted window (`signedAt`), revoked only after it: a key revoked after signing stays
 * valid for that signature, one revoked before is refused. Without a trusted time the signing time
 * is the signer's own claim, and a stolen key could backdate it, so any listed serial is refused.
 * No CRL for an issuer fails closed (NCANode issues #158/#184 show revocation checks that
 * silently passed); a CRL past its nextUpdate (and the grace) is CRL_STALE.
 */
function checkRevocation(chain: forge.pki.Certificate[], crls: Crl[], now: Date, graceMs: number, ocspGood: VerifyInput['ocspGood'], signedAt: Date | null): Date {
  let oldest: Date | null = null;
  for (let i = 0; i + 1 < chain.length; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;
    if (i === 0 && ocspGood && ocspGood.issuerHash === cert.issuer.hash && ocspGood.serial === normaliseSerial(cert.serialNumber)) continue;
    const crl = crls.filter((candidate) => crlSignedBy(candidate, issuer)).sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())[0];
    if (!crl) throw new ArmError('CRL_UNAVAILABLE', `No valid CRL of issuer ${issuer.subject.hash}.`);
    requireFreshCrl(crl, now, graceMs);
    const revokedAt = crl.revoked.get(normaliseSerial(cert.serialNumber));
    if (revokedAt && (!signedAt || revokedAt.getTime() <= signedAt.getTime())) {
      throw new ArmError('CERT_REVOKED', `Certificate ${cert.serialNumber} is revoked since ${revokedAt.toISOString()}.`);
    }
    if (!oldest || crl.thisUpdate < oldest) oldest = crl.thisUpdate;
  }
  return oldest ?? new Date(0);
}

/** SIGNING_TIME_SKEW when a trusted window is given and the claimed signing time is outside it. */
function requireTrustedSigningTime(trustedTime: TrustedTime | undefined, notAfter: Date, signingTime: Date): void {
  const window = trustedTime?.(notAfter);
  if (window && !withinWindow(window, signingTime)) {
    throw new ArmError('SIGNING_TIME_SKEW', `Signed at ${signingTime.toISOString()}, outside ${window.earliest.toISOString()} … ${window.latest.toISOString()}.`);
  }
}

/**
 * The signer's certificate of an RSA signature and the certificates it carries, for an OCSP
 * question before the full check; null for GOST (forge cannot read it) or what does not parse.
 */
export function rsaSignerOf(cms: Uint8Array): { signer: forge.pki.Certificate; certificates: forge.pki.Certificate[] } | null {
  try {
    const parsed = parseSignedData(cms);
    if (isGostOid(parsed.digestOid) || isGostOid(parsed.signatureOid)) return null;
    const signer = parsed.certificates.find((cert) => cert.issuer.hash === parsed.issuerHash && normaliseSerial(cert.serialNumber) === parsed.serial);
    return signer ? { signer, certificates: parsed.certificates } : null;
  } catch {
    return null;
  }
}

/**
 * Checks a detached signature over `content`: hash, signature, chain, validity at signing time,
 * revocation, key usage, signer IIN (условие 2 of the regulations: срок действия, отсутствие в
 * списке отозванных, соответствие ИИН). Throws the first failing check's code.
 */
export function verifyDetached(input: VerifyInput): VerifiedSignature {
  const parsed = parseSignedData(input.cms);
  if (isGostOid(parsed.digestOid) || isGostOid(parsed.signatureOid)) {
    const roots = input.trustedRoots.map((root) => (root instanceof Uint8Array ? root : certificateDer(root)));
    const verified = verifyGostDetached({ ...input, trustedRoots: roots, maxClockSkewMs: MAX_CLOCK_SKEW_MS });
    requireTrustedSigningTime(input.trustedTime, new Date(verified.signer.notAfter), new Date(verified.signingTime));
    return { ...verified, contentSha256: sha256Hex(input.content) };
  }
  // An algorithm we cannot verify has its own code: it is never taken for a bad or a good signature.
  if (parsed.digestOid !== OIDS.sha256) throw new ArmError('SIGNATURE_ALGORITHM_UNSUPPORTED', `Digest ${parsed.digestOid} is not supported.`, undefined, { algorithm: parsed.digestOid });
  if (parsed.signatureOid !== OIDS.rsaEncryption && parsed.signatureOid !== OIDS.sha256WithRsa) {
    throw new ArmError('SIGNATURE_ALGORITHM_UNSUPPORTED', `Signature algorithm ${parsed.signatureOid} is not supported.`, undefined, { algorithm: parsed.signatureOid });
  }
  const signer = parsed.certificates.find((cert) => cert.issuer.hash === parsed.issuerHash && normaliseSerial(cert.serialNumber) === parsed.serial);
  if (!signer) throw invalid('the signer certificate is not included');

  const signed = attributes(parsed.signedAttributes);
  const contentType = signed.get(OIDS.contentType);
  const messageDigest = signed.get(OIDS.messageDigest);
  const signingTimeNode = signed.get(OIDS.signingTime);
  if (!contentType || oidOf(contentType) !== OIDS.data) throw invalid('content-type attribute missing or not id-data');
  if (!messageDigest || messageDigest.type !== asn1.Type.OCTETSTRING) throw invalid('message-digest attribute missing');
  if (!signingTimeNode) throw invalid('signing-time attribute missing');
  const contentSha256 = sha256Hex(input.content);
  if (forge.util.bytesToHex(messageDigest.value as string) !== contentSha256) throw invalid('the content does not match the signed digest');
  if (!rsaSha256Verifies(signer, signedAttributesDer(parsed.signedAttributes), parsed.signature, input.crypto)) throw invalid('the signature does not verify with the signer key');
  const signingTime = readTime(signingTimeNode);
  if (signingTime.getTime() > input.now.getTime() + MAX_CLOCK_SKEW_MS) throw invalid('the signing time is in the future');

  const rsaRoots = input.trustedRoots.map((root) => (root instanceof Uint8Array ? parseCertificate(root) : asParsed(root))).filter((root): root is forge.pki.Certificate => root !== null);
  const chain = chainToRoot(signer, parsed.certificates, rsaRoots, input.crypto);
  requireTrustedSigningTime(input.trustedTime, signer.validity.notAfter, signingTime);
  checkValidity(chain, signingTime);
  const crlIssuedAt = checkRevocation(chain, input.crls, input.now, input.crlGraceMs ?? 0, input.ocspGood, input.trustedTime ? signingTime : null);
  requireKeyPurpose(keyPurpose(signer), input.purpose ?? 'sign');
  if (input.expectedIin !== null && certificateIin(signer) !== input.expectedIin) {
    throw new ArmError('CERT_IIN_MISMATCH', 'The IIN in the certificate is not the expected signer IIN.');
  }
  return { signer: cachedCard(signer), signingTime: signingTime.toISOString(), contentSha256, crlIssuedAt: crlIssuedAt.toISOString() };
}
