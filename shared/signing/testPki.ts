import forge from 'node-forge';
import type { Role } from '../api/roles';
import { iinCheckDigit, makeIin } from '../iin/iin';
import { fromBinary } from './bytes';
import { OID } from './certificate';
import { buildCrl } from './crl';
import { REFERENCE_SIGNER_BIN } from '../gateway/reference';

// A test PKI shaped like НУЦ РК's (subject CN, SURNAME, SERIALNUMBER=IIN…, C=KZ, GIVENNAME, O,
// OU=BIN…; KU/EKU as in the NCA test certificates of ANCHORS.md). Pure: the АРМ's tests, the
// gateway emulator's tests and `npm run pki:demo` all build it from here. Never trust it in production.

const { pki } = forge;

export const TEST_ROOT_NAME = 'ARM TEST Root CA - NOT FOR PRODUCTION';
/** The password of every demo .p12 (docs/pki-demo.md). */
export const DEMO_PASSWORD = 'demo-2026';

const DAY = 24 * 60 * 60 * 1000;

export interface Issued {
  certificate: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

export interface PersonSubject {
  surname: string;
  /** NCA puts the first name in CN after the surname and the patronymic (әкесінің аты / отчество) in GIVENNAME. */
  firstName: string;
  patronymic: string;
  iin: string;
  organisation?: { name: string; bin: string };
}

export type CertificateKind = 'sign' | 'auth';

function serialNumber(): string {
  const bytes = forge.random.getBytesSync(16);
  // Positive and without a leading zero byte, so the DER INTEGER is exactly these 16 bytes.
  return forge.util.bytesToHex(String.fromCharCode((bytes.charCodeAt(0) & 0x7f) | 0x10) + bytes.slice(1));
}

/** RSA-2048; forge hands this to Node's native generator when it runs under Node. */
export function generateKey(): forge.pki.rsa.KeyPair {
  return pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
}

/** The same, on Node's thread pool: a whole demo PKI's keys are made in parallel. */
export function generateKeyAsync(): Promise<forge.pki.rsa.KeyPair> {
  return new Promise((resolve, reject) => {
    pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }, (error, keys) => (error ? reject(error) : resolve(keys)));
  });
}

const utf8 = (type: string, value: string) => ({ type, value, valueTagClass: forge.asn1.Type.UTF8 as number });
const printable = (type: string, value: string) => ({ type, value, valueTagClass: forge.asn1.Type.PRINTABLESTRING as number });

export function createTestRoot(options: { now: Date; keys?: forge.pki.rsa.KeyPair; commonName?: string }): Issued {
  const keys = options.keys ?? generateKey();
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(options.now.getTime() - DAY);
  cert.validity.notAfter = new Date(options.now.getTime() + 10 * 365 * DAY);
  const name = [utf8(OID.commonName, options.commonName ?? TEST_ROOT_NAME), utf8(OID.organisation, 'ARM training PKI (TEST)'), printable(OID.country, 'KZ')];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certificate: cert, key: keys.privateKey };
}

export interface IssueOptions {
  issuer: Issued;
  person: PersonSubject;
  kind: CertificateKind;
  notBefore: Date;
  notAfter: Date;
  keys?: forge.pki.rsa.KeyPair;
  /** For organisation keys: the holder's role, written as NCA does after 1.2.398.3.3.4.1.2 in the EKU. */
  organisationRole?: 'head' | 'maySign' | 'employee';
}

const ORGANISATION_ROLE_OIDS = { head: OID.ncaHead, maySign: '1.2.398.3.3.4.1.2.2', employee: OID.ncaEmployee } as const;

