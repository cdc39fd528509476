import forge from 'node-forge';
import { fromBinary, toBinary } from '../bytes';
import { OID } from '../certificate';
import type { CertificateKind, PersonSubject } from '../testPki';
import { GOST_OID, gostDigest } from './algorithms';
import type { GostProfile } from './cms';
import { encodePublicKey, encodeSignature, generatePrivateKey, publicKeyOf, signDigest, TC26_512_A } from './gost3410';
import type { GostKey } from './keyFile';
import { readCertificate, type RawCertificate } from './x509';

// A GOST test PKI: certificates and CRLs as НУЦ РК issues them (512-bit tc26 A keys, signature
// 1.2.398.3.10.1.1.2.3.2 in the reversed byte layout; profile 'kz') or with TC 26's OIDs and RFC
// 4491's layout, which OpenSSL's GOST engine reads (profile 'ru'). Tests, the fake NCALayer and
// training only: never trust it in production.

const { asn1 } = forge;
type Node = forge.asn1.Asn1;
const DAY = 24 * 60 * 60 * 1000;

const seq = (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const utf8 = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTF8, false, forge.util.encodeUtf8(value));
const printable = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.PRINTABLESTRING, false, value);
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const bits = (bytes: string, unused = 0) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, String.fromCharCode(unused) + bytes);
const bool = (value: boolean) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, value ? '\xff' : '\x00');
const der = (node: Node) => fromBinary(asn1.toDer(node).getBytes());
const time = (date: Date) =>
  date.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));

function integerFromHex(hex: string): Node {
  let bytes = forge.util.hexToBytes(hex.length % 2 ? `0${hex}` : hex);
  if (bytes.charCodeAt(0) & 0x80) bytes = `\x00${bytes}`;
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
}

function serialNumber(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return forge.util.bytesToHex(toBinary(bytes));
}

type Attribute = [oid: string, value: string, kind: 'utf8' | 'printable'];

function name(attributes: Attribute[]): Node {
  return seq(attributes.map(([type, value, kind]) => set([seq([oid(type), kind === 'utf8' ? utf8(value) : printable(value)])])));
}

const PROFILE = {
  kz: { signature: () => seq([oid(GOST_OID.kzSign512), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]), key: GOST_OID.kzKey, params: GOST_OID.kzParams512A, digest: GOST_OID.kzDigest512, layout: 'reversed' as const },
  ru: { signature: () => seq([oid(GOST_OID.sign512)]), key: GOST_OID.key512, params: GOST_OID.params512A, digest: GOST_OID.digest512, layout: 'rfc4491' as const },
};

function spki(privateKey: bigint, profile: GostProfile): Node {
  const p = PROFILE[profile];
  const key = encodePublicKey(TC26_512_A, publicKeyOf(TC26_512_A, privateKey));
  return seq([seq([oid(p.key), seq([oid(p.params), oid(p.digest)])]), bits(asn1.toDer(octets(toBinary(key))).getBytes())]);
}

/** TBS → signed certificate or CRL (same outer shape: tbs, algorithm, BIT STRING). */
function signed(tbs: Node, signerKey: bigint, profile: GostProfile): Uint8Array {
  const signature = signDigest(TC26_512_A, signerKey, gostDigest(512, der(tbs)));
  return der(seq([tbs, PROFILE[profile].signature(), bits(toBinary(encodeSignature(TC26_512_A, signature, PROFILE[profile].layout)))]));
}

function extension(id: string, critical: boolean, value: Node): Node {
  return seq([oid(id), ...(critical ? [bool(true)] : []), octets(asn1.toDer(value).getBytes())]);
}

const keyUsage = (byte: number) => {
  let unused = 0;
  while (unused < 7 && ((byte >> unused) & 1) === 0) unused++;
  return bits(String.fromCharCode(byte), unused);
};

function subjectKeyIdentifier(key: Node): Node {
  const bitString = (key.value as Node[])[1]!.value as string;
  return octets(forge.md.sha1.create().update(bitString.slice(1)).digest().getBytes());
}

export interface GostIssued {
  certificate: RawCertificate;
  key: GostKey;
}

function certificate(input: { serial: string; issuer: Node; subject: Node; notBefore: Date; notAfter: Date; subjectKey: bigint; signerKey: bigint; extensions: Node[]; profile: GostProfile }): RawCertificate {
  const subjectPublicKey = spki(input.subjectKey, input.profile);
  const tbs = seq([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\x02')]),
    integerFromHex(input.serial),
    PROFILE[input.profile].signature(),
    input.issuer,
    seq([time(input.notBefore), time(input.notAfter)]),
    input.subject,
    subjectPublicKey,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 3, true, [seq([...input.extensions, extension('2.5.29.14', false, subjectKeyIdentifier(subjectPublicKey))])]),
  ]);
  const cert = readCertificate(signed(tbs, input.signerKey, input.profile));
  if (!cert) throw new Error('a GOST certificate made here cannot be read back');
  return cert;
}

