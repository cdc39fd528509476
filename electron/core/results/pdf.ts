import QRCode from 'qrcode';
import type { ResultContent } from '../../../shared/api';
import kk from '../../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../../shared/i18n/ru.json' with { type: 'json' };
import { certificateTemplate, dmy, fieldValue, fillLine, longDate, resultTemplate } from '../../../shared/results/templates';
import { findVariant } from '../inbox/variant';
import { applicantInfo, drawApplicantInfo } from '../pdf/applicantInfo';
import { pdfDocument } from '../pdf/document';
import type { Fonts } from '../resources';

export type Language = 'ru' | 'kk';

// Texts quoted from seed 000, Прил.3 («Выходная форма положительного ответа на электронную
// государственную услугу», Выдача справок по опеке и попечительству). The kk and ru equivalence
// clause and barcode note are the same in seeds 000 and 003; «{указать подразделение} ({Указать
// регион})» is filled with the signer's organisation and the regulation's region.
const EQUIVALENCE = {
  kk: 'Осы құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» 2003 жылғы 7 қаңтардағы №370-ІІ ҚРЗ 7-бабының 1-тармағына сәйкес қағаз тасығыштағы құжатқа тең.',
  ru: 'Данный документ согласно пункту 1 статьи 7 ЗРК от 7 января 2003 года «Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном носителе.',
};
const barcodeNote = (unit: string, region: string) => ({
  kk: `*Штрих-код «Электрондық әкімдік» аппараттық жүйесі ұсынған және электрондық-цифрлық қолтаңбамен қол қойылған деректерді қамтиды ${unit} (${region}).`,
  ru: `Штрих-код содержит данные, предоставленные информационной системой «Электронный акимат» и подписанные электронно-цифровой подписью ${unit} (${region}).`,
});

/** Titles where no seed gives the form (glossary: справка/анықтама; мотивированный ответ об отказе / бас тарту туралы дәлелді жауап). */
const TITLES = {
  certificate: { ru: 'СПРАВКА', kk: 'АНЫҚТАМА' },
  refusal: { ru: 'МОТИВИРОВАННЫЙ ОТВЕТ ОБ ОТКАЗЕ', kk: 'БАС ТАРТУ ТУРАЛЫ ДӘЛЕЛДІ ЖАУАП' },
};
const LABELS = {
  ru: { number: '№', date: 'Дата', applicant: 'Услугополучатель', iin: 'ИИН', request: 'Заявление', grounds: 'Основания отказа', signer: 'Подписано ЭЦП' },
  kk: { number: '№', date: 'Күні', applicant: 'Көрсетілетін қызметті алушы', iin: 'ЖСН', request: 'Өтініш', grounds: 'Бас тарту негіздері', signer: 'ЭЦҚ-мен қол қойылды' },
};
const GROUNDS = { ru: ru.catalog.refusal, kk: kk.catalog.refusal } as const;
export const TRAINING_MARK = 'УЧЕБНЫЙ ОБРАЗЕЦ / ОҚУ ҮЛГІСІ';

/** A seed's text, its placeholders filled (templates as data: shared/results/templates/). */
function seedBody(content: ResultContent, lines: string[]): string[] {
  return lines.map((line) => fillLine(line, content));
}

/** Where no seed gives the text (generic.json says why): the catalog's result name, the request, the clerk's fields or the refusal. */
function genericBody(content: ResultContent, lang: Language): string[] {
  const label = LABELS[lang];
  const variant = findVariant(content.request.serviceId, content.request.variantId);
  const result = variant?.results.find((candidate) => candidate.templateId === content.templateId);
  const title = content.kind === 'refusal' ? TITLES.refusal[lang] : `${TITLES.certificate[lang]}${result ? ` — ${result.name[lang]}` : ''}`;
  const fields = certificateTemplate(content.templateId).fields;
  return [
    title,
    `${label.number} ${content.number}`,
    `${label.date}: ${lang === 'kk' ? longDate(content.date, 'kk') : dmy(content.date)}`,
    `${label.applicant}: ${content.applicant.fullName}, ${label.iin} ${content.applicant.iin}`,
    `${label.request} ${label.number} ${content.request.number}`,
    ...(content.refusal
      ? [`${label.grounds}:`, ...content.refusal.grounds.map((ground) => `— ${GROUNDS[lang][ground]}`), content.refusal.text]
      : fields.map((field) => `${field.label[lang]}: ${fieldValue(field, content.fields[field.key], lang)}`)),
    `${content.signer?.position[lang] ?? ''}: ${content.signer?.fullName ?? ''}`,
  ];
}

export function resultLines(content: ResultContent, lang: Language): string[] {
  const template = resultTemplate(content.templateId);
  const lines = template.kind === content.kind ? template.text?.[lang] : undefined;
  return lines ? seedBody(content, lines) : genericBody(content, lang);
}

/** «УЧЕБНЫЙ ОБРАЗЕЦ / ОҚУ ҮЛГІСІ» across the page: a training print is never mistaken for a real one. */
function markTraining(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc.save().rotate(-40, { origin: [width / 2, height / 2] }).fillColor('#c00000').fillOpacity(0.18).font('bold').fontSize(44);
  doc.text(TRAINING_MARK, 0, height / 2 - 30, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').fillOpacity(1);
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}

/**
 * The printed result: the body, the signer, the equivalence clause and the barcode note in kk and
 * ru, and the QR code (shared/results/barcode.ts). A preview before signing passes no barcode.
 */
export async function renderResultPdf(content: ResultContent, lang: Language, barcode: string | null, fonts: Fonts): Promise<Buffer> {
  const doc = pdfDocument(fonts, { size: 'A4', margin: 56, info: { Title: `${content.number}`, Producer: 'АРМ' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (content.training) {
    markTraining(doc);
    doc.on('pageAdded', () => markTraining(doc));
  }

  const [title, ...body] = resultLines(content, lang);
  doc.font('bold').fontSize(13).text(title ?? '', { align: 'center' }).moveDown();
  doc.font('regular').fontSize(11);
  for (const line of body) doc.text(line).moveDown(0.4);
  if (content.signer) doc.moveDown().fontSize(9).text(`${LABELS[lang].signer}: ${content.signer.fullName}, ${content.signer.position[lang]}, ${content.signer.organisation}`);
  doc.moveDown().fontSize(8).text(EQUIVALENCE.kk).text(EQUIVALENCE.ru);
  if (barcode) {
    const png = await QRCode.toBuffer(barcode, { errorCorrectionLevel: 'M', margin: 1, scale: 3 });
    doc.moveDown().image(png, { fit: [170, 170] });
    const region = findVariant(content.request.serviceId, content.request.variantId)?.region[lang] ?? '';
    const note = barcodeNote(content.signer?.organisation ?? content.provider, region);
    doc.moveDown(0.5).fontSize(8).text(note.kk).text(note.ru);
  }
  doc.moveDown();
  drawApplicantInfo(doc, applicantInfo(findVariant(content.request.serviceId, content.request.variantId)?.seed ?? null, content.request.number), lang);
  doc.end();
  return done;
}
