import forge from 'node-forge';
import { z } from 'zod';
import { ArmError } from '../api/errors';
import { fromBase64, fromBinary, sha256Hex, toBase64, toBinary } from '../signing/bytes';
import { canonicalSha256 } from '../signing/canonical';
import { asParsed, certificateCard, certificateDer, keyPurpose } from '../signing/certificate';
import type { CertificateCard } from '../signing/card';
import { crlSignedBy, normaliseSerial, type Crl } from '../signing/crl';

// The 2D barcode of a printed result (штрих-код / штрих-код): enough of the head's CMS to check the
// printed document offline against the signer's certificate, in one QR code.
//
// Format v1 — JSON text (UTF-8, byte mode):
//   {"v":1,                      format version
//    "n":"<result number>",
//    "h":"<SHA-256 hex of the RFC 8785 canonical result content>",
//    "a":"<base64 DER SET of the CMS signed attributes: content-type, signing-time, message-digest = h>",
//    "s":"<base64 RSA signature over SHA-256 of a>",
//    "c":"<SHA-256 hex of the signer certificate DER>"}
// The verifier needs the signer certificate (from the CMS the workstation keeps, the gateway's
// certificate directory, or a cached copy) and, to check against the printed text, the content.
// About 700 bytes: version ≈ 20 of a QR code at error correction M.

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export const barcodePayloadSchema = z.strictObject({
  v: z.literal(1),
  n: z.string().min(1).max(100),
  h: z.string().regex(/^[0-9a-f]{64}$/),
  a: z.base64().max(2000),
  s: z.base64().max(2000),
  c: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BarcodePayload = z.infer<typeof barcodePayloadSchema>;

const invalid = (message: string) => new ArmError('SIGNATURE_INVALID', message);
const kids = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? node.value : []);

/** From the head's detached CMS (as signing.sign makes it): the signed attributes, the signature, the signer. */
export function barcodeFromCms(cms: Uint8Array, number: string, contentSha256: string): BarcodePayload {
  let root: Node;
  try {
    root = asn1.fromDer(toBinary(cms));
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
  const signer = forge.pki.certificateFromAsn1(first);
  return {
    v: 1,
    n: number,
    h: contentSha256,
    a: toBase64(fromBinary(asn1.toDer(set).getBytes())),
    s: toBase64(fromBinary(signature.value as string)),
    c: sha256Hex(certificateDer(signer)),
  };
}

export const encodeBarcode = (payload: BarcodePayload): string => JSON.stringify(payload);

export function decodeBarcode(text: string): BarcodePayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('the barcode is not a result barcode');
  }
  const parsed = barcodePayloadSchema.safeParse(json);
  if (!parsed.success) throw invalid('the barcode is not a result barcode');
  return parsed.data;
}

export interface BarcodeCheck {
  /** The signer's certificate (PEM or parsed). */
  certificate: forge.pki.Certificate;
  /** The result content as printed: when given, it must be what was signed. */
  content?: unknown;
  /** The trusted roots and their CRLs; when given, the certificate must chain to one and not be revoked. */
  roots?: forge.pki.Certificate[];
  crls?: Crl[];
}

export interface BarcodeVerdict {
  number: string;
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
 * attributes, the attributes carry the content hash (and, given the content, the content hashes
 * to it), the certificate was valid at signing time, chains to a given root and is not revoked.
 * Throws the first failing check's code (SIGNATURE_INVALID, CERT_EXPIRED, CERT_UNTRUSTED, CERT_REVOKED, CRL_UNAVAILABLE).
 */
export function verifyBarcode(payload: BarcodePayload, check: BarcodeCheck): BarcodeVerdict {
  // Certificates made in memory (forge) lack the parsed name hashes the checks compare.
  const certificate = asParsed(check.certificate);
  if (sha256Hex(certificateDer(certificate)) !== payload.c) throw invalid('the barcode names another certificate');
  const attributes = fromBase64(payload.a);
  const signature = fromBase64(payload.s);
  if (!attributes || !signature) throw invalid('the barcode is damaged');
  let found: Map<string, Node>;
  try {
    found = attributeMap(toBinary(attributes));
  } catch (error) {
    if (error instanceof ArmError) throw error;
    throw invalid('the signed attributes do not parse');
  }
  const digest = found.get(OIDS.messageDigest);
  const type = found.get(OIDS.contentType);
  const time = found.get(OIDS.signingTime);
  if (!digest || !type || !time || asn1.derToOid(type.value as string) !== OIDS.data) throw invalid('the signed attributes are incomplete');
  if (forge.util.bytesToHex(digest.value as string) !== payload.h) throw invalid('the barcode hash is not the signed hash');
  const md = forge.md.sha256.create().update(toBinary(attributes));
  let verified = false;
  try {
    verified = (certificate.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().getBytes(), toBinary(signature));
  } catch {
    verified = false;
  }
  if (!verified) throw invalid('the signature does not verify with the certificate');
  if (check.content !== undefined && canonicalSha256(check.content) !== payload.h) throw invalid('the document is not the one signed');
  const signingTime = time.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(time.value as string) : asn1.generalizedTimeToDate(time.value as string);
  if (signingTime < certificate.validity.notBefore || signingTime > certificate.validity.notAfter) throw new ArmError('CERT_EXPIRED', 'The certificate was not valid at signing time.');
  if (keyPurpose(certificate) !== 'sign') throw new ArmError('CERT_KEY_USAGE', 'The certificate is not a signing certificate.');
  if (check.roots) {
    const root = check.roots.map(asParsed).find((candidate) => {
      try {
        return candidate.verify(certificate);
      } catch {
        return false;
      }
    });
    if (!root) throw new ArmError('CERT_UNTRUSTED', 'The certificate does not chain to a trusted root.');
    const crl = (check.crls ?? []).find((candidate) => crlSignedBy(candidate, root));
    if (!crl) throw new ArmError('CRL_UNAVAILABLE', 'No CRL of the root.');
    if (crl.revoked.has(normaliseSerial(certificate.serialNumber))) throw new ArmError('CERT_REVOKED', 'The certificate is revoked.');
  }
  return { number: payload.n, contentSha256: payload.h, signingTime: signingTime.toISOString(), signer: certificateCard(certificate) };
}
