import type forge from 'node-forge';
import { ArmError } from '../../../shared/api';
import type { CryptoProvider } from '../../../shared/crypto';
import { cachedCard, canonicalBytes, certificateIin, keyPurpose, sha256Hex, signDetachedWith, type CertificateCard } from '../../../shared/signing';
import { rawCertificateCard, rawCertificateIin, rawKeyPurpose, signGostDetached } from '../../../shared/signing/gost/cms';
import { openGostKeyFile } from '../../../shared/signing/gost/keyFile';
import type { RawCertificate } from '../../../shared/signing/gost/x509';
import { openKey } from './keys';

export interface SignRequest {
  keyFile: Uint8Array;
  password: string;
  /** The request or result as a JSON value; its RFC 8785 form is what gets signed. */
  payload: unknown;
  /** The logged-in user's IIN: the key must be theirs (соответствие ИИН). */
  expectedIin: string;
  now: Date;
  /** RSA signs natively through it (node:crypto; forge's JavaScript RSA took 23 ms a signature), GOST in JS. */
  crypto: CryptoProvider;
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

/** The same local checks for a GOST certificate (forge cannot read it). */
function checkGostSigningCertificate(certificate: RawCertificate, expectedIin: string, now: Date): void {
  if (now < certificate.notBefore) throw new ArmError('CERT_NOT_YET_VALID', 'The certificate is not valid yet.');
  if (now > certificate.notAfter) throw new ArmError('CERT_EXPIRED', 'The certificate has expired.');
  if (rawKeyPurpose(certificate) !== 'sign') throw new ArmError('CERT_KEY_USAGE', 'This key is not a signing key.');
  if (rawCertificateIin(certificate) !== expectedIin) throw new ArmError('CERT_IIN_MISMATCH', "The IIN in the certificate is not the user's IIN.");
}

/** RSA when forge can open the file as such; null when it holds no RSA key (then it may be GOST). */
function openRsaKey(file: Uint8Array, password: string): ReturnType<typeof openKey> | null {
  try {
    return openKey(file, password);
  } catch (error) {
    if (error instanceof ArmError && error.code === 'KEY_FILE_INVALID') return null;
    throw error;
  }
}

/** What the signing dialog shows of a key file, RSA or GOST. */
export function keyCard(file: Uint8Array, password: string): CertificateCard {
  const rsa = openRsaKey(file, password);
  return rsa ? cachedCard(rsa.certificate) : rawCertificateCard(openGostKeyFile(file, password).certificate);
}

/**
 * An RSA key file, or else a GOST 34.10-2015 one (НУЦ РК's GOSTKNCA_….p12): signed under НУЦ's
 * OIDs, as Kalkan and NCALayer sign, so the gateway and the provider verify both alike.
 */
export function signPayload(request: SignRequest): SignedPayload {
  const content = canonicalBytes(request.payload);
  // The signing-time attribute (UTCTime) holds whole seconds; report exactly what was signed.
  const signingTime = new Date(Math.floor(request.now.getTime() / 1000) * 1000);
  const rsa = openRsaKey(request.keyFile, request.password);
  if (!rsa) {
    const gost = openGostKeyFile(request.keyFile, request.password);
    checkGostSigningCertificate(gost.certificate, request.expectedIin, signingTime);
    const cms = signGostDetached({ content, key: gost, signingTime, profile: 'kz', crypto: request.crypto });
    return { cms, contentSha256: sha256Hex(content), signingTime, card: rawCertificateCard(gost.certificate) };
  }
  const { privateKey, certificate } = rsa;
  checkSigningCertificate(certificate, request.expectedIin, signingTime);
  const cms = signDetachedWith({ content, certificate, signingTime, sign: (data) => request.crypto.sign('rsa-sha256', privateKey, data) });
  return { cms, contentSha256: sha256Hex(content), signingTime, card: cachedCard(certificate) };
}

/** A key file opened once: its card and a signer of detached CMS with it (RSA or GOST). */
export interface OpenedKey {
  card: CertificateCard;
  sign(content: Uint8Array, now: Date): Uint8Array;
}

export function openSigningKey(file: Uint8Array, password: string, crypto: CryptoProvider): OpenedKey {
  // The signing-time attribute (UTCTime) holds whole seconds.
  const at = (now: Date) => new Date(Math.floor(now.getTime() / 1000) * 1000);
  const rsa = openRsaKey(file, password);
  if (rsa) {
    const { privateKey, certificate } = rsa;
    return { card: cachedCard(certificate), sign: (content, now) => signDetachedWith({ content, certificate, signingTime: at(now), sign: (data) => crypto.sign('rsa-sha256', privateKey, data) }) };
  }
  const gost = openGostKeyFile(file, password);
  return { card: rawCertificateCard(gost.certificate), sign: (content, now) => signGostDetached({ content, key: gost, signingTime: at(now), profile: 'kz', crypto }) };
}

/**
 * The key-file signer for a login: a detached CMS over `content` with whatever key the file holds
 * (RSA or GOST). It checks nothing itself — the caller verifies the result exactly as it verifies
 * one that NCALayer made, so both ways in go through one check.
 */
export function signWithKeyFile(file: Uint8Array, password: string, content: Uint8Array, now: Date, crypto: CryptoProvider): Uint8Array {
  return openSigningKey(file, password, crypto).sign(content, now);
}