export function issueCertificate(options: IssueOptions): Issued {
  const keys = options.keys ?? generateKey();
  const { person } = options;
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject([
    utf8(OID.commonName, `${person.surname} ${person.firstName}`),
    utf8(OID.surname, person.surname),
    printable(OID.serialNumber, `IIN${person.iin}`),
    printable(OID.country, 'KZ'),
    ...(person.organisation ? [utf8(OID.organisation, person.organisation.name), printable(OID.organisationalUnit, `BIN${person.organisation.bin}`)] : []),
    utf8(OID.givenName, person.patronymic),
  ]);
  cert.setIssuer(options.issuer.certificate.subject.attributes);
  const keyUser = person.organisation ? OID.ncaOrganisation : OID.ncaIndividual;
  const roleOid = person.organisation && options.organisationRole ? { [ORGANISATION_ROLE_OIDS[options.organisationRole]]: true } : {};
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    options.kind === 'sign'
      ? { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    options.kind === 'sign'
      ? { name: 'extKeyUsage', emailProtection: true, [keyUser]: true, ...roleOid }
      : { name: 'extKeyUsage', clientAuth: true, [keyUser]: true, ...roleOid },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(options.issuer.key, forge.md.sha256.create());
  return { certificate: cert, key: keys.privateKey };
}

/**
 * The CA's delegated OCSP responder (RFC 6960 §4.2.2.2): its own key, id-kp-OCSPSigning, and
 * id-pkix-ocsp-nocheck, as НУЦ РК's responder certificate; the gateway emulator answers with it.
 */
export function issueOcspResponder(options: { issuer: Issued; now: Date; keys?: forge.pki.rsa.KeyPair; commonName?: string }): Issued {
  const keys = options.keys ?? generateKey();
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(options.now.getTime() - DAY);
  cert.validity.notAfter = new Date(options.now.getTime() + 365 * DAY);
  cert.setSubject([utf8(OID.commonName, options.commonName ?? 'ARM TEST OCSP Responder - NOT FOR PRODUCTION'), utf8(OID.organisation, 'ARM training PKI (TEST)'), printable(OID.country, 'KZ')]);
  cert.setIssuer(options.issuer.certificate.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', '1.3.6.1.5.5.7.3.9': true },
    { id: '1.3.6.1.5.5.7.48.1.5', value: forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, '')).getBytes() },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(options.issuer.key, forge.md.sha256.create());
  return { certificate: cert, key: keys.privateKey };
}

/**
 * PKCS#12 with 3DES and a SHA-1 MAC: what NCA's files and Kalkan use, and what OpenSSL 3 opens
 * without its legacy provider.
 */
export function pkcs12Bytes(issued: Issued, chain: forge.pki.Certificate[], password: string, friendlyName: string): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(issued.key, [issued.certificate, ...chain], password, { algorithm: '3des', friendlyName, generateLocalKeyId: true });
  return fromBinary(forge.asn1.toDer(asn1).getBytes());
}

