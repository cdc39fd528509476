import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultContent } from '../../../shared/api';
import { BARCODE_BUDGET, barcodeFromCms, cmsCertificates, decodeBarcode, encodeBarcode, fitsBarcode, signerSha256, verifyBarcode } from '../../../shared/results/barcode';
import { canonicalBytes, parseCrl, signDetached } from '../../../shared/signing';
import { signGostDetached } from '../../../shared/signing/gost/cms';
import { gostPem } from '../../../shared/signing/gost/issue';
import { createDemoPki, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { nodeCrypto } from '../crypto/node';
import { renderResultPdf } from '../results/pdf';
import { parseSigners, signerView, verifyPrint, type VerifyTrust } from './check';
import { openResources } from '../resources';
import { certificateContent } from '../testing/results';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['head', 'clerk', 'revoked'] });
}, 60_000);

const certificate = (): ResultContent => certificateContent(pki.keys.head.person.iin);

function barcodeOf(content: ResultContent, key: DemoKeyId = 'head'): string {
  const demo = pki.keys[key];
  const cms = signDetached({ content: canonicalBytes(content), key: demo.key, certificate: demo.certificate, signingTime: new Date('2026-03-06T10:00:00Z') });
  return encodeBarcode(barcodeFromCms(cms, content));
}

const trust = (extra: Partial<VerifyTrust> = {}): VerifyTrust => ({
  roots: [pki.root.certificate],
  crls: [parseCrl(pki.crl)],
  certificates: [pki.keys.head.certificate, pki.keys.revoked.certificate],
  training: false,
  ...extra,
});

function render200dpi(pdf: Buffer): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-verify-'));
  writeFileSync(path.join(dir, 'print.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', path.join(dir, 'print.pdf'), path.join(dir, 'page')]);
  return readFileSync(path.join(dir, 'page.png'));
}

/**
 * A photo of the page held at an angle: the page turned by `degrees` and seen in perspective
 * (its top edge shorter than its bottom), resampled bilinearly onto a grey background.
 */
function photograph(png: Buffer, degrees: number, squeeze: number): Buffer {
  const page = PNG.sync.read(png);
  const out = new PNG({ width: page.width, height: page.height });
  const angle = (degrees * Math.PI) / 180;
  const [cx, cy] = [page.width / 2, page.height / 2];
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      // Undo the rotation, then the perspective: rows near the top were narrowed by `squeeze`.
      const dx = x - cx;
      const dy = y - cy;
      const rx = Math.cos(angle) * dx + Math.sin(angle) * dy;
      const ry = -Math.sin(angle) * dx + Math.cos(angle) * dy;
      const v = (ry + cy) / page.height;
      const scale = 1 - squeeze * (1 - v);
      const sx = rx / scale + cx;
      const sy = ry + cy;
      const at = (y * out.width + x) * 4;
      let value = 128;
      if (sx >= 0 && sy >= 0 && sx < page.width - 1 && sy < page.height - 1) {
        const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
        const [fx, fy] = [sx - x0, sy - y0];
        const pixel = (px: number, py: number) => page.data[(py * page.width + px) * 4]!;
        value = pixel(x0, y0) * (1 - fx) * (1 - fy) + pixel(x0 + 1, y0) * fx * (1 - fy) + pixel(x0, y0 + 1) * (1 - fx) * fy + pixel(x0 + 1, y0 + 1) * fx * fy;
      }
      out.data.set([value, value, value, 255], at);
    }
  }
  return PNG.sync.write(out);
}

