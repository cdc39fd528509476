import { describe, expect, it } from 'vitest';
import { ArmError } from '../api/errors';
import { keyRole, NCA_KEY_USER, requireSignerRole } from './roles';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (error) {
    return error instanceof ArmError ? error.code : 'not an ArmError';
  }
}

const EMAIL = '1.3.6.1.5.5.7.3.4';
const card = (eku: string[], bin: string | null = '160340012015') => ({ extendedKeyUsage: [EMAIL, ...eku], subject: { commonName: '', surname: null, givenName: null, iin: null, organisation: null, bin, dn: '' } });

describe('НУЦ key roles', () => {
  it('reads the role from the key-user OIDs of the EKU, the most specific first', () => {
    expect(keyRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.head]))).toBe('head');
    expect(keyRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.maySign]))).toBe('maySign');
    expect(keyRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.employee]))).toBe('employee');
    expect(keyRole(card([NCA_KEY_USER.organisation]))).toBe('organisation');
    expect(keyRole(card([NCA_KEY_USER.individual]))).toBe('individual');
    expect(keyRole(card([]))).toBe('unknown');
  });

  it("a head's result needs a head or may-sign key of the provider's BIN", () => {
    expect(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.head]), 'result', '160340012015')).not.toThrow();
    expect(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.maySign]), 'result', '160340012015')).not.toThrow();
    expect(codeOf(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.employee]), 'result', '160340012015'))).toBe('CERT_ROLE');
    expect(codeOf(() => requireSignerRole(card([NCA_KEY_USER.individual], null), 'result', null))).toBe('CERT_ROLE');
    expect(codeOf(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.head], '051140033077'), 'result', '160340012015'))).toBe('CERT_ORGANISATION');
  });

  it("an operator's request needs an employee key; the BIN check is skipped only when no BIN is given", () => {
    expect(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.employee]), 'request', null)).not.toThrow();
    expect(codeOf(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.head]), 'request', null))).toBe('CERT_ROLE');
    expect(codeOf(() => requireSignerRole(card([NCA_KEY_USER.organisation, NCA_KEY_USER.employee], null), 'request', '160340012015'))).toBe('CERT_ORGANISATION');
  });
});
