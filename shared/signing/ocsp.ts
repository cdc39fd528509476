import forge from 'node-forge';
import { ArmError } from '../api/errors';
import type { CryptoProvider } from '../crypto';
import { fromDerExact } from './asn1';
import { fromBinary, toBinary } from './bytes';
import { asParsed, certificateDer, extendedKeyUsage, parseCertificate } from './certificate';
import { normaliseSerial } from './crl';

// OCSP (RFC 6960), the online answer to "is this certificate revoked?" that НУЦ РК serves beside
// its CRLs. node-forge has no OCSP, and the maintained JavaScript one (pkijs) is a second ASN.1
// stack on asynchronous WebCrypto; the few structures are built and read here on forge's ASN.1
// layer, as the CRL is (crl.ts). `openssl ocsp` is the peer both ways (ocsp.test.ts).

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const OIDS = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  basic: '1.3.6.1.5.5.7.48.1.1',
  nonce: '1.3.6.1.5.5.7.48.1.2',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
};
const HASHES: Record<string, () => forge.md.MessageDigest> = { [OIDS.sha1]: () => forge.md.sha1.create(), [OIDS.sha256]: () => forge.md.sha256.create() };
/** How far a responder's clock may run ahead of ours (the same tolerance as signing times). */
const SKEW_MS = 5 * 60_000;

/** OCSPResponseStatus: 0 successful, 1 malformedRequest, 2 internalError, 3 tryLater, 6 unauthorized. */
export type OcspResponseStatus = 0 | 1 | 2 | 3 | 6;
export type OcspCertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date } | { status: 'unknown' };

export interface CertId {
  hashOid: string;
  /** Raw (binary string) hashes of the issuer's name and key, as in the CertID. */
  issuerNameHash: string;
  issuerKeyHash: string;
  /** Lower-case hex, no leading zeros (as the CRL's). */
  serial: string;
}

const der = {
  seq: (items: Node[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items),
  oid: (oid: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes()),
  nul: () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  octets: (binary: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, binary),
  time: (date: Date) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date)),
  explicit: (tag: number, item: Node) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, [item]),
  integerHex: (hex: string) => {
    let bytes = forge.util.hexToBytes(hex.length % 2 ? `0${hex}` : hex);
    if (bytes.length === 0 || bytes.charCodeAt(0) & 0x80) bytes = `\x00${bytes}`;
    return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
  },
};

function malformed(message: string): ArmError {
  return new ArmError('OCSP_RESPONSE_INVALID', message);
}

function children(node: Node | undefined): Node[] {
  return Array.isArray(node?.value) ? node.value : [];
}

function isContext(node: Node | undefined, tag: number): node is Node {
  return node?.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === tag;
}

function oidOf(node: Node | undefined): string {
  if (!node || node.type !== asn1.Type.OID) throw malformed('expected an OID');
  return asn1.derToOid(node.value as string);
}

function readTime(node: Node | undefined): Date {
  if (node?.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value as string);
  throw malformed('expected a GeneralizedTime');
}

