import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedPayload } from '../../../shared/api';
import { buildCrl, certificatePem, crlPem, toBase64 } from '../../../shared/signing';
import { createDemoPki, createTestRoot, issueOcspResponder, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import { writeSettings } from '../settings/store';
import { codeOf, signedIn, testCore } from '../testing';

// The АРМ's online revocation check: the signing dialog's path (signBytes, then acceptExternal —
// the same for the head's result) asks the gateway's OCSP responder first, the cached CRL decides
// when it cannot; either refuses a revoked key; an answer signed by a stranger is refused.

const PASSWORD = 'Пароль-ЭЦП-7731';
const PKI_TIMEOUT_MS = 60_000;
const DAY = 86_400_000;
const payload = { serviceId: 'education-004', applicant: { iin: '920314450217' }, time: '2026-11-23T10:00:00Z' };
let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(), password: PASSWORD, only: ['operator', 'revoked'] });
  gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl], ocsp: pki.ocsp }, now: () => new Date() });
}, PKI_TIMEOUT_MS);
afterAll(() => gateway.dispose());

/** An operator's window on a core that talks to `to`; the CRL cache filled as the dialog fills it. */
async function operatorCore(to: TestGateway) {
  const t = testCore({ gateway: to, clock: 'system' });
  const window = signedIn(t.core, 'operator', pki.keys.operator.person.iin);
  expect(await codeOf(t.core.dispatch('signing.trustStatus', undefined, window))).toBe('ok');
  const sign = async (key: DemoKeyId) => {
    const prepared = await t.core.dispatch('signing.prepareExternal', { payload }, window);
    if (!prepared.ok) throw new Error('prepare failed');
    const signed = await t.core.dispatch('signing.signBytes', { keyFile: toBase64(pki.keys[key].p12), password: PASSWORD, data: (prepared.value as { data: string }).data }, window);
    if (!signed.ok) return signed;
    return t.core.dispatch('signing.acceptExternal', { cms: (signed.value as { cms: string }).cms, payload }, window);
  };
  return { t, window, sign };
}

describe('the signing dialog asks OCSP online', () => {
  it('says the OCSP responder vouched for a current key', async () => {
    const { sign } = await operatorCore(gateway);
    const accepted = await sign('operator');
    expect(accepted.ok).toBe(true);
    const revocation = (accepted as { value: SignedPayload }).value.revocation;
    expect(revocation.method).toBe('ocsp');
    expect(Math.abs(Date.parse(revocation.checkedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a revoked key by OCSP even while the cached CRL does not list it yet', async () => {
    const { t, sign } = await operatorCore(gateway);
    // The supervisor's trust: the same root with an older CRL that lists nothing.
    const empty = buildCrl({ issuer: pki.root.certificate, issuerKey: pki.root.key, revoked: [], thisUpdate: new Date(Date.now() - DAY), nextUpdate: new Date(Date.now() + 6 * DAY), crlNumber: 0 });
    writeSettings(t.db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(empty) }, { userId: null }, new Date());
    expect(await codeOf(sign('revoked'))).toBe('CERT_REVOKED');
    // The same key passes the CRL alone: the refusal above was OCSP's.
    await gateway.call('/_control/faults', postJson({ mode: 'error500' }));
    try {
      expect(await codeOf(sign('revoked'))).toBe('ok');
    } finally {
      await gateway.call('/_control/faults', postJson({ mode: 'none' }));
    }
  });

  it('falls back to the CRL when the responder is down, and the CRL refuses a revoked key', async () => {
    const { sign } = await operatorCore(gateway);
    await gateway.call('/_control/faults', postJson({ mode: 'error500' }));
    try {
      const accepted = await sign('operator');
      expect(accepted.ok).toBe(true);
      const revocation = (accepted as { value: SignedPayload }).value.revocation;
      expect(revocation).toEqual({ method: 'crl', checkedAt: expect.any(String) });
      expect(await codeOf(sign('revoked'))).toBe('CERT_REVOKED');
    } finally {
      await gateway.call('/_control/faults', postJson({ mode: 'none' }));
    }
  });

  it('falls back to the CRL offline (a gateway that is gone)', async () => {
    const gone = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl], ocsp: pki.ocsp }, now: () => new Date() });
    const { sign } = await operatorCore(gone);
    await gone.dispose();
    const accepted = await sign('operator');
    expect(accepted.ok && (accepted.value as SignedPayload).revocation.method).toBe('crl');
  });

  it('refuses an answer signed by a responder the CA did not delegate', async () => {
    const stranger = issueOcspResponder({ issuer: createTestRoot({ now: new Date(), commonName: 'Somebody else CA' }), now: new Date() });
    const impostor = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl], ocsp: stranger }, now: () => new Date() });
    try {
      const { t, sign } = await operatorCore(impostor);
      expect(await codeOf(sign('operator'))).toBe('OCSP_RESPONDER_UNTRUSTED');
      // Nothing was recorded as signed.
      expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'signing.external'").get()).toEqual({ n: 0 });
    } finally {
      await impostor.dispose();
    }
  }, PKI_TIMEOUT_MS);
});
