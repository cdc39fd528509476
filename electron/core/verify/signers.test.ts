import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultContent } from '../../../shared/api';
import { barcodeFromCms, encodeBarcode } from '../../../shared/results/barcode';
import { canonicalBytes, certificatePem, signDetached } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { renderResultPdf } from '../results/pdf';
import { openResources } from '../resources';
import { configureProvider } from '../testing/provider';
import { certificateContent } from '../testing/results';
import { testCore } from '../testing';

// A workstation that never received a result from a head still verifies that head's print: the
// heads' certificates as reference data (trust.signers), checked against the roots and CRLs as always.

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['head', 'clerk'] });
}, 60_000);

async function headPrint(): Promise<Uint8Array> {
  const content: ResultContent = certificateContent(pki.keys.head.person.iin);
  const cms = signDetached({ content: canonicalBytes(content), key: pki.keys.head.key, certificate: pki.keys.head.certificate, signingTime: new Date('2026-03-06T10:00:00Z') });
  return renderResultPdf(content, 'ru', encodeBarcode(barcodeFromCms(cms, content)), openResources().fonts());
}

describe('heads’ certificates as reference data', () => {
  it('SIGNER_UNKNOWN until the supervisor lists the head; then valid; a bad PEM changes nothing', async () => {
    const t = testCore({ clock: { now: Date.parse('2026-03-06T10:00:00Z') } });
    configureProvider(t.db, pki, 'con-kokpekty');
    const supervisor = t.as('supervisor');
    const operator = t.as('operator');
    const bytes = await headPrint();
    await expect(operator.verify.print({ fileName: 'result.pdf', bytes })).resolves.toMatchObject({ valid: false, code: 'SIGNER_UNKNOWN' });

    await expect(supervisor.verify.setSigners({ pem: 'not a certificate' })).rejects.toMatchObject({ code: 'TRUST_INVALID' });
    await expect(operator.verify.setSigners({ pem: certificatePem(pki.keys.head.certificate) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const listed = await supervisor.verify.setSigners({ pem: certificatePem(pki.keys.head.certificate) });
    expect(listed).toEqual([expect.objectContaining({ iin: pki.keys.head.person.iin })]);
    await expect(operator.verify.print({ fileName: 'result.pdf', bytes })).resolves.toMatchObject({ valid: true });
    // Listed but not trusted is still refused: the list only names candidates.
    await expect(supervisor.verify.setSigners({ pem: `${certificatePem(pki.keys.clerk.certificate)}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----` })).rejects.toMatchObject({ code: 'TRUST_INVALID' });
    await expect(operator.verify.signers()).resolves.toHaveLength(1);
    const [audit] = await supervisor.audit.list({ action: 'settings.change' });
    expect(audit!.objectId).toBe('trust.signers');
    t.close();
  }, 60_000);
});
