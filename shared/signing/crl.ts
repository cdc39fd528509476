import forge from 'node-forge';
import { ArmError } from '../api/errors';
import { fromDerExact, nameHash } from './asn1';
import { fromBinary, toBinary } from './bytes';
import { asParsed, certificateDer } from './certificate';

// A CRL (список отозванных регистрационных свидетельств). node-forge has no CRL support, so the
// few fields the checks need are read and written with its ASN.1 layer (RFC 5280 §5).

const { asn1 } = forge;
const SIGNATURE_DIGESTS: Record<string, () => forge.md.MessageDigest> = {
  '1.2.840.113549.1.1.11': () => forge.md.sha256.create(),
  '1.2.840.113549.1.1.12': () => forge.md.sha384.create(),
  '1.2.840.113549.1.1.13': () => forge.md.sha512.create(),
};
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const CRL_NUMBER = '2.5.29.20';

export interface Crl {
  /** forge's hash of the issuer name, comparable with a certificate's `issuer.hash`. */
  issuerHash: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Serial number (lower-case hex, no leading zeros) → revocation date. */
  revoked: Map<string, Date>;
  tbsDer: string;
  signatureOid: string;
  signature: string;
}

export function normaliseSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, '');
}

function readTime(node: forge.asn1.Asn1): Date {
  if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(node.value as string);
  if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value as string);
  throw new Error('not a time');
}

function isTime(node: forge.asn1.Asn1 | undefined): node is forge.asn1.Asn1 {
  return node?.tagClass === asn1.Class.UNIVERSAL && (node.type === asn1.Type.UTCTIME || node.type === asn1.Type.GENERALIZEDTIME);
}

