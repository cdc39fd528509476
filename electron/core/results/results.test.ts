import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultContent } from '../../../shared/api';
import { barcodeFromCms, encodeBarcode } from '../../../shared/results/barcode';
import { canonicalBytes, signDetached } from '../../../shared/signing';
import { createDemoPki, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { certificateContent } from '../testing/results';
import { openResources } from '../resources';
import { renderResultPdf } from './pdf';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['head'] });
}, 60_000);

const certificate = () => certificateContent(pki.keys.head.person.iin);

function barcodeFor(content: ResultContent, key: DemoKeyId = 'head') {
  const demo = pki.keys[key];
  const cms = signDetached({ content: canonicalBytes(content), key: demo.key, certificate: demo.certificate, signingTime: new Date('2026-03-06T10:00:00Z') });
  return barcodeFromCms(cms, content);
}

function pdfText(pdf: Buffer): { text: string; fonts: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-pdf-'));
  const file = path.join(dir, 'result.pdf');
  writeFileSync(file, pdf);
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), fonts: execFileSync('pdffonts', [file]).toString() };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('result PDFs', () => {
  it('prints the seed 000 certificate verbatim with the placeholders filled, the kk/ru clauses and a barcode', async () => {
    const content = certificate();
    const { text, fonts } = pdfText(await renderResultPdf(content, 'ru', encodeBarcode(barcodeFor(content)), openResources().fonts()));
    const body = squash(text);
    for (const line of [
      'СПРАВКА № edu-kokpekty-20260306-0001',
      'Настоящая справка выдана Сарсенбаева Айгерим Нурлановна',
      'проживающему (ей) по адресу с. Кокпекты, ул. Абая 1, в том,',
      'что он (она) согласно решению акима района № 125 от 20.02.2026 года',
      'действительно назначен (а) опекуном (попечителем) над Сарсенбаев Алихан Нурланович',
      '20.06.2019 года рождения и над его (ее) имуществом.',
      'являться его представителем на суде и во всех государственных учреждениях без особого полномочия.',
      'Начальник отдела образования: Беков Асхат Нұрланұлы',
      'равнозначен документу на бумажном носителе.',
      'қағаз тасығыштағы құжатқа тең.',
      'Штрих-код содержит данные, предоставленные информационной системой «Электронный акимат» и подписанные электронно-цифровой подписью ГУ «Отдел образования Кокпектинского района» (Жамбылский район Северо-Казахстанской области).',
    ]) {
      expect(body).toContain(line);
    }
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).toContain('DejaVuSans-Bold');
  });

  it('marks a duplicate on every page in the language printed, with its copy number and time', async () => {
    const content = certificate();
    const mark = { copy: 2, at: new Date('2026-03-10T04:15:00Z') };
    const ru = squash(pdfText(await renderResultPdf(content, 'ru', null, openResources().fonts(), mark)).text);
    expect(ru).toContain('ДУБЛИКАТ / ТЕЛНҰСҚА · экз. 2 · 10.03.2026 09:15');
    expect(ru).toContain('СПРАВКА № edu-kokpekty-20260306-0001');
    const kk = squash(pdfText(await renderResultPdf(content, 'kk', null, openResources().fonts(), mark)).text);
    expect(kk).toContain('ТЕЛНҰСҚА / ДУБЛИКАТ · дана 2 · 10.03.2026 09:15');
    expect(squash(pdfText(await renderResultPdf(content, 'ru', null, openResources().fonts())).text)).not.toContain('ДУБЛИКАТ');
  });

  it('prints the kk certificate and a refusal with the regulation grounds in kk', async () => {
    const kk = squash(pdfText(await renderResultPdf(certificate(), 'kk', null, openResources().fonts())).text);
    expect(kk).toContain('АНЫҚТАМА');
    expect(kk).toContain('Баланың аты-жөні: Сарсенбаев Алихан Нурланович');
    expect(kk).toContain('Бөлім басшысы: Беков Асхат Нұрланұлы');
    const refusal: ResultContent = { ...certificate(), kind: 'refusal', templateId: '000.refusal', fields: {}, refusal: { grounds: ['documentViolations'], text: 'Копия свидетельства нечитаема.' } };
    const text = squash(pdfText(await renderResultPdf(refusal, 'kk', null, openResources().fonts())).text);
    expect(text).toContain('БАС ТАРТУ ТУРАЛЫ ДӘЛЕЛДІ ЖАУАП № edu-kokpekty-20260306-0001 Күні: 2026 жылғы 6 наурыз');
    expect(text).toContain('— Қызмет алушының құжаттарындағы бұзушылықтар');
    expect(text).toContain('Копия свидетельства нечитаема.');
  });
});
