import type forge from 'node-forge';
import { ArmError } from '../../../shared/api';
import { canonicalBytes, certificateCard, certificateIin, keyPurpose, sha256Hex, signDetached, type CertificateCard } from '../../../shared/signing';
import { openKey } from './keys';

export interface SignRequest {
  keyFile: Uint8Array;
  password: string;
  /** The request or result as a JSON value; its RFC 8785 form is what gets signed. */
  payload: unknown;
  /** The logged-in user's IIN: the key must be theirs (соответствие ИИН). */
  expectedIin: string;
  now: Date;
}

export interface SignedPayload {
  cms: Uint8Array;
  contentSha256: string;
  signingTime: Date;
  card: CertificateCard;
}

/**
 * Local checks before signing, so an operator learns at the counter rather than from the gateway:
 * validity now, a signing (not login) key, the user's own IIN. Trust and revocation need the
 * gateway's roots and CRL and are the verifier's job.
 */
export function checkSigningCertificate(certificate: forge.pki.Certificate, expectedIin: string, now: Date): void {
  if (now < certificate.validity.notBefore) throw new ArmError('CERT_NOT_YET_VALID', 'The certificate is not valid yet.');
  if (now > certificate.validity.notAfter) throw new ArmError('CERT_EXPIRED', 'The certificate has expired.');
  if (keyPurpose(certificate) !== 'sign') throw new ArmError('CERT_KEY_USAGE', 'This key is not a signing key.');
  if (certificateIin(certificate) !== expectedIin) throw new ArmError('CERT_IIN_MISMATCH', "The IIN in the certificate is not the user's IIN.");
}

export function signPayload(request: SignRequest): SignedPayload {
  const content = canonicalBytes(request.payload);
  const { key, certificate } = openKey(request.keyFile, request.password);
  // The signing-time attribute (UTCTime) holds whole seconds; report exactly what was signed.
  const signingTime = new Date(Math.floor(request.now.getTime() / 1000) * 1000);
  checkSigningCertificate(certificate, request.expectedIin, signingTime);
  const cms = signDetached({ content, key, certificate, signingTime });
  return { cms, contentSha256: sha256Hex(content), signingTime, card: certificateCard(certificate) };
}