/** A valid BIN: YYMM of registration, 4 (resident legal entity), 0 (head office), serial, check digit as the IIN's. */
export function makeBin(yymm: string, serial: number): string {
  for (let next = serial; ; next++) {
    const first11 = `${yymm}40${String(next).padStart(5, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}

function iin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  for (let next = serial; ; next++) {
    const value = makeIin(birthDate, sex, next);
    if (value) return value;
  }
}

const CENTRE = { name: 'НАО «Государственная корпорация «Правительство для граждан» (TEST)', bin: makeBin('1603', 1201) };
const EDUCATION = { name: 'ГУ «Отдел образования Кокпектинского района» (TEST)', bin: makeBin('0511', 3307) };

/**
 * The gateway's reference-data key (issue 14 item 4): an organisation SIGN key of the gateway's
 * operator (REFERENCE_SIGNER_BIN), under the TEST root like every other key, valid for a year.
 */
export async function issueReferenceDataKey(root: Issued, now: Date): Promise<Issued> {
  const operator = { name: 'АО «Национальные информационные технологии» (TEST)', bin: REFERENCE_SIGNER_BIN };
  const person: PersonSubject = { surname: 'ШЛЮЗ', firstName: 'СПРАВОЧНИКИ', patronymic: 'ТЕСТ', iin: iin('1970-01-01', 'male', 9001), organisation: operator };
  return issueCertificate({ issuer: root, person, kind: 'sign', notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 365 * DAY), keys: await generateKeyAsync(), organisationRole: 'employee' });
}

export type DemoKeyId =
  | 'operator'
  | 'mobileOperator'
  | 'officeWorker'
  | 'clerk'
  | 'head'
  | 'supervisor'
  | 'revoked'
  | 'expired'
  | 'foreignIin'
  | 'operatorAuth'
  | 'citizen'
  | 'citizenGuardian'
  | 'citizenRevoked'
  | 'citizenExpired'
  | 'clerkAuth'
  | 'headAuth';

export interface DemoKeyDefinition {
  id: DemoKeyId;
  /**
   * The АРМ role whose user the key belongs to (for the bad keys: the role they try to pass as);
   * `citizen` for a private person's own key, which signs on the emulator's portal page.
   */
  role: Role | 'citizen';
  person: PersonSubject;
  kind: CertificateKind;
  /** expiring: 20 days left, inside the 30-day warning (key expiry, issue 15 item 7). */
  validity: 'current' | 'expired' | 'expiring';
  revoked: boolean;
  /** For foreignIin: the IIN of the user who tries to sign with it. */
  userIin: string;
  note: string;
}

const operator: PersonSubject = { surname: 'СӘРСЕНОВА', firstName: 'АЙГҮЛ', patronymic: 'МАРАТҚЫЗЫ', iin: iin('1992-03-14', 'female', 1021), organisation: CENTRE };

const people = {
  operator,
  mobileOperator: { surname: 'ЖАҚСЫЛЫҚОВ', firstName: 'ЕРЛАН', patronymic: 'ҚАЙРАТҰЛЫ', iin: iin('1988-11-02', 'male', 2044), organisation: CENTRE },
  officeWorker: { surname: 'ИСМАИЛОВА', firstName: 'ЖАНАР', patronymic: 'ТАЛҒАТҚЫЗЫ', iin: iin('1990-04-18', 'female', 6120), organisation: EDUCATION },
  clerk: { surname: 'ОМАРОВА', firstName: 'ГҮЛНАР', patronymic: 'СЕРІКҚЫЗЫ', iin: iin('1985-07-21', 'female', 3106), organisation: EDUCATION },
  head: { surname: 'БЕКОВ', firstName: 'АСХАТ', patronymic: 'НҰРЛАНҰЛЫ', iin: iin('1975-01-30', 'male', 4150), organisation: EDUCATION },
  supervisor: { surname: 'ТЕМІРОВА', firstName: 'САУЛЕ', patronymic: 'АЙДАРҚЫЗЫ', iin: iin('1980-09-09', 'female', 5210), organisation: CENTRE },
  expired: { surname: 'ЖҰМАБАЕВА', firstName: 'ДИНАРА', patronymic: 'АСҚАРҚЫЗЫ', iin: iin('1994-12-05', 'female', 7402), organisation: CENTRE },
} satisfies Record<string, PersonSubject>;

/**
 * Demo citizens of the emulator's portal (gateway/portal): persons of its ГБД ФЛ demo data
 * (gateway/seed/demo.ts: the mother and the guardian), with private persons' keys (no organisation).
 */
const citizens = {
  mother: { surname: 'САРСЕНБАЕВА', firstName: 'АЙГЕРИМ', patronymic: 'ЕРЛАНОВНА', iin: '900412400014' },
  guardian: { surname: 'КУЗНЕЦОВА', firstName: 'ОЛЬГА', patronymic: 'ВИКТОРОВНА', iin: '751130400011' },
} satisfies Record<string, PersonSubject>;

/** The operator's name with the IIN of a person who is not a demo user. */
const foreign: PersonSubject = { ...operator, iin: iin('1979-06-27', 'male', 8503) };

export const DEMO_KEYS: readonly DemoKeyDefinition[] = [
  { id: 'operator', role: 'operator', person: people.operator, kind: 'sign', validity: 'current', revoked: false, userIin: people.operator.iin, note: 'ЦОН operator, signs requests' },
  { id: 'mobileOperator', role: 'mobileOperator', person: people.mobileOperator, kind: 'sign', validity: 'current', revoked: false, userIin: people.mobileOperator.iin, note: 'mobile-centre operator' },
  { id: 'officeWorker', role: 'officeWorker', person: people.officeWorker, kind: 'sign', validity: 'current', revoked: false, userIin: people.officeWorker.iin, note: "provider's office worker, signs requests taken in at the office" },
  { id: 'clerk', role: 'clerk', person: people.clerk, kind: 'sign', validity: 'current', revoked: false, userIin: people.clerk.iin, note: 'executor (ответственный исполнитель) of the education department' },
  { id: 'head', role: 'head', person: people.head, kind: 'sign', validity: 'current', revoked: false, userIin: people.head.iin, note: 'head of department, signs results' },
  { id: 'supervisor', role: 'supervisor', person: people.supervisor, kind: 'sign', validity: 'current', revoked: false, userIin: people.supervisor.iin, note: 'centre supervisor' },
  // The operator's own second key, so that signing with it as the operator reaches the revocation check (not an IIN mismatch).
  { id: 'revoked', role: 'operator', person: people.operator, kind: 'sign', validity: 'current', revoked: true, userIin: people.operator.iin, note: "the operator's second key, listed in the CRL → CERT_REVOKED" },
  { id: 'expired', role: 'operator', person: people.expired, kind: 'sign', validity: 'expired', revoked: false, userIin: people.expired.iin, note: 'expired a year ago → CERT_EXPIRED' },
  { id: 'foreignIin', role: 'operator', person: foreign, kind: 'sign', validity: 'current', revoked: false, userIin: people.operator.iin, note: "operator's name, somebody else's IIN → CERT_IIN_MISMATCH" },
  { id: 'operatorAuth', role: 'operator', person: people.operator, kind: 'auth', validity: 'current', revoked: false, userIin: people.operator.iin, note: 'login (AUTH) key, not for signing → CERT_KEY_USAGE' },
  { id: 'citizen', role: 'citizen', person: citizens.mother, kind: 'sign', validity: 'current', revoked: false, userIin: citizens.mother.iin, note: 'portal citizen (the demo mother), signs her own requests' },
  { id: 'citizenGuardian', role: 'citizen', person: citizens.guardian, kind: 'sign', validity: 'current', revoked: false, userIin: citizens.guardian.iin, note: 'portal citizen (the demo guardian); the mother signing with it → CERT_IIN_MISMATCH' },
  { id: 'citizenRevoked', role: 'citizen', person: citizens.mother, kind: 'sign', validity: 'current', revoked: true, userIin: citizens.mother.iin, note: "the mother's second key, listed in the CRL → CERT_REVOKED on the portal" },
  { id: 'citizenExpired', role: 'citizen', person: citizens.mother, kind: 'sign', validity: 'expired', revoked: false, userIin: citizens.mother.iin, note: "the mother's old key, expired a year ago → CERT_EXPIRED on the portal" },
  { id: 'clerkAuth', role: 'clerk', person: people.clerk, kind: 'auth', validity: 'current', revoked: false, userIin: people.clerk.iin, note: "the clerk's login (AUTH) key: log in by key" },
  { id: 'headAuth', role: 'head', person: people.head, kind: 'auth', validity: 'expiring', revoked: false, userIin: people.head.iin, note: "the head's login (AUTH) key, 20 days left → the expiry warning" },
];

export interface DemoKey extends DemoKeyDefinition, Issued {
  /** The .p12 file, made on first use (its PBE rounds are slow in pure JS and most tests never read it). */
  readonly p12: Uint8Array;
}

export interface DemoPki {
  root: Issued;
  crl: Uint8Array;
  /** The root's OCSP responder (the gateway emulator's). */
  ocsp: Issued;
  keys: Record<DemoKeyId, DemoKey>;
}

/**
 * Builds the demo PKI at `now`: current keys valid for one year (as NCA's), the CRL for a week.
 * `only` limits the keys made (RSA-2048 generation and forge's signing are the slow part of tests);
 * the others are then absent, so a test asking for one fails loudly.
 */
export async function createDemoPki(options: { now: Date; password?: string; only?: readonly DemoKeyId[] }): Promise<DemoPki> {
  const { now } = options;
  const password = options.password ?? DEMO_PASSWORD;
  const definitions = DEMO_KEYS.filter((definition) => !options.only || options.only.includes(definition.id));
  const [rootKeys, ocspKeys, ...personKeys] = await Promise.all([generateKeyAsync(), generateKeyAsync(), ...definitions.map(() => generateKeyAsync())]);
  const root = createTestRoot({ now, keys: rootKeys! });
  const ocsp = issueOcspResponder({ issuer: root, now, keys: ocspKeys! });
  const keys = {} as Record<DemoKeyId, DemoKey>;
  for (const [index, definition] of definitions.entries()) {
    const expired = definition.validity === 'expired';
    const notBefore = new Date(now.getTime() - (expired ? 2 * 365 : 1) * DAY);
    const notAfter = new Date(now.getTime() + (expired ? -365 : definition.validity === 'expiring' ? 20 : 365) * DAY);
    // The head holds a first-head key; everybody else an employee key of their organisation.
    const organisationRole = definition.role === 'head' ? 'head' : 'employee';
    // (a citizen's person has no organisation: issueCertificate makes a private person's key)
    const issued = issueCertificate({ issuer: root, person: definition.person, kind: definition.kind, notBefore, notAfter, keys: personKeys[index]!, organisationRole });
    let p12: Uint8Array | null = null;
    keys[definition.id] = {
      ...definition,
      ...issued,
      get p12() {
        return (p12 ??= pkcs12Bytes(issued, [root.certificate], password, definition.id));
      },
    };
  }
  const crl = buildCrl({
    issuer: root.certificate,
    issuerKey: root.key,
    revoked: Object.values(keys)
      .filter((key) => key.revoked)
      .map((key) => ({ serialNumber: key.certificate.serialNumber, date: new Date(now.getTime() - DAY) })),
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 7 * DAY),
    crlNumber: 1,
  });
  return { root, crl, ocsp, keys };
}
