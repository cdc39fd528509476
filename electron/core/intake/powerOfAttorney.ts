import { ArmError } from '../../../shared/api';
import type { PowerOfAttorney } from '../../../shared/gateway/api';

/**
 * A notarised power of attorney (нотариально удостоверенная доверенность) found in ЕНИС may be
 * accepted only if it names this applicant as principal and this representative as attorney, is
 * in force today (not revoked, within its dates) and covers the service. Each mismatch its own code.
 */
export function checkPowerOfAttorney(poa: PowerOfAttorney, expected: { applicantIin: string; representativeIin: string; serviceId: string; today: string }): void {
  if (poa.principalIin !== expected.applicantIin) throw new ArmError('POA_PRINCIPAL_MISMATCH', 'The power of attorney names another principal.');
  if (poa.attorneyIin !== expected.representativeIin) throw new ArmError('POA_ATTORNEY_MISMATCH', 'The power of attorney names another attorney.');
  if (poa.revoked || poa.status === 'revoked') throw new ArmError('POA_REVOKED', 'The power of attorney is revoked.');
  if (expected.today > poa.validTo) throw new ArmError('POA_EXPIRED', 'The power of attorney has expired.', undefined, { validTo: poa.validTo });
  if (expected.today < poa.validFrom) throw new ArmError('POA_NOT_YET_VALID', 'The power of attorney is not in force yet.', undefined, { validFrom: poa.validFrom });
  if (poa.scope !== 'all' && !poa.scope.includes(expected.serviceId)) throw new ArmError('POA_SCOPE', 'The power of attorney does not cover this service.');
}
