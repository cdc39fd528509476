import { performance } from 'node:perf_hooks';
import type { ResultContent } from '../../shared/api';
import { openResources } from '../../electron/core/resources';
import { renderResultPdf } from '../../electron/core/results/pdf';
import { barcodeFromCms, decodeBarcode, encodeBarcode, verifyBarcode } from '../../shared/results/barcode';
import { canonicalBytes, canonicalSha256, parseCrl, signDetached } from '../../shared/signing';
import { createDemoPki } from '../../shared/signing/testPki';
import { median, report } from './report';

/** result.render_ms: one signed certificate PDF with its QR code; verify.ms: one barcode checked offline against the root and CRL. */
export async function resultsBench(): Promise<void> {
  const now = new Date();
  const pki = await createDemoPki({ now, only: ['head'] });
  const head = pki.keys.head;
  const content: ResultContent = {
    kind: 'certificate',
    number: 'edu-kokpekty-20260306-0001',
    date: now.toISOString().slice(0, 10),
    request: { number: 'con-kokpekty-20260302-0001', messageId: '3f1c2b7e-8d4a-4c1e-9b2f-6a5d4e3c2b1a', serviceId: 'guardianship-certificate', variantId: '000' },
    provider: 'edu-kokpekty',
    centre: 'con-kokpekty',
    templateId: '000.certificate',
    applicant: { iin: '900412400014', fullName: 'Сарсенбаева Айгерим Нурлановна', address: 'с. Кокпекты, ул. Абая 1' },
    fields: { akimLevel: 'района', decisionNumber: '125', decisionDate: '2026-02-20', childName: 'Сарсенбаев Алихан Нурланович', childBirthDate: '2019-06-20' },
    refusal: null,
    preparedBy: { fullName: 'Омарова Гүлнар Серікқызы' },
    signer: { fullName: 'Беков Асхат Нұрланұлы', iin: head.person.iin, position: { ru: 'Руководитель отдела', kk: 'Бөлім басшысы' }, organisation: 'ГУ «Отдел образования»' },
  };
  const cms = signDetached({ content: canonicalBytes(content), key: head.key, certificate: head.certificate, signingTime: now });
  const barcode = encodeBarcode(barcodeFromCms(cms, content.number, canonicalSha256(content)));

  const fonts = openResources().fonts();
  const renders: number[] = [];
  for (let run = 0; run < 15; run++) {
    const started = performance.now();
    await renderResultPdf(content, run % 2 ? 'kk' : 'ru', barcode, fonts);
    renders.push(performance.now() - started);
  }
  report('result.render_ms', median(renders), 'ms');

  const crls = [parseCrl(pki.crl)];
  const checks: number[] = [];
  for (let run = 0; run < 200; run++) {
    const started = performance.now();
    verifyBarcode(decodeBarcode(barcode), { certificate: head.certificate, content, roots: [pki.root.certificate], crls });
    checks.push(performance.now() - started);
  }
  report('verify.ms', median(checks), 'ms');
}