const keyOf = (cert: RawCertificate, privateKey: bigint, chain: Uint8Array[]): GostKey => ({ curve: TC26_512_A, privateKey, certificate: cert, chain });

export function createGostRoot(options: { now: Date; commonName: string; profile?: GostProfile }): GostIssued {
  const privateKey = generatePrivateKey(TC26_512_A);
  const subject = name([[OID.commonName, options.commonName, 'utf8'], [OID.country, 'KZ', 'printable']]);
  const cert = certificate({
    serial: serialNumber(),
    issuer: subject,
    subject,
    notBefore: new Date(options.now.getTime() - DAY),
    notAfter: new Date(options.now.getTime() + 10 * 365 * DAY),
    subjectKey: privateKey,
    signerKey: privateKey,
    extensions: [extension('2.5.29.19', true, seq([bool(true)])), extension('2.5.29.15', true, keyUsage(0x06))],
    profile: options.profile ?? 'kz',
  });
  return { certificate: cert, key: keyOf(cert, privateKey, []) };
}

const ROLE_OIDS = { head: OID.ncaHead, maySign: '1.2.398.3.3.4.1.2.2', employee: OID.ncaEmployee } as const;

export interface GostIssueOptions {
  issuer: GostIssued;
  person: PersonSubject;
  kind: CertificateKind;
  notBefore: Date;
  notAfter: Date;
  organisationRole?: keyof typeof ROLE_OIDS;
  profile?: GostProfile;
}

/** A holder's key as НУЦ РК issues it: the subject fields, KU/EKU of a SIGN or AUTH key, the key-user OIDs. */
export function issueGostCertificate(options: GostIssueOptions): GostIssued {
  const { person } = options;
  const privateKey = generatePrivateKey(TC26_512_A);
  const subject = name([
    [OID.commonName, `${person.surname} ${person.firstName}`, 'utf8'],
    [OID.surname, person.surname, 'utf8'],
    [OID.serialNumber, `IIN${person.iin}`, 'printable'],
    [OID.country, 'KZ', 'printable'],
    ...(person.organisation
      ? ([
          [OID.organisation, person.organisation.name, 'utf8'],
          [OID.organisationalUnit, `BIN${person.organisation.bin}`, 'printable'],
        ] as Attribute[])
      : []),
    [OID.givenName, person.patronymic, 'utf8'],
  ]);
  const keyUser = person.organisation ? [OID.ncaOrganisation, ...(options.organisationRole ? [ROLE_OIDS[options.organisationRole]] : [])] : [OID.ncaIndividual];
  const sign = options.kind === 'sign';
  const cert = certificate({
    serial: serialNumber(),
    issuer: fromDerName(options.issuer.certificate.subject.der),
    subject,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    subjectKey: privateKey,
    signerKey: options.issuer.key.privateKey,
    extensions: [
      extension('2.5.29.19', false, seq([])),
      // SIGN: digitalSignature + nonRepudiation; AUTH: digitalSignature + keyEncipherment (NCA's mapping).
      extension('2.5.29.15', true, keyUsage(sign ? 0xc0 : 0xa0)),
      extension('2.5.29.37', false, seq([oid(sign ? OID.emailProtection : OID.clientAuth), ...keyUser.map(oid)])),
    ],
    profile: options.profile ?? 'kz',
  });
  return { certificate: cert, key: keyOf(cert, privateKey, [options.issuer.certificate.der]) };
}

function fromDerName(bytes: Uint8Array): Node {
  return asn1.fromDer(toBinary(bytes));
}

export interface GostCrlInput {
  issuer: GostIssued;
  revoked: Array<{ serialNumber: string; date: Date }>;
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
  profile?: GostProfile;
}

/** A v2 CRL signed with the issuer's GOST key (RFC 5280 §5). */
export function buildGostCrl(input: GostCrlInput): Uint8Array {
  const profile = input.profile ?? 'kz';
  const entries = input.revoked.map((entry) => seq([integerFromHex(entry.serialNumber), time(entry.date)]));
  const crlNumber = seq([oid('2.5.29.20'), octets(asn1.toDer(integerFromHex(input.crlNumber.toString(16))).getBytes())]);
  const tbs = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\x01'),
    PROFILE[profile].signature(),
    fromDerName(input.issuer.certificate.subject.der),
    time(input.thisUpdate),
    time(input.nextUpdate),
    ...(entries.length ? [seq(entries)] : []),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [seq([crlNumber])]),
  ]);
  return signed(tbs, input.issuer.key.privateKey, profile);
}

/** PEM of a certificate or CRL made here, for OpenSSL and for the gateway's trust files. */
export function gostPem(type: 'CERTIFICATE' | 'X509 CRL', bytes: Uint8Array): string {
  return forge.pem.encode({ type, body: toBinary(bytes) });
}