/** Reads a CRL from DER or PEM; CRL_UNAVAILABLE when it is not one. */
export function parseCrl(input: Uint8Array | string): Crl {
  try {
    const der = typeof input === 'string' ? forge.pem.decode(input).find((block) => block.type === 'X509 CRL')?.body : toBinary(input);
    if (!der) throw new Error('no X509 CRL block');
    const list = fromDerExact(der);
    const [tbs, algorithm, signature] = list.value as forge.asn1.Asn1[];
    if (!tbs || !algorithm || !signature) throw new Error('not a CertificateList');
    const items = [...(tbs.value as forge.asn1.Asn1[])];
    if (items[0]?.type === asn1.Type.INTEGER) items.shift();
    const [, issuer, thisUpdate, ...rest] = items;
    if (!issuer || !isTime(thisUpdate)) throw new Error('bad TBSCertList');
    const nextUpdate = isTime(rest[0]) ? rest.shift()! : null;
    const revoked = new Map<string, Date>();
    const entries = rest[0]?.tagClass === asn1.Class.UNIVERSAL && rest[0].type === asn1.Type.SEQUENCE ? (rest[0].value as forge.asn1.Asn1[]) : [];
    for (const entry of entries) {
      const [serial, date] = entry.value as forge.asn1.Asn1[];
      if (!serial || !date) throw new Error('bad revoked entry');
      revoked.set(normaliseSerial(forge.util.bytesToHex(serial.value as string)), readTime(date));
    }
    const bits = signature.value as string;
    return {
      issuerHash: nameHash(issuer),
      thisUpdate: readTime(thisUpdate),
      nextUpdate: nextUpdate ? readTime(nextUpdate) : null,
      revoked,
      tbsDer: asn1.toDer(tbs).getBytes(),
      signatureOid: asn1.derToOid((algorithm.value as forge.asn1.Asn1[])[0]!.value as string),
      // BIT STRING: the first byte counts unused bits, always 0 for an RSA signature.
      signature: bits.slice(1),
    };
  } catch (error) {
    throw new ArmError('CRL_UNAVAILABLE', `Not a CRL: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** CRL_STALE when the CRL relied on is past its nextUpdate (plus the grace period) at `now`. */
export function requireFreshCrl(crl: Crl, now: Date, graceMs: number): void {
  if (crl.nextUpdate && now.getTime() > crl.nextUpdate.getTime() + graceMs) {
    throw new ArmError('CRL_STALE', `The revocation list was due to be replaced on ${crl.nextUpdate.toISOString()}.`);
  }
}

/** True when `issuer` signed this CRL; a CRL is believed only then. */
export function crlSignedBy(crl: Crl, issuer: forge.pki.Certificate): boolean {
  const digest = SIGNATURE_DIGESTS[crl.signatureOid];
  if (!digest || crl.issuerHash !== asParsed(issuer).subject.hash) return false;
  // A parsed CRL is checked against every signature that arrives until the next one: its verdict
  // per issuer key is kept with it (the CRL object never changes).
  const key = modulusHex(issuer);
  const known = crlVerdicts.get(crl)?.get(key);
  if (known !== undefined) return known;
  let verdict: boolean;
  try {
    const md = digest().update(crl.tbsDer);
    verdict = (issuer.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().getBytes(), crl.signature);
  } catch {
    verdict = false;
  }
  crlVerdicts.set(crl, (crlVerdicts.get(crl) ?? new Map<string, boolean>()).set(key, verdict));
  return verdict;
}

const crlVerdicts = new WeakMap<Crl, Map<string, boolean>>();

// The issuer's modulus in hex names its key in the verdicts; forge's big-number printing took a
// tenth of the gateway's signature check, so it is done once per certificate object.
const moduli = new WeakMap<forge.pki.Certificate, string>();
function modulusHex(issuer: forge.pki.Certificate): string {
  let hex = moduli.get(issuer);
  if (hex === undefined) {
    hex = (issuer.publicKey as forge.pki.rsa.PublicKey).n.toString(16);
    moduli.set(issuer, hex);
  }
  return hex;
}

/** The subject Name exactly as encoded in the certificate (re-encoding a parsed name could differ). */
function subjectAsn1(cert: forge.pki.Certificate): forge.asn1.Asn1 {
  const tbs = (asn1.fromDer(toBinary(certificateDer(cert))).value as forge.asn1.Asn1[])[0]!;
  const items = tbs.value as forge.asn1.Asn1[];
  const offset = items[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return items[offset + 4]!;
}

function time(date: Date): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
}

function integerFromHex(hex: string): forge.asn1.Asn1 {
  let bytes = forge.util.hexToBytes(hex.length % 2 ? `0${hex}` : hex);
  if (bytes.charCodeAt(0) & 0x80) bytes = `\x00${bytes}`;
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
}

// The trust the АРМ checks every signature against is stored as PEM and read for every check;
// a CRL of НУЦ РК runs to megabytes. Each text is parsed once per process (and so its signature,
// whose verdict crlSignedBy keeps with the parsed object, is checked once). The objects are only
// read after parsing.
const CACHED_CRLS = 50;
const parsedCrls = new Map<string, Crl>();
/** parseCrl of a PEM text, once per text; throws as parseCrl does (a failure is not kept). */
export function cachedCrl(pem: string): Crl {
  let crl = parsedCrls.get(pem);
  if (!crl) {
    crl = parseCrl(pem);
    if (parsedCrls.size >= CACHED_CRLS) parsedCrls.clear();
    parsedCrls.set(pem, crl);
  }
  return crl;
}

export interface CrlInput {
  issuer: forge.pki.Certificate;
  issuerKey: forge.pki.rsa.PrivateKey;
  revoked: Array<{ serialNumber: string; date: Date }>;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
}

/** Issues a v2 CRL signed with SHA-256/RSA (test PKI and the gateway emulator's CRL endpoint). */
export function buildCrl(input: CrlInput): Uint8Array {
  const algorithm = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(SHA256_WITH_RSA).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  ]);
  const entries = input.revoked.map((entry) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [integerFromHex(entry.serialNumber), time(entry.date)]),
  );
  const crlNumber = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(CRL_NUMBER).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(integerFromHex(input.crlNumber.toString(16))).getBytes()),
  ]);
  const tbs = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\x01'),
    algorithm,
    subjectAsn1(input.issuer),
    time(input.thisUpdate),
    time(input.nextUpdate),
    ...(entries.length ? [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, entries)] : []),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [crlNumber])]),
  ]);
  const md = forge.md.sha256.create().update(asn1.toDer(tbs).getBytes());
  const signature = input.issuerKey.sign(md);
  const list = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithm,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\x00${signature}`),
  ]);
  return fromBinary(asn1.toDer(list).getBytes());
}

export function crlPem(der: Uint8Array): string {
  return forge.pem.encode({ type: 'X509 CRL', body: toBinary(der) });
}
