import QRCode from 'qrcode';
import type { ResultContent } from '../../../shared/api';
import kk from '../../../shared/i18n/kk.json';
import ru from '../../../shared/i18n/ru.json';
import { certificateTemplate, GUARDIANSHIP_000 } from '../../../shared/results/templates';
import { findVariant } from '../inbox/variant';
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
  ru: { number: '№', date: 'Дата', applicant: 'Услугополучатель', request: 'Заявление', grounds: 'Основания отказа', signer: 'Подписано ЭЦП' },
  kk: { number: '№', date: 'Күні', applicant: 'Көрсетілетін қызметті алушы', request: 'Өтініш', grounds: 'Бас тарту негіздері', signer: 'ЭЦҚ-мен қол қойылды' },
};
const GROUNDS = { ru: ru.catalog.refusal, kk: kk.catalog.refusal } as const;

const dmy = (date: string) => date.split('-').reverse().join('.');

/** Seed 000's certificate body, verbatim, placeholders filled (Russian: the seed gives no kk body). */
function guardianshipBody(content: ResultContent): string[] {
  const f = content.fields;
  return [
    `СПРАВКА № ${content.number}`,
    `Настоящая справка выдана ${content.applicant.fullName}`,
    `проживающему (ей) по адресу ${content.applicant.address ?? ''}, в том,`,
    `что он (она) согласно решению акима ${f.akimLevel} № ${f.decisionNumber} от ${dmy(f.decisionDate ?? '')} года`,
    `действительно назначен (а) опекуном (попечителем) над ${f.childName}`,
    `${dmy(f.childBirthDate ?? '')} года рождения и над его (ее) имуществом.`,
    'На опекуна (попечителя) возлагается обязанность о воспитании, обучении, подготовки к общественно-полезной деятельности подопечного, защищать и охранять его личные имущественные права, являться его представителем на суде и во всех государственных учреждениях без особого полномочия.',
    `Начальник отдела образования: ${content.signer?.fullName ?? ''}`,
  ];
}

/** Where no seed gives the text: the catalog's result name, the request, the clerk's fields or the refusal. */
function genericBody(content: ResultContent, lang: Language): string[] {
  const label = LABELS[lang];
  const variant = findVariant(content.request.serviceId, content.request.variantId);
  const result = variant?.results.find((candidate) => candidate.templateId === content.templateId);
  const title = content.kind === 'refusal' ? TITLES.refusal[lang] : `${TITLES.certificate[lang]}${result ? ` — ${result.name[lang]}` : ''}`;
  const fields = certificateTemplate(content.templateId).fields;
  return [
    title,
    `${label.number} ${content.number}`,
    `${label.date}: ${dmy(content.date)}`,
    `${label.applicant}: ${content.applicant.fullName}, ИИН ${content.applicant.iin}`,
    `${label.request} ${label.number} ${content.request.number}`,
    ...(content.refusal
      ? [`${label.grounds}:`, ...content.refusal.grounds.map((ground) => `— ${GROUNDS[lang][ground]}`), content.refusal.text]
      : fields.map((field) => `${field.label[lang]}: ${content.fields[field.key] ?? ''}`)),
    `${content.signer?.position[lang] ?? ''}: ${content.signer?.fullName ?? ''}`,
  ];
}

export function resultLines(content: ResultContent, lang: Language): string[] {
  return content.kind === 'certificate' && content.templateId === GUARDIANSHIP_000.id && lang === 'ru' ? guardianshipBody(content) : genericBody(content, lang);
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
  doc.end();
  return done;
}
