import { performance } from 'node:perf_hooks';
import { openResources } from '../../electron/core/resources';
import { renderResultPdf } from '../../electron/core/results/pdf';
import { verifyPrint } from '../../electron/core/verify/check';
import { certificateContent } from '../../electron/core/testing/results';
import { barcodeFromCms, decodeBarcode, encodeBarcode, verifyBarcode } from '../../shared/results/barcode';
import { canonicalBytes, parseCrl, signDetached } from '../../shared/signing';
import { createDemoPki } from '../../shared/signing/testPki';
import { median, report } from './report';

/**
 * result.render_ms: one signed certificate PDF with its QR code; verify.ms: one barcode checked
 * offline against the root and CRL; verify.pdf_ms: one certificate PDF read, decoded and checked.
 */
export async function resultsBench(): Promise<void> {
  const now = new Date();
  const pki = await createDemoPki({ now, only: ['head'] });
  const head = pki.keys.head;
  const content = certificateContent(head.person.iin, now.toISOString().slice(0, 10));
  const cms = signDetached({ content: canonicalBytes(content), key: head.key, certificate: head.certificate, signingTime: now });
  const barcode = encodeBarcode(barcodeFromCms(cms, content));

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
    verifyBarcode(decodeBarcode(barcode), { certificate: head.certificate, roots: [pki.root.certificate], crls });
    checks.push(performance.now() - started);
  }
  report('verify.ms', median(checks), 'ms');

  // The whole check of one printed certificate: read the PDF (text and images), decode the QR,
  // check the signature and compare the page. The first run loads the decoders and is left out.
  const pdf = await renderResultPdf(content, 'ru', barcode, fonts);
  const trust = { roots: [pki.root.certificate], crls, certificates: [head.certificate], training: false };
  if (!(await verifyPrint(pdf, trust)).valid) throw new Error('the bench certificate does not verify');
  const pdfChecks: number[] = [];
  for (let run = 0; run < 10; run++) {
    const started = performance.now();
    await verifyPrint(pdf, trust);
    pdfChecks.push(performance.now() - started);
  }
  report('verify.pdf_ms', median(pdfChecks), 'ms');
}
