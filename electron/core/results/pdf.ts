import type { ResultContent } from '../../../shared/api';
import kk from '../../../shared/i18n/kk.json' with { type: 'json' };
import ru from '../../../shared/i18n/ru.json' with { type: 'json' };
import { documentFields, dmy, fieldValue, fillLine, longDate, resultTemplate } from '../../../shared/results/templates';
import { findVariant } from '../inbox/variant';
import { applicantInfo, drawApplicantInfo } from '../pdf/applicantInfo';
import { pdfDocument } from '../pdf/document';
import { markDuplicate, type DuplicateMark } from '../pdf/duplicate';
import { drawQr } from '../pdf/qr';
import type { Fonts } from '../resources';

export type Language = 'ru' | 'kk';

// Texts quoted from seed 000, Прил.3 («Выходная форма положительного ответа на электронную
// государственную услугу», Выдача справок по опеке и попечительству). The kk and ru equivalence
// clause and barcode note are the same in seeds 000 and 003; «{указать подразделение} ({Указать
// регион})» is filled with the signer's organisation and the regulation's region. «ақпараттық
// жүйесі» as seed 003 and seed 000's footer (L280) write it; seed 000's barcode line (L285) has the
// typo «аппараттық», corrected here.
const EQUIVALENCE = {
  kk: 'Осы құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» 2003 жылғы 7 қаңтардағы №370-ІІ ҚРЗ 7-бабының 1-тармағына сәйкес қағаз тасығыштағы құжатқа тең.',
  ru: 'Данный документ согласно пункту 1 статьи 7 ЗРК от 7 января 2003 года «Об электронном документе и электронной цифровой подписи» равнозначен документу на бумажном носителе.',
};
const barcodeNote = (unit: string, region: string) => ({
  kk: `*Штрих-код «Электрондық әкімдік» ақпараттық жүйесі ұсынған және электрондық-цифрлық қолтаңбамен қол қойылған деректерді қамтиды ${unit} (${region}).`,
  ru: `Штрих-код содержит данные, предоставленные информационной системой «Электронный акимат» и подписанные электронно-цифровой подписью ${unit} (${region}).`,
});

/** Titles where no seed gives the form (glossary: справка/анықтама; мотивированный ответ об отказе / бас тарту туралы дәлелді жауап). */
// The supervisor may reword these captions (results.setWording); a result keeps the wording it was decided under.
export const BUILT_IN_WORDING = {
  ru: { certificateTitle: 'СПРАВКА', refusalTitle: 'МОТИВИРОВАННЫЙ ОТВЕТ ОБ ОТКАЗЕ', date: 'Дата', applicant: 'Услугополучатель', iin: 'ИИН', request: 'Заявление', grounds: 'Основания отказа', signer: 'Подписано ЭЦП' },
  kk: { certificateTitle: 'АНЫҚТАМА', refusalTitle: 'БАС ТАРТУ ТУРАЛЫ ДӘЛЕЛДІ ЖАУАП', date: 'Күні', applicant: 'Көрсетілетін қызметті алушы', iin: 'ЖСН', request: 'Өтініш', grounds: 'Бас тарту негіздері', signer: 'ЭЦҚ-мен қол қойылды' },
};
const wordingOf = (content: ResultContent, lang: Language) => ({ number: '№', ...BUILT_IN_WORDING[lang], ...content.wording?.[lang] });
const GROUNDS = { ru: ru.catalog.refusal, kk: kk.catalog.refusal } as const;
export const TRAINING_MARK = 'УЧЕБНЫЙ ОБРАЗЕЦ / ОҚУ ҮЛГІСІ';

/** A seed's text, its placeholders filled (templates as data: shared/results/templates/). */
function seedBody(content: ResultContent, lines: string[]): string[] {
  return lines.map((line) => fillLine(line, content));
}

/** Where no seed gives the text (generic.json says why): the catalog's result name, the request, the clerk's fields or the refusal. */
function genericBody(content: ResultContent, lang: Language): string[] {
  const label = wordingOf(content, lang);
  const variant = findVariant(content.request.serviceId, content.request.variantId);
  const result = variant?.results.find((candidate) => candidate.templateId === content.templateId);
  // A certificate is «СПРАВКА — its name»; a notice, referral, decision or contract is its own name.
  const title = content.kind === 'refusal' ? label.refusalTitle : result && result.kind !== 'certificate' ? result.name[lang] : `${label.certificateTitle}${result ? ` — ${result.name[lang]}` : ''}`;
  const fields = documentFields(content.templateId).map((field) => `${field.label[lang]}: ${fieldValue(field, content.fields[field.key], lang)}`);
  return [
    title,
    `${label.number} ${content.number}`,
    `${label.date}: ${lang === 'kk' ? longDate(content.date, 'kk') : dmy(content.date)}`,
    `${label.applicant}: ${content.applicant.fullName}, ${label.iin} ${content.applicant.iin}`,
    `${label.request} ${label.number} ${content.request.number}`,
    ...(content.refusal ? [...fields, `${label.grounds}:`, ...content.refusal.grounds.map((ground) => `— ${GROUNDS[lang][ground]}`), content.refusal.text] : fields),
    `${content.signer?.position[lang] ?? ''}: ${content.signer?.fullName ?? ''}`,
  ];
}

const dayIn = (iso: string, lang: Language) => (lang === 'kk' ? longDate(iso, 'kk') : dmy(iso));

