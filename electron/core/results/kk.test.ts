import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultContent } from '../../../shared/api';
import { createCatalog } from '../../../shared/catalog/catalog';
import { certificateTemplate, resultTemplate } from '../../../shared/results/templates';
import { renderResultPdf, TRAINING_MARK } from './pdf';
import { openResources } from '../resources';

// Every result of the catalog printed in Kazakh: pdftotext finds no Russian word of a small
// stop-list outside what the seeds print in both languages (the equivalence clause, the barcode
// note) and the names and addresses, which are given here in Kazakh.
const RUSSIAN = ['ИИН', 'района', 'города', 'справка', 'выдана', 'заявление', 'года', 'рождения', 'дата', 'отказа', 'услугополучатель', 'подписано', 'начальник', 'решения', 'акима', 'имущества', 'проживающему', 'опекуном'];
const BILINGUAL = [/Данный документ согласно[\s\S]*?на бумажном носителе\./g, /Штрих-код содержит данные[\s\S]*?подписью/g];

/** The text of a PDF; raw keeps the content-stream order, so the turned training mark reads whole. */
function pdfText(pdf: Buffer, raw = false): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-kk-'));
  writeFileSync(path.join(dir, 'result.pdf'), pdf);
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), path.join(dir, 'result.pdf'), '-']).toString();
}

function sample(templateId: string, kind: 'certificate' | 'refusal', serviceId: string, variantId: string): ResultContent {
  const fields = Object.fromEntries(
    certificateTemplate(templateId).fields.map((field) => [field.key, field.type === 'date' ? '2026-02-20' : field.type === 'choice' ? field.options![1]!.value : 'Көкпекті ауылы']),
  );
  return {
    kind,
    number: 'edu-kokpekty-20260306-0001',
    date: '2026-03-06',
    request: { number: 'con-kokpekty-20260302-0001', messageId: '3f1c2b7e-8d4a-4c1e-9b2f-6a5d4e3c2b1a', serviceId, variantId },
    provider: 'edu-kokpekty',
    centre: 'con-kokpekty',
    templateId,
    applicant: { iin: '900412400014', fullName: 'Сәрсенбаева Әйгерім Нұрланқызы', address: 'Көкпекті ауылы, Абай көшесі, 1' },
    fields: kind === 'certificate' ? fields : {},
    refusal: kind === 'refusal' ? { grounds: ['documentViolations'], text: 'Туу туралы куәліктің көшірмесі оқылмайды.' } : null,
    preparedBy: { fullName: 'Омарова Гүлнар Серікқызы' },
    signer: { fullName: 'Беков Асхат Нұрланұлы', iin: '750130341505', position: { ru: 'Руководитель отдела', kk: 'Бөлім басшысы' }, organisation: 'Көкпекті ауданының білім бөлімі' },
  };
}

const russianWords = (text: string) => {
  const kazakhOnly = BILINGUAL.reduce((rest, pattern) => rest.replace(pattern, ''), text);
  return RUSSIAN.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(kazakhOnly));
};

describe('Kazakh prints', () => {
  const results = createCatalog().services.flatMap((service) =>
    service.variants.flatMap((variant) => [
      ...variant.results.map((result) => ({ templateId: result.templateId, kind: 'certificate' as const, serviceId: service.id, variantId: variant.id })),
      { templateId: variant.refusal.templateId, kind: 'refusal' as const, serviceId: service.id, variantId: variant.id },
    ]),
  );

  it.each(results)('$templateId in kk has no Russian word, ЖСН for the IIN and the Kazakh date order', async ({ templateId, kind, serviceId, variantId }) => {
    const text = pdfText(await renderResultPdf(sample(templateId, kind, serviceId, variantId), 'kk', null, openResources().fonts()));
    const flat = text.replace(/\s+/g, ' ');
    expect(russianWords(text)).toEqual([]);
    // A seed's own Kazakh text (003 Reg.1, 004 Reg.1) prints neither the IIN nor the result's long date.
    if (!resultTemplate(templateId).text?.kk) {
      expect(flat).toContain('ЖСН 900412400014');
      expect(flat).toMatch(/2026 жылғы (6 наурыз|20 ақпан)/);
    }
  });

  it('the stop-list catches the Russian layout (the check can fail)', async () => {
    const text = pdfText(await renderResultPdf(sample('000.certificate', 'certificate', 'guardianship-certificate', '000'), 'ru', null, openResources().fonts()));
    expect(russianWords(text)).toEqual(expect.arrayContaining(['справка', 'выдана', 'года']));
  });

  it('prints a training result «УЧЕБНЫЙ ОБРАЗЕЦ / ОҚУ ҮЛГІСІ» on every page, and a real one without it', async () => {
    const long = { ...sample('000.refusal', 'refusal', 'guardianship-certificate', '000'), training: true as const };
    const text = pdfText(await renderResultPdf({ ...long, refusal: { grounds: ['documentViolations'], text: 'Құжат оқылмайды. '.repeat(400) } }, 'kk', null, openResources().fonts()), true);
    const pages = text.split('\f').filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(1);
    // The turned letters come out spaced apart: compare without spaces.
    for (const page of pages) expect(page.replace(/\s+/g, '')).toContain(TRAINING_MARK.replace(/\s+/g, ''));
    expect(pdfText(await renderResultPdf(sample('000.refusal', 'refusal', 'guardianship-certificate', '000'), 'kk', null, openResources().fonts()))).not.toContain('ОҚУ ҮЛГІСІ');
  });
});
