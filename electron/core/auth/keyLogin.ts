import { ArmError } from '../../../shared/api';
import { canonicalBytes, fromBase64, toBase64, verifyDetached, type CertificateCard } from '../../../shared/signing';
import type { CryptoProvider } from '../../../shared/crypto';
import type { Db } from '../db/database';
import { readTrust } from '../inbox/settings';
import type { UserRow } from './accounts';
import type { Session } from './sessions';

// Login with the AUTH key (вход по ЭЦП / ЭЦҚ арқылы кіру; the seeds: "ИИН + пароль / ЭЦП"): the core
// gives a one-time challenge, the user signs it with the authentication key — through NCALayer or
// from a key file — and the core checks the signature over exactly that challenge, the chain to
// the trusted roots, validity now, revocation, an AUTH (client authentication) key, and that the
// certificate's IIN is the account's.

/** A person picks the key and types its PIN in this time; after it the challenge is refused. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** A new challenge replaces the window's previous one, so at most one is open per window. */
export function issueChallenge(session: Session, login: string, crypto: CryptoProvider, now: Date): { data: string; expiresAt: string } {
  const expiresAt = now.getTime() + CHALLENGE_TTL_MS;
  // What NCALayer shows the user is this JSON: it names the workstation login and the time.
  const data = canonicalBytes({ purpose: 'arm-login', login, nonce: toBase64(crypto.random(32)), issuedAt: now.toISOString() });
  session.challenge = { login, data, expiresAt };
  return { data: toBase64(data), expiresAt: new Date(expiresAt).toISOString() };
}

/** The window's challenge for this login, used up by this attempt whatever its outcome (no replay). */
export function takeChallenge(session: Session, login: string, now: Date): Uint8Array {
  const challenge = session.challenge;
  session.challenge = null;
  if (!challenge || challenge.login !== login || challenge.expiresAt < now.getTime()) {
    throw new ArmError('LOGIN_CHALLENGE_EXPIRED', 'No open login challenge for this login: ask for a new one.');
  }
  return challenge.data;
}

/**
 * The signature over the challenge, checked with the one trust every signature uses. Validity is
 * judged now, not at the signing time the signer claims: an expired key cannot log in backdated.
 */
export function verifyLoginSignature(db: Db, user: UserRow, cmsBase64: string, challenge: Uint8Array, now: Date): CertificateCard {
  const cms = fromBase64(cmsBase64);
  if (!cms) throw new ArmError('SIGNATURE_INVALID', 'The signature is not base64.');
  const trust = readTrust(db);
  const verified = verifyDetached({ cms, content: challenge, trustedRoots: trust.roots, crls: trust.crls, crlGraceMs: trust.crlGraceMs, expectedIin: user.iin, now, purpose: 'auth' });
  if (new Date(verified.signer.notAfter) < now) throw new ArmError('CERT_EXPIRED', 'The certificate has expired.');
  if (new Date(verified.signer.notBefore) > now) throw new ArmError('CERT_NOT_YET_VALID', 'The certificate is not valid yet.');
  return verified.signer;
}