/**
 * What the regulation's term and the register add under the text, in the print's language: the
 * expiry date («справка действительна 1 месяц» as a day) and the queue's number and place.
 */
function registerLines(content: ResultContent, lang: Language): string[] {
  const lines: string[] = [];
  const queue = content.queue;
  if (queue) {
    lines.push(
      lang === 'kk'
        ? `Кезек «${queue.register}»: журналдағы нөмірі ${queue.number} (${dayIn(queue.registeredOn, lang)}), ${dayIn(content.date, lang)} күнгі кезектегі орны: ${queue.position}`
        : `Очередь «${queue.register}»: номер в журнале ${queue.number} от ${dayIn(queue.registeredOn, lang)}, место в очереди на ${dayIn(content.date, lang)}: ${queue.position}`,
    );
  }
  if (content.validUntil) lines.push(lang === 'kk' ? `Жарамдылық мерзімінің соңғы күні: ${dayIn(content.validUntil, lang)}` : `Последний день срока действия: ${dayIn(content.validUntil, lang)}`);
  return lines;
}

export interface PrintedDocument {
  lines: string[];
  /** The line printed as the title; those before it are the addressee block. */
  title: number;
}

function printedDocument(content: ResultContent, lang: Language): PrintedDocument {
  const template = resultTemplate(content.templateId);
  const lines = template.kind === content.kind ? template.text?.[lang] : undefined;
  if (!lines) return { lines: genericBody(content, lang), title: 0 };
  // A choice is stored as the seed's Russian word; a Kazakh text prints its Kazakh word.
  const kazakh = (key: string, value: string) => {
    const field = template.fields.find((candidate) => candidate.key === key);
    return field?.type === 'choice' ? fieldValue(field, value, 'kk') : value;
  };
  const fields = lang === 'kk' ? Object.fromEntries(Object.entries(content.fields).map(([key, value]) => [key, kazakh(key, value)])) : content.fields;
  return { lines: seedBody({ ...content, fields }, lines), title: template.titleLine ?? 0 };
}

/** Every document of the result, each on its own page: the main one (with its term and queue lines), then those issued with it. */
export function resultDocuments(content: ResultContent, lang: Language): PrintedDocument[] {
  const main = printedDocument(content, lang);
  const others = (content.also ?? []).map((document) => printedDocument({ ...content, templateId: document.templateId, fields: document.fields, queue: undefined, validUntil: undefined }, lang));
  return [{ ...main, lines: [...main.lines, ...registerLines(content, lang)] }, ...others];
}

/** All printed lines, as verify compares them with the page. */
export function resultLines(content: ResultContent, lang: Language): string[] {
  return resultDocuments(content, lang).flatMap((document) => document.lines);
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

/** The printed QR's side in points (6 cm: a version-30 code keeps 1.24 pt modules). */
const BARCODE_SIDE = 170;

/**
 * The printed result: the body, the signer, the equivalence clause and the barcode note in kk and
 * ru, and the QR code (shared/results/barcode.ts). A preview before signing passes no barcode.
 */
export async function renderResultPdf(content: ResultContent, lang: Language, barcode: string | null, fonts: Fonts, duplicate?: DuplicateMark): Promise<Buffer> {
  const doc = pdfDocument(fonts, { size: 'A4', margin: 56, info: { Title: `${content.number}`, Producer: 'АРМ' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (content.training) {
    markTraining(doc);
    doc.on('pageAdded', () => markTraining(doc));
  }

  if (duplicate) markDuplicate(doc, duplicate, lang);

  const region = findVariant(content.request.serviceId, content.request.variantId)?.region[lang] ?? '';
  resultDocuments(content, lang).forEach((document, index) => {
    if (index > 0) doc.addPage();
    const { lines, title } = document;
    doc.font('regular').fontSize(11);
    for (const line of title > 0 ? lines.slice(0, title) : []) doc.text(line).moveDown(0.2);
    if (title > 0) doc.moveDown();
    if (title >= 0) doc.font('bold').fontSize(13).text(lines[title] ?? '', { align: 'center' }).moveDown();
    doc.font('regular').fontSize(11);
    for (const line of lines.slice(title + 1)) doc.text(line).moveDown(0.4);
    if (content.signer) doc.moveDown().fontSize(9).text(`${wordingOf(content, lang).signer}: ${content.signer.fullName}, ${content.signer.position[lang]}, ${content.signer.organisation}`);
    doc.moveDown().fontSize(8).text(EQUIVALENCE.kk).text(EQUIVALENCE.ru);
    // Documents issued together are signed together: each page carries the one barcode.
    if (barcode) {
      // Vector paths, sharp at any printer's resolution; no PNG to encode (12.7 ms a result before).
      doc.moveDown();
      if (doc.y + BARCODE_SIDE > doc.page.maxY()) doc.addPage();
      drawQr(doc, barcode, doc.x, doc.y, BARCODE_SIDE, { errorCorrectionLevel: 'M', margin: 1 });
      doc.y += BARCODE_SIDE;
      const note = barcodeNote(content.signer?.organisation ?? content.provider, region);
      doc.moveDown(0.5).fontSize(8).text(note.kk).text(note.ru);
    }
  });
  doc.moveDown();
  drawApplicantInfo(doc, applicantInfo(findVariant(content.request.serviceId, content.request.variantId)?.seed ?? null, content.request.number), lang);
  doc.end();
  return done;
}
