import forge from 'node-forge';
import type { CertificateCard, KeyPurpose } from './card';
import { fromBinary, sha256Hex, toBinary } from './bytes';

const { asn1, pki } = forge;

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  email: '1.2.840.113549.1.9.1',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  /** NCA key-user policies (CertificateKeyUser in NCANode): individual, organisation, its head, its employee. */
  ncaIndividual: '1.2.398.3.3.4.1.1',
  ncaOrganisation: '1.2.398.3.3.4.1.2',
  ncaHead: '1.2.398.3.3.4.1.2.1',
  ncaEmployee: '1.2.398.3.3.4.1.2.5',
} as const;

const DN_LABELS: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.surname]: 'SURNAME',
  [OID.serialNumber]: 'SERIALNUMBER',
  [OID.country]: 'C',
  [OID.organisation]: 'O',
  [OID.organisationalUnit]: 'OU',
  [OID.givenName]: 'GIVENNAME',
  [OID.email]: 'E',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** Reads a certificate from DER or PEM; null when the bytes are not an RSA X.509 certificate. */
export function parseCertificate(input: Uint8Array | string): forge.pki.Certificate | null {
  try {
    if (typeof input === 'string') return pki.certificateFromPem(input);
    return pki.certificateFromAsn1(asn1.fromDer(toBinary(input)));
  } catch {
    return null;
  }
}

// The same signers' certificates come back signature after signature (the gateway checks every
// message's, the АРМ every document's, an operator signs with the same key all day): each is
// parsed and its card read once per process, keyed by its exact DER bytes, so what is used is what
// arrived. Bounded, as signers come and go; the objects are only read after parsing.
const CACHED_CERTIFICATES = 1000;
const parsedCertificates = new Map<string, forge.pki.Certificate | null>();
/** parseCertificate, once per DER (a binary string); the result must not be changed. */
export function cachedCertificate(der: string): forge.pki.Certificate | null {
  let cert = parsedCertificates.get(der);
  if (cert === undefined) {
    if (parsedCertificates.size >= CACHED_CERTIFICATES) parsedCertificates.clear();
    cert = parseCertificate(fromBinary(der));
    parsedCertificates.set(der, cert);
  }
  return cert;
}
const cards = new WeakMap<forge.pki.Certificate, CertificateCard>();
/** certificateCard, once per certificate object; a copy each time, as a caller may change it. */
export function cachedCard(cert: forge.pki.Certificate): CertificateCard {
  let card = cards.get(cert);
  if (!card) {
    card = certificateCard(cert);
    cards.set(cert, card);
  }
  return structuredClone(card);
}

export function certificateDer(cert: forge.pki.Certificate): Uint8Array {
  return fromBinary(asn1.toDer(pki.certificateToAsn1(cert)).getBytes());
}

/**
 * The same certificate as if read from its DER. forge fills `subject.hash` / `issuer.hash` only
 * when it parses, so certificates made in memory (the test PKI) go through this before comparisons.
 */
export function asParsed(cert: forge.pki.Certificate): forge.pki.Certificate {
  if (cert.subject.hash && cert.issuer.hash) return cert;
  const parsed = parseCertificate(certificateDer(cert));
  if (!parsed) throw new Error('A certificate forge made cannot be read back.');
  return parsed;
}

export function certificatePem(cert: forge.pki.Certificate): string {
  return pki.certificateToPem(cert);
}

/** forge keeps attribute values as raw bytes; Kazakh names are UTF8String (sometimes BMPString). */
function attributeText(attribute: forge.pki.CertificateField): string {
  const raw = typeof attribute.value === 'string' ? attribute.value : String(attribute.value ?? '');
  const tag = attribute.valueTagClass as unknown as number;
  if (tag === asn1.Type.UTF8) return forge.util.decodeUtf8(raw);
  if (tag === asn1.Type.BMPSTRING) {
    let text = '';
    for (let i = 0; i + 1 < raw.length; i += 2) text += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return text;
  }
  return raw;
}

function field(name: forge.pki.Certificate['subject'], oid: string): string[] {
  return name.attributes.filter((attribute) => attribute.type === oid).map(attributeText);
}

export function distinguishedName(name: forge.pki.Certificate['subject']): string {
  return name.attributes.map((attribute) => `${DN_LABELS[attribute.type ?? ''] ?? attribute.type}=${attributeText(attribute)}`).join(', ');
}

/** IIN from SERIALNUMBER=IIN<12 digits>, as NCA and NCANode's CertificateWrapper read it. */
export function certificateIin(cert: forge.pki.Certificate): string | null {
  for (const value of field(cert.subject, OID.serialNumber)) {
    const match = /^IIN(\d{12})$/.exec(value);
    if (match?.[1]) return match[1];
  }
  return null;
}

function certificateBin(cert: forge.pki.Certificate): string | null {
  for (const value of field(cert.subject, OID.organisationalUnit)) {
    const match = /^BIN(\d{12})$/.exec(value);
    if (match?.[1]) return match[1];
  }
  return null;
}

export function keyUsage(cert: forge.pki.Certificate): string[] | null {
  const extension = cert.getExtension('keyUsage') as Record<string, unknown> | null;
  if (!extension) return null;
  return KEY_USAGE_BITS.filter((bit) => extension[bit] === true);
}

/** EKU as OIDs: forge names the OIDs it knows and drops nothing, but NCA's policies have no names. */
export function extendedKeyUsage(cert: forge.pki.Certificate): string[] | null {
  const extension = cert.getExtension('extKeyUsage') as { value?: string } | null;
  if (!extension?.value) return null;
  const sequence = asn1.fromDer(extension.value);
  return (sequence.value as forge.asn1.Asn1[]).map((item) => asn1.derToOid(item.value as string));
}

/**
 * NCA's mapping (CertificateKeyUsage in NCANode): digitalSignature + nonRepudiation is a signing
 * key; digitalSignature + keyEncipherment is a login key. A signing key's EKU, when present, must
 * allow emailProtection, which is also what `openssl cms -verify` demands (purpose smimesign).
 */
export function keyPurpose(cert: forge.pki.Certificate): KeyPurpose {
  const usage = keyUsage(cert);
  const extended = extendedKeyUsage(cert);
  if (!usage) return 'other';
  if (usage.includes('digitalSignature') && usage.includes('nonRepudiation') && (!extended || extended.includes(OID.emailProtection))) {
    return 'sign';
  }
  if (usage.includes('digitalSignature') && (usage.includes('keyEncipherment') || extended?.includes(OID.clientAuth))) return 'auth';
  return 'other';
}

export function certificateCard(certificate: forge.pki.Certificate): CertificateCard {
  // Read from DER so that names are raw bytes as attributeText expects, also for certificates made in memory.
  const cert = asParsed(certificate);
  const first = (oid: string) => field(cert.subject, oid)[0] ?? null;
  return {
    subject: {
      commonName: first(OID.commonName) ?? '',
      surname: first(OID.surname),
      givenName: first(OID.givenName),
      iin: certificateIin(cert),
      organisation: first(OID.organisation),
      bin: certificateBin(cert),
      dn: distinguishedName(cert.subject),
    },
    issuer: { commonName: field(cert.issuer, OID.commonName)[0] ?? '', dn: distinguishedName(cert.issuer) },
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
    keyUsage: keyUsage(cert) ?? [],
    extendedKeyUsage: extendedKeyUsage(cert) ?? [],
    purpose: keyPurpose(cert),
    fingerprintSha256: sha256Hex(certificateDer(cert)),
  };
}