describe('verify a printed result', () => {
  it('finds the barcode in the PDF, checks the signature offline, and compares the page with the signed data', async () => {
    const content = certificate();
    const verdict = await verifyPrint(await renderResultPdf(content, 'ru', barcodeOf(content), openResources().fonts()), trust());
    expect(verdict).toMatchObject({ valid: true, code: null, source: 'pdf', compared: true, missing: [] });
    expect(verdict.result).toMatchObject({ number: content.number, applicant: { fullName: content.applicant.fullName }, signer: { subject: { iin: pki.keys.head.person.iin } }, training: false });
    await expect(verifyPrint(await renderResultPdf(content, 'kk', barcodeOf(content), openResources().fonts()), trust())).resolves.toMatchObject({ valid: true, compared: true });
  }, 30_000);

  it(`keeps the barcode within ${BARCODE_BUDGET} characters (QR version ≤ 30, level M) and decodes it from the page rendered at 200 dpi`, async () => {
    const content = certificate();
    const text = barcodeOf(content);
    expect(text.length).toBeLessThanOrEqual(BARCODE_BUDGET);
    expect(QRCode.create(text, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(30);
    const png = render200dpi(await renderResultPdf(content, 'ru', text, openResources().fonts()));
    await expect(verifyPrint(png, trust())).resolves.toMatchObject({ valid: true, source: 'image', compared: false, result: { number: content.number } });
  }, 30_000);

  it('reads a photo taken at an angle (turned 7°, in perspective)', async () => {
    const content = certificate();
    const photo = photograph(render200dpi(await renderResultPdf(content, 'ru', barcodeOf(content), openResources().fonts())), 7, 0.12);
    await expect(verifyPrint(photo, trust())).resolves.toMatchObject({ valid: true, source: 'image', result: { number: content.number } });
  }, 60_000);

  it('refuses a PDF without a QR, a QR of another system, an empty or unreadable file', async () => {
    const content = certificate();
    await expect(verifyPrint(await renderResultPdf(content, 'ru', null, openResources().fonts()), trust())).resolves.toMatchObject({ valid: false, code: 'BARCODE_NOT_FOUND', result: null });
    await expect(verifyPrint(await renderResultPdf(content, 'ru', 'https://egov.kz/services/verify?id=123', openResources().fonts()), trust())).resolves.toMatchObject({ valid: false, code: 'BARCODE_FOREIGN' });
    await expect(verifyPrint(new Uint8Array(0), trust())).resolves.toMatchObject({ valid: false, code: 'FILE_EMPTY' });
    await expect(verifyPrint(Buffer.from('not an image at all'), trust())).resolves.toMatchObject({ valid: false, code: 'FILE_TYPE' });
  }, 30_000);

  it('refuses a revoked signer, an unknown signer, a signer outside the trusted roots', async () => {
    const content = certificate();
    await expect(verifyPrint(await renderResultPdf(content, 'ru', barcodeOf(content, 'revoked'), openResources().fonts()), trust())).resolves.toMatchObject({ valid: false, code: 'CERT_REVOKED' });
    await expect(verifyPrint(await renderResultPdf(content, 'ru', barcodeOf(content, 'clerk'), openResources().fonts()), trust())).resolves.toMatchObject({ valid: false, code: 'SIGNER_UNKNOWN' });
    const pdf = await renderResultPdf(content, 'ru', barcodeOf(content), openResources().fonts());
    await expect(verifyPrint(pdf, trust({ roots: [] }))).resolves.toMatchObject({ valid: false, code: 'CERT_UNTRUSTED' });
    await expect(verifyPrint(pdf, trust({ crls: [] }))).resolves.toMatchObject({ valid: false, code: 'CRL_UNAVAILABLE' });
  }, 30_000);

  it('refuses a page whose printed name or decision number was edited under a valid barcode, naming the line', async () => {
    const content = certificate();
    const barcode = barcodeOf(content);
    const renamed = await verifyPrint(await renderResultPdf({ ...content, applicant: { ...content.applicant, fullName: 'Сарсенбаева Айгерим Нурлановне' } }, 'ru', barcode, openResources().fonts()), trust());
    expect(renamed).toMatchObject({ valid: false, code: 'PRINT_MISMATCH', compared: true, result: { number: content.number } });
    expect(renamed.missing).toEqual(['Настоящая справка выдана Сарсенбаева Айгерим Нурлановна']);
    const renumbered = await verifyPrint(await renderResultPdf({ ...content, fields: { ...content.fields, decisionNumber: '126' } }, 'kk', barcode, openResources().fonts()), trust());
    expect(renumbered).toMatchObject({ valid: false, code: 'PRINT_MISMATCH' });
  }, 30_000);

  it('never says valid for a barcode with one character changed', async () => {
    const text = barcodeOf(certificate());
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    for (let at = 5; at < text.length; at += 97) {
      const changed = text.slice(0, at) + alphabet[(alphabet.indexOf(text[at]!) + 1) % 45] + text.slice(at + 1);
      let code: string | null = null;
      try {
        const payload = decodeBarcode(changed);
        // Decoded still: the check must fail on the signature or the data.
        const { verifyBarcode } = await import('../../../shared/results/barcode');
        verifyBarcode(payload, { certificate: pki.keys.head.certificate, roots: [pki.root.certificate], crls: [parseCrl(pki.crl)] });
      } catch (error) {
        code = (error as { code: string }).code;
      }
      expect(['BARCODE_DAMAGED', 'SIGNATURE_INVALID'], `change at ${at}`).toContain(code);
    }
  });

  it('refuses a training print outside training mode and accepts it in training', async () => {
    const content: ResultContent = { ...certificate(), training: true };
    const pdf = await renderResultPdf(content, 'ru', barcodeOf(content), openResources().fonts());
    await expect(verifyPrint(pdf, trust())).resolves.toMatchObject({ valid: false, code: 'TRAINING_PRINT', result: { training: true } });
    await expect(verifyPrint(pdf, trust({ training: true }))).resolves.toMatchObject({ valid: true });
  }, 30_000);

  it('tells at the decision a result too long for its barcode', () => {
    const refusal: ResultContent = { ...certificate(), kind: 'refusal', templateId: '000.refusal', fields: {}, refusal: { grounds: ['documentViolations'], text: 'Копия свидетельства о рождении нечитаема. ' } };
    expect(fitsBarcode(refusal)).toBe(true);
    // Words in an order deflate cannot fold away, as a long real text is.
    const words = ['копия', 'свидетельства', 'рождении', 'нечитаема', 'приложите', 'заново', 'справка', 'адрес', 'опекун', 'решение', 'акима', 'района'];
    const long = Array.from({ length: 500 }, (_, i) => `${words[(i * 7 + (i >> 3)) % 12]}${i % 13}`).join(' ');
    expect(fitsBarcode({ ...refusal, refusal: { grounds: ['documentViolations'], text: long } })).toBe(false);
  });
});

// A head's GOST 34.10-2015 key (НУЦ РК's since 2024): the same offline check through the crypto
// provider, with the GOST demo root and its CRL in the trust.
describe('verify a printed result signed with a GOST head key', () => {
  const gostBarcode = (content: ResultContent, id: 'gostHead' | 'gostHeadEmployee' = 'gostHead') =>
    encodeBarcode(barcodeFromCms(signGostDetached({ content: canonicalBytes(content), key: pki.gost.keys[id].key, signingTime: new Date('2026-03-06T10:00:00Z'), profile: 'kz', crypto: nodeCrypto() }), content));
  const gostTrust = (extra: Partial<VerifyTrust> = {}): VerifyTrust =>
    trust({ roots: [pki.root.certificate, pki.gost.root.certificate.der], crls: [parseCrl(pki.crl), parseCrl(pki.gost.crl)], certificates: [pki.keys.head.certificate, pki.gost.keys.gostHead.certificate.der], crypto: nodeCrypto(), ...extra });

  it('verifies the PDF offline and names the GOST signer; the QR stays within the budget and decodes at 200 dpi', async () => {
    const content = certificate();
    const text = gostBarcode(content);
    expect(text.length).toBeLessThanOrEqual(BARCODE_BUDGET);
    const verdict = await verifyPrint(await renderResultPdf(content, 'ru', text, openResources().fonts()), gostTrust());
    expect(verdict).toMatchObject({ valid: true, code: null, compared: true, result: { number: content.number, signer: { subject: { iin: pki.gost.keys.gostHead.person.iin } } } });
    const png = render200dpi(await renderResultPdf(content, 'kk', text, openResources().fonts()));
    await expect(verifyPrint(png, gostTrust())).resolves.toMatchObject({ valid: true, source: 'image' });
  }, 60_000);

  it('refuses an edited printed field, one changed barcode character, an unknown or untrusted GOST signer', async () => {
    const content = certificate();
    const text = gostBarcode(content);
    const renamed = await verifyPrint(await renderResultPdf({ ...content, applicant: { ...content.applicant, fullName: 'Сарсенбаева Айгерим Нурлановне' } }, 'ru', text, openResources().fonts()), gostTrust());
    expect(renamed).toMatchObject({ valid: false, code: 'PRINT_MISMATCH' });
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    for (let at = 5; at < text.length; at += 89) {
      const changed = text.slice(0, at) + alphabet[(alphabet.indexOf(text[at]!) + 1) % 45] + text.slice(at + 1);
      let code: string | null = null;
      try {
        verifyBarcode(decodeBarcode(changed), { certificate: pki.gost.keys.gostHead.certificate.der, roots: [pki.gost.root.certificate.der], crls: [parseCrl(pki.gost.crl)] });
      } catch (error) {
        code = (error as { code: string }).code;
      }
      expect(['BARCODE_DAMAGED', 'SIGNATURE_INVALID'], `change at ${at}`).toContain(code);
    }
    const pdf = await renderResultPdf(content, 'ru', text, openResources().fonts());
    await expect(verifyPrint(pdf, gostTrust({ certificates: [pki.keys.head.certificate] }))).resolves.toMatchObject({ valid: false, code: 'SIGNER_UNKNOWN' });
    await expect(verifyPrint(pdf, gostTrust({ roots: [pki.root.certificate] }))).resolves.toMatchObject({ valid: false, code: 'CERT_UNTRUSTED' });
    await expect(verifyPrint(pdf, gostTrust({ crls: [parseCrl(pki.crl)] }))).resolves.toMatchObject({ valid: false, code: 'CRL_UNAVAILABLE' });
  }, 60_000);

  it('finds a GOST signer in the results a workstation holds (the CMS’s certificates) and in a PEM list', () => {
    const content = certificate();
    const cms = signGostDetached({ content: canonicalBytes(content), key: pki.gost.keys.gostHead.key, signingTime: new Date('2026-03-06T10:00:00Z'), profile: 'kz' });
    const [found] = cmsCertificates(cms);
    expect(found).toBeInstanceOf(Uint8Array);
    expect(signerSha256(found!)).toBe(decodeBarcode(gostBarcode(content)).certificateSha256);
    const [parsed] = parseSigners(gostPem('CERTIFICATE', pki.gost.keys.gostHead.certificate.der));
    expect(signerView(parsed!)).toMatchObject({ iin: pki.gost.keys.gostHead.person.iin, sha256: pki.gost.keys.gostHead.certificate.fingerprintSha256 });
  });
});
