import { ArmError } from '../api/errors';
import type { CertificateCard, KeyPurpose } from './card';
import { OID } from './certificate';

// Who a key speaks for (НУЦ РК's key-user policies in the extended key usage, as NCANode reads
// them): a private person, or an organisation through its first head, a person with the right to
// sign, or an employee. A head's key and an employee's key are not interchangeable.

export const NCA_KEY_USER = {
  individual: OID.ncaIndividual,
  organisation: OID.ncaOrganisation,
  head: OID.ncaHead,
  maySign: '1.2.398.3.3.4.1.2.2',
  employee: OID.ncaEmployee,
} as const;

export type KeyRole = 'individual' | 'head' | 'maySign' | 'employee' | 'organisation' | 'unknown';

/** The most specific role the certificate names; 'organisation' when it names no sub-role. */
export function keyRole(card: Pick<CertificateCard, 'extendedKeyUsage'>): KeyRole {
  const eku = card.extendedKeyUsage;
  if (eku.includes(NCA_KEY_USER.head)) return 'head';
  if (eku.includes(NCA_KEY_USER.maySign)) return 'maySign';
  if (eku.includes(NCA_KEY_USER.employee)) return 'employee';
  if (eku.includes(NCA_KEY_USER.organisation)) return 'organisation';
  if (eku.includes(NCA_KEY_USER.individual)) return 'individual';
  return 'unknown';
}

/**
 * What a signature is for: an operator's request (employee of the centre), a head's result, or
 * an applicant's own request on the portal (a private person's key, «ЭЦП физического лица»).
 */
export type SignaturePurpose = 'request' | 'result' | 'citizenRequest' | 'notice';

const ALLOWED: Record<SignaturePurpose, readonly KeyRole[]> = {
  request: ['employee'],
  result: ['head', 'maySign'],
  citizenRequest: ['individual'],
  // A provider's notice (extension, return) is decided by its executor or its head.
  notice: ['employee', 'head', 'maySign'],
};

/** The purpose a request's signature serves, by the channel it came through. */
export const requestPurpose = (channel: string): SignaturePurpose => (channel === 'portal' ? 'citizenRequest' : 'request');

/**
 * CERT_ROLE when the key's role may not sign this (a head's result needs a head or may-sign key,
 * an operator's request an employee key); CERT_ORGANISATION when the key is another
 * organisation's (its OU=BIN… is not `bin`). `bin` null skips the organisation check.
 */
export function requireSignerRole(card: Pick<CertificateCard, 'extendedKeyUsage' | 'subject'>, purpose: SignaturePurpose, bin: string | null): void {
  const role = keyRole(card);
  if (!ALLOWED[purpose].includes(role)) {
    throw new ArmError('CERT_ROLE', `A ${role} key may not sign a ${purpose}; it needs ${ALLOWED[purpose].join(' or ')}.`);
  }
  if (bin !== null && card.subject.bin !== bin) {
    throw new ArmError('CERT_ORGANISATION', `The key is of organisation BIN ${card.subject.bin ?? '(none)'}, not ${bin}.`);
  }
}

/**
 * A SIGN key where an AUTH key is needed (a login) is the wrong НУЦ key role (CERT_ROLE); a login
 * key that signs a document is the wrong key usage (CERT_KEY_USAGE).
 */
export function requireKeyPurpose(actual: KeyPurpose, wanted: 'sign' | 'auth'): void {
  if (actual === wanted) return;
  if (wanted === 'auth') throw new ArmError('CERT_ROLE', 'This is not an authentication (AUTH) key: log in with the AUTH key.', undefined, { need: 'auth' });
  throw new ArmError('CERT_KEY_USAGE', 'The certificate is not a signing certificate.');
}
