import forge from 'node-forge';
import { ArmError } from '../../../shared/api';
import { asParsed, buildOcspRequest, certIdOf, checkOcspResponse, normaliseSerial, parseCertificate, rsaSignerOf, type TrustedRoot } from '../../../shared/signing';
import type { CoreContext } from '../context';

// Online revocation check (OCSP, RFC 6960) of the signer's certificate, before the CRL: the
// gateway's responder answers for its CA. Offline, or with the responder down, the cached CRL
// decides (the caller's verifyDetached); a revoked answer or one signed by anybody but the CA or
// its delegated responder is refused — never treated as "responder down".

/** The online check waits this long at the counter before the CRL decides. */
const OCSP_TIMEOUT_MS = 4_000;

/** Which check said the signer's certificate is not revoked, and when (the signing dialog shows it). */
export interface Revocation {
  method: 'ocsp' | 'crl';
  checkedAt: string;
}

export interface OcspGood {
  issuerHash: string;
  serial: string;
  producedAt: Date;
}

function isCa(cert: forge.pki.Certificate): boolean {
  return (cert.getExtension('basicConstraints') as { cA?: boolean } | null)?.cA === true;
}

/** The CA certificate that issued `signer`, among the trusted roots and what the CMS carries. */
function issuerOf(signer: forge.pki.Certificate, candidates: forge.pki.Certificate[]): forge.pki.Certificate | null {
  for (const candidate of candidates) {
    if (!isCa(candidate) || candidate.subject.hash !== signer.issuer.hash) continue;
    try {
      if (candidate.verify(signer)) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * Asks the gateway's OCSP responder about the signer of `cms`. Null when it cannot be asked or did
 * not answer (offline, down, 404, an unsigned error status, "unknown", a GOST signature): the CRL
 * decides then. CERT_REVOKED when it says revoked; OCSP_* when the answer fails its checks.
 */
export async function askOcsp(ctx: CoreContext, cms: Uint8Array, roots: TrustedRoot[]): Promise<OcspGood | null> {
  if (!ctx.gatewayClient) return null;
  const found = rsaSignerOf(cms);
  if (!found) return null;
  const rsaRoots = roots.map((root) => (root instanceof Uint8Array ? parseCertificate(root) : asParsed(root))).filter((root): root is forge.pki.Certificate => root !== null);
  const issuer = issuerOf(found.signer, [...rsaRoots, ...found.certificates]);
  if (!issuer) return null;
  const nonce = ctx.crypto.random(16);
  let response: Uint8Array;
  try {
    response = await ctx.gatewayClient.ocsp({ body: buildOcspRequest(certIdOf(found.signer, issuer), nonce) as Uint8Array<ArrayBuffer> }, { timeoutMs: OCSP_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof ArmError) return null;
    throw error;
  }
  let verdict;
  try {
    verdict = checkOcspResponse({ response, nonce, certificate: found.signer, issuer, now: ctx.now(), crypto: ctx.crypto });
  } catch (error) {
    // An error status (tryLater, internalError…) is unsigned by design: it says no more than silence.
    if (error instanceof ArmError && error.code === 'OCSP_RESPONSE_INVALID' && typeof error.params?.status === 'number') return null;
    throw error;
  }
  if (verdict.status.status === 'revoked') {
    throw new ArmError('CERT_REVOKED', `The OCSP responder says certificate ${found.signer.serialNumber} was revoked on ${verdict.status.revokedAt.toISOString()}.`);
  }
  if (verdict.status.status === 'unknown') return null;
  return { issuerHash: found.signer.issuer.hash, serial: normaliseSerial(found.signer.serialNumber), producedAt: verdict.producedAt };
}