/** The tbsCertificate's fields of a certificate, as encoded (re-encoding a parsed name could differ). */
function tbsFields(cert: forge.pki.Certificate): Node[] {
  const items = children(children(fromDerExact(toBinary(certificateDer(cert))))[0]);
  return items[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? items.slice(1) : items;
}

/** The subjectPublicKey BIT STRING's bytes without the unused-bits byte (what issuerKeyHash hashes). */
function publicKeyBits(cert: forge.pki.Certificate): string {
  const spki = tbsFields(cert)[5];
  const bits = children(spki)[1];
  if (!bits || bits.type !== asn1.Type.BITSTRING) throw malformed('no subjectPublicKey');
  return (bits.value as string).slice(1);
}

function hash(oid: string, data: string): string {
  const make = HASHES[oid];
  if (!make) throw malformed(`hash ${oid} is not supported`);
  return make().update(data).digest().getBytes();
}

/** The CertID of `cert` under `issuer` (SHA-1 by default, as OpenSSL and НУЦ's responder use). */
export function certIdOf(cert: forge.pki.Certificate, issuer: forge.pki.Certificate, hashOid = OIDS.sha1): CertId {
  return {
    hashOid,
    issuerNameHash: hash(hashOid, asn1.toDer(tbsFields(issuer)[4]!).getBytes()),
    issuerKeyHash: hash(hashOid, publicKeyBits(issuer)),
    serial: normaliseSerial(asParsed(cert).serialNumber),
  };
}

function certIdAsn1(id: CertId): Node {
  return der.seq([der.seq([der.oid(id.hashOid), der.nul()]), der.octets(id.issuerNameHash), der.octets(id.issuerKeyHash), der.integerHex(id.serial)]);
}

function readCertId(node: Node | undefined): CertId {
  const [algorithm, nameHash, keyHash, serial] = children(node);
  if (!nameHash || !keyHash || serial?.type !== asn1.Type.INTEGER) throw malformed('bad CertID');
  return { hashOid: oidOf(children(algorithm)[0]), issuerNameHash: nameHash.value as string, issuerKeyHash: keyHash.value as string, serial: normaliseSerial(forge.util.bytesToHex(serial.value as string)) };
}

const sameId = (a: CertId, b: CertId) => a.hashOid === b.hashOid && a.issuerNameHash === b.issuerNameHash && a.issuerKeyHash === b.issuerKeyHash && a.serial === b.serial;

function nonceExtensions(nonce: string): Node {
  // As OpenSSL writes it: the extension's value is an OCTET STRING holding the nonce's OCTET STRING.
  const value = asn1.toDer(der.octets(nonce)).getBytes();
  return der.seq([der.seq([der.oid(OIDS.nonce), der.octets(value)])]);
}

function readNonce(extensions: Node | undefined): string | null {
  for (const extension of children(children(extensions)[0])) {
    const items = children(extension);
    if (oidOf(items[0]) !== OIDS.nonce) continue;
    const value = items[items.length - 1]!.value as string;
    try {
      const inner = asn1.fromDer(value);
      return inner.type === asn1.Type.OCTETSTRING ? (inner.value as string) : value;
    } catch {
      return value;
    }
  }
  return null;
}

/** An unsigned request for one certificate, with a nonce the answer must repeat (no replayed "good"). */
export function buildOcspRequest(id: CertId, nonce: Uint8Array): Uint8Array {
  const tbs = der.seq([der.seq([der.seq([certIdAsn1(id)])]), der.explicit(2, nonceExtensions(toBinary(nonce)))]);
  return fromBinary(asn1.toDer(der.seq([tbs])).getBytes());
}

export interface ParsedOcspRequest {
  ids: CertId[];
  nonce: string | null;
}

/** The responder's side: the CertIDs asked about and the nonce; malformed → null. */
export function parseOcspRequest(bytes: Uint8Array): ParsedOcspRequest | null {
  try {
    const [tbs] = children(asn1.fromDer(toBinary(bytes)));
    const items = children(tbs).filter((item) => !isContext(item, 0) && !isContext(item, 1));
    const [list, extensions] = items;
    const ids = children(list).map((request) => readCertId(children(request)[0]));
    if (ids.length === 0) return null;
    return { ids, nonce: isContext(extensions, 2) ? readNonce(extensions) : null };
  } catch {
    return null;
  }
}

export interface OcspResponder {
  certificate: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

export interface OcspAnswerInput {
  responder: OcspResponder;
  request: ParsedOcspRequest;
  statusOf: (id: CertId) => OcspCertStatus;
  now: Date;
  /** How long the answer may be cached by whoever relies on it. */
  validityMs: number;
}

/** An error answer (malformedRequest, unauthorized…): no responseBytes, nothing signed. */
export function ocspErrorResponse(status: Exclude<OcspResponseStatus, 0>): Uint8Array {
  return fromBinary(asn1.toDer(der.seq([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.ENUMERATED, false, String.fromCharCode(status))])).getBytes());
}

/** A signed BasicOCSPResponse (SHA-256/RSA, responder named by its key hash, its certificate inside). */
export function buildOcspResponse(input: OcspAnswerInput): Uint8Array {
  const { responder, now } = input;
  const singles = input.request.ids.map((id) => {
    const status = input.statusOf(id);
    const certStatus =
      status.status === 'good'
        ? asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, '')
        : status.status === 'revoked'
          ? asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [der.time(status.revokedAt)])
          : asn1.create(asn1.Class.CONTEXT_SPECIFIC, 2, false, '');
    return der.seq([certIdAsn1(id), certStatus, der.time(now), der.explicit(0, der.time(new Date(now.getTime() + input.validityMs)))]);
  });
  const responderId = der.explicit(2, der.octets(hash(OIDS.sha1, publicKeyBits(responder.certificate))));
  const tbs = der.seq([responderId, der.time(now), der.seq(singles), ...(input.request.nonce !== null ? [der.explicit(1, nonceExtensions(input.request.nonce))] : [])]);
  const signature = responder.key.sign(forge.md.sha256.create().update(asn1.toDer(tbs).getBytes()));
  const certs = der.explicit(0, der.seq([fromDerExact(toBinary(certificateDer(responder.certificate)))]));
  const basic = der.seq([tbs, der.seq([der.oid(OIDS.sha256WithRsa), der.nul()]), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\x00${signature}`), certs]);
  const responseBytes = der.explicit(0, der.seq([der.oid(OIDS.basic), der.octets(asn1.toDer(basic).getBytes())]));
  return fromBinary(asn1.toDer(der.seq([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.ENUMERATED, false, '\x00'), responseBytes])).getBytes());
}

export interface CheckOcspInput {
  response: Uint8Array;
  certificate: forge.pki.Certificate;
  issuer: forge.pki.Certificate;
  /** The nonce of our request: the answer must carry it (a recorded "good" is not replayed). */
  nonce: Uint8Array;
  now: Date;
  crypto?: CryptoProvider;
}

export interface OcspVerdict {
  status: OcspCertStatus;
  producedAt: Date;
}

function rsaVerifies(signer: forge.pki.Certificate, algorithmOid: string, data: string, signature: string, crypto: CryptoProvider | undefined): boolean {
  try {
    if (crypto?.find('signature', algorithmOid)) {
      const spki = fromBinary(asn1.toDer(forge.pki.publicKeyToAsn1(signer.publicKey)).getBytes());
      return crypto.verify(algorithmOid, spki, fromBinary(data), fromBinary(signature));
    }
    if (algorithmOid !== OIDS.sha256WithRsa) return false;
    return (signer.publicKey as forge.pki.rsa.PublicKey).verify(forge.md.sha256.create().update(data).digest().getBytes(), signature);
  } catch {
    return false;
  }
}

function issuedBy(issuer: forge.pki.Certificate, child: forge.pki.Certificate, crypto: CryptoProvider | undefined): boolean {
  if (issuer.subject.hash !== child.issuer.hash) return false;
  return rsaVerifies(issuer, child.signatureOid ?? '', asn1.toDer(child.tbsCertificate).getBytes(), child.signature as string, crypto);
}

/**
 * Reads and checks an answer about `certificate`: signed by its issuer or by a responder the issuer
 * delegated (id-kp-OCSPSigning, valid now) — anyone else is OCSP_RESPONDER_UNTRUSTED; it must name
 * this certificate, repeat our nonce and be current — otherwise OCSP_RESPONSE_INVALID.
 */
export function checkOcspResponse(input: CheckOcspInput): OcspVerdict {
  let root: Node;
  try {
    root = fromDerExact(toBinary(input.response));
  } catch {
    throw malformed('not DER');
  }
  const [statusNode, bytesNode] = children(root);
  if (statusNode?.type !== asn1.Type.ENUMERATED) throw malformed('not an OCSPResponse');
  const status = (statusNode.value as string).charCodeAt(0);
  if (status !== 0) throw new ArmError('OCSP_RESPONSE_INVALID', `The responder answered status ${status}.`, undefined, { status });
  const [typeNode, octets] = children(children(bytesNode)[0]);
  if (oidOf(typeNode) !== OIDS.basic || octets?.type !== asn1.Type.OCTETSTRING) throw malformed('not a basic OCSP response');
  let basic: Node;
  try {
    basic = fromDerExact(octets.value as string);
  } catch {
    throw malformed('the basic response is not DER');
  }
  const [tbs, algorithm, signatureBits, certsNode] = children(basic);
  if (!tbs || signatureBits?.type !== asn1.Type.BITSTRING) throw malformed('bad BasicOCSPResponse');
  const fields = children(tbs).filter((item) => !isContext(item, 0));
  const [responderId, producedAtNode, responses, extensions] = fields;
  const producedAt = readTime(producedAtNode);

  // Who signed: the issuer itself, or a delegated responder certificate carried in the answer.
  const carried = isContext(certsNode, 0) ? children(children(certsNode)[0]).map((node) => parseCertificate(fromBinary(asn1.toDer(node).getBytes()))).filter((cert): cert is forge.pki.Certificate => cert !== null) : [];
  const named = (cert: forge.pki.Certificate) => {
    if (isContext(responderId, 2)) return children(responderId)[0]?.value === hash(OIDS.sha1, publicKeyBits(cert));
    if (isContext(responderId, 1)) return asn1.toDer(children(responderId)[0]!).getBytes() === asn1.toDer(tbsFields(cert)[4]!).getBytes();
    return false;
  };
  const issuer = asParsed(input.issuer);
  const delegated = (cert: forge.pki.Certificate) =>
    (extendedKeyUsage(cert) ?? []).includes(OIDS.ocspSigning) && input.now >= cert.validity.notBefore && input.now <= cert.validity.notAfter && issuedBy(issuer, cert, input.crypto);
  const signer = named(issuer) ? issuer : carried.find((cert) => named(cert) && delegated(cert));
  if (!signer) throw new ArmError('OCSP_RESPONDER_UNTRUSTED', 'The OCSP answer is not signed by the issuer or a responder it delegated.');
  const signature = (signatureBits.value as string).slice(1);
  if (!rsaVerifies(signer, oidOf(children(algorithm)[0]), asn1.toDer(tbs).getBytes(), signature, input.crypto)) {
    throw new ArmError('OCSP_RESPONDER_UNTRUSTED', 'The OCSP answer does not verify with its responder key.');
  }

  if (readNonce(isContext(extensions, 1) ? extensions : undefined) !== toBinary(input.nonce)) throw malformed('the answer does not repeat our nonce');
  const wanted = (hashOid: string) => certIdOf(input.certificate, issuer, hashOid);
  const single = children(responses).find((response) => {
    const id = readCertId(children(response)[0]);
    return HASHES[id.hashOid] !== undefined && sameId(id, wanted(id.hashOid));
  });
  if (!single) throw malformed('the answer is not about this certificate');
  const [, certStatus, thisUpdateNode, nextUpdateNode] = children(single);
  const thisUpdate = readTime(thisUpdateNode);
  const nextUpdate = isContext(nextUpdateNode, 0) ? readTime(children(nextUpdateNode)[0]) : null;
  if (thisUpdate.getTime() > input.now.getTime() + SKEW_MS) throw malformed('the answer is from the future');
  if (nextUpdate && nextUpdate.getTime() < input.now.getTime()) throw malformed('the answer is out of date');
  if (isContext(certStatus, 0)) return { status: { status: 'good' }, producedAt };
  if (isContext(certStatus, 1)) return { status: { status: 'revoked', revokedAt: readTime(children(certStatus)[0]) }, producedAt };
  return { status: { status: 'unknown' }, producedAt };
}
