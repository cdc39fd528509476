import forge from 'node-forge';
import { asParsed, buildOcspResponse, certIdOf, ocspErrorResponse, parseCrl, parseOcspRequest, type CertId, type OcspCertStatus, type OcspResponder } from '../shared/signing';
import type { GatewayTrust } from './signature';

// The emulator's OCSP responder (RFC 6960) for its test CA, as НУЦ РК runs one beside its CRLs:
// the status of a serial is what the CA's CRL says (one revocation record, two ways to ask it).

/** How long an answer may be relied on: the CRL's own nextUpdate would be longer; OCSP is the fresh way. */
const ANSWER_VALIDITY_MS = 60 * 60_000;

export type OcspAnswerer = (request: Uint8Array) => Uint8Array;

export function createOcspResponder(trust: GatewayTrust, responder: OcspResponder, now: () => Date): OcspAnswerer {
  const roots = trust.roots.filter((root): root is forge.pki.Certificate => !(root instanceof Uint8Array)).map(asParsed);
  const crls = trust.crls.map((der) => parseCrl(der));
  const same = (a: CertId, b: CertId) => a.issuerNameHash === b.issuerNameHash && a.issuerKeyHash === b.issuerKeyHash;
  const statusOf = (id: CertId): OcspCertStatus => {
    // Only the CAs it holds a CRL of; of any other it knows nothing.
    const issuer = roots.find((root) => same(certIdOf(root, root, id.hashOid), id));
    const crl = issuer && crls.find((candidate) => candidate.issuerHash === issuer.subject.hash);
    if (!crl) return { status: 'unknown' };
    const revokedAt = crl.revoked.get(id.serial);
    return revokedAt ? { status: 'revoked', revokedAt } : { status: 'good' };
  };
  return (bytes) => {
    const request = parseOcspRequest(bytes);
    if (!request) return ocspErrorResponse(1);
    try {
      return buildOcspResponse({ responder, request, statusOf, now: now(), validityMs: ANSWER_VALIDITY_MS });
    } catch {
      // A hash algorithm the responder does not do, say.
      return ocspErrorResponse(1);
    }
  };
}
