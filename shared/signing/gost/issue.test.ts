import { describe, expect, it } from 'vitest';
import { ArmError } from '../../api/errors';
import { parseCrl, verifyDetached } from '..';
import { requireSignerRole } from '../roles';
import { signGostDetached } from './cms';
import { buildGostCrl, createGostRoot, issueGostCertificate } from './issue';

// The GOST test PKI under НУЦ РК's OIDs (profile 'kz'): what OpenSSL cannot read, checked by our
// verifier; the same code's 'ru' output is checked by OpenSSL in electron/core/signing/gostOpenssl.test.ts.

const NOW = new Date('2026-03-02T08:00:00Z');
const DAY = 86_400_000;
const department = { name: 'ГУ «Отдел образования» (TEST)', bin: '051140033077' };
const head = { surname: 'БЕКОВ', firstName: 'АСХАТ', patronymic: 'НҰРЛАНҰЛЫ', iin: '750130341505', organisation: department };
const validity = { notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 365 * DAY) };
const content = new TextEncoder().encode('{"decision":"approved"}');

function code(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (error) {
    return error instanceof ArmError ? error.code : String(error);
  }
}

describe('GOST test PKI (НУЦ РК profile)', () => {
  const root = createGostRoot({ now: NOW, commonName: 'ARM GOST TEST Root - NOT FOR PRODUCTION' });
  const headKey = issueGostCertificate({ issuer: root, person: head, kind: 'sign', organisationRole: 'head', ...validity });
  const employeeKey = issueGostCertificate({ issuer: root, person: head, kind: 'sign', organisationRole: 'employee', ...validity });
  const authKey = issueGostCertificate({ issuer: root, person: head, kind: 'auth', organisationRole: 'head', ...validity });
  const revokedKey = issueGostCertificate({ issuer: root, person: head, kind: 'sign', organisationRole: 'head', ...validity });
  const crl = parseCrl(buildGostCrl({ issuer: root, revoked: [{ serialNumber: revokedKey.certificate.serialHex, date: NOW }], thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + 7 * DAY), crlNumber: 1 }));
  const verify = (key: typeof headKey) => verifyDetached({ cms: signGostDetached({ content, key: key.key, signingTime: NOW, profile: 'kz' }), content, trustedRoots: [root.certificate.der], crls: [crl], expectedIin: head.iin, now: NOW });

  it('issues under the Kazakh OIDs, with the subject, KU and EKU as НУЦ writes them', () => {
    expect(root.certificate.signatureOid).toBe('1.2.398.3.10.1.1.2.3.2');
    expect(headKey.certificate.keyOid).toBe('1.2.398.3.10.1.1.2.2');
    expect(headKey.certificate.keyParamsOid).toBe('1.2.398.3.10.1.1.2.2.1');
    expect(headKey.certificate.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(headKey.certificate.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.1']);
    expect(authKey.certificate.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.1']);
  });

  it("verifies a head's signature with chain and CRL; the roles tell a head's key from an employee's", () => {
    const verified = verify(headKey);
    expect(verified.signer.subject).toMatchObject({ iin: head.iin, bin: department.bin, surname: 'БЕКОВ' });
    expect(code(() => requireSignerRole(verified.signer, 'result', department.bin))).toBe('none');
    expect(code(() => requireSignerRole(verify(employeeKey).signer, 'result', department.bin))).toBe('CERT_ROLE');
    expect(code(() => requireSignerRole(verified.signer, 'result', '160340012015'))).toBe('CERT_ORGANISATION');
  });

  it('refuses the AUTH key for signing and the key its CRL revokes', () => {
    expect(code(() => verify(authKey))).toBe('CERT_KEY_USAGE');
    expect(code(() => verify(revokedKey))).toBe('CERT_REVOKED');
  });
});
