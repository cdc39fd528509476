import type { IntakeRefusalGround, Language } from '../../../shared/api';
import { pdfDocument } from '../pdf/document';
import { drawApplicantInfo, type ApplicantInfo } from '../pdf/applicantInfo';
import { markDuplicate, type DuplicateMark } from '../pdf/duplicate';
import { drawQr } from '../pdf/qr';
import type { Fonts } from '../resources';

// Расписка (қолхат) printed at the counter. The regulations require it but give no layout (seed
// 004 §7(8) «мемлекеттік қызмет алушыға сәйкес құжаттарды қабылдау туралы қолхат беру»; the
// refusal «расписку об отказе в приеме документов», seed 001 Рег.5 п.2), so it carries what they
// name: the request, the service, the applicant, the documents, the operator, the time and the term.

type Text = { ru: string; kk: string };

export interface ReceiptDocument {
  name: Text;
  form: 'original' | 'copy' | null;
  pages: number;
}

export interface ReceiptData {
  kind: 'acceptance' | 'refusal';
  number: string;
  service: Text;
  applicant: { name: string; iin: string; unverified: boolean } | null;
  representative: { name: string; iin: string; powerOfAttorney: string | null } | null;
  /** Accepted documents, or those the refusal names (missing or expired). */
  documents: ReceiptDocument[];
  /** The refusal's ground and the operator's note; null for an acceptance. */
  refusal: { ground: IntakeRefusalGround; comment: string } | null;
  operator: string;
  centre: Text;
  at: string;
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; null when the regulation gives no term. */
  dueBy: string | null;
  /** The applicant's information block (pdf/applicantInfo.ts), the same on every paper. */
  info: ApplicantInfo;
  /** dueBy is the sum of the step norms: the regulation gives no total term (issue 19 item 4). */
  dueIndicative?: boolean;
  /** Taken in at the provider's own office (канцелярия услугодателя), not at a centre. */
  office?: boolean;
}

const WORDS = {
  acceptance: { ru: 'РАСПИСКА\nо приёме документов', kk: 'Құжаттарды қабылдау туралы\nҚОЛХАТ' },
  refusal: { ru: 'РАСПИСКА\nоб отказе в приёме документов', kk: 'Құжаттарды қабылдаудан бас тарту туралы\nҚОЛХАТ' },
  number: { ru: 'Номер заявления', kk: 'Өтініш нөмірі' },
  service: { ru: 'Государственная услуга', kk: 'Мемлекеттік қызмет' },
  applicant: { ru: 'Заявитель (услугополучатель)', kk: 'Өтініш беруші (көрсетілетін қызметті алушы)' },
  iin: { ru: 'ИИН', kk: 'ЖСН' },
  unverified: { ru: 'данные введены вручную, не проверено', kk: 'деректер қолмен енгізілген, тексерілмеген' },
  representative: { ru: 'Представитель по доверенности', kk: 'Сенімхат бойынша өкіл' },
  powerOfAttorney: { ru: 'доверенность', kk: 'сенімхат' },
  accepted: { ru: 'Приняты документы', kk: 'Қабылданған құжаттар' },
  missing: { ru: 'Не представлены документы', kk: 'Ұсынылмаған құжаттар' },
  noDocuments: { ru: 'перечень документов регламентом не установлен', kk: 'құжаттар тізбесі регламентте белгіленбеген' },
  original: { ru: 'оригинал', kk: 'түпнұсқа' },
  copy: { ru: 'копия', kk: 'көшірме' },
  pages: { ru: 'листов', kk: 'парақ' },
  incompletePackage: {
    ru: 'В приёме заявления отказано в связи с представлением неполного пакета документов.',
    kk: 'Құжаттар топтамасы толық ұсынылмағандықтан өтінішті қабылдаудан бас тартылды.',
  },
  expiredDocuments: {
    ru: 'В приёме заявления отказано в связи с представлением документов с истёкшим сроком действия.',
    kk: 'Қолданылу мерзімі өткен құжаттар ұсынылғандықтан өтінішті қабылдаудан бас тартылды.',
  },
  expired: { ru: 'Документы с истёкшим сроком действия', kk: 'Қолданылу мерзімі өткен құжаттар' },
  comment: { ru: 'Примечание', kk: 'Ескертпе' },
  at: { ru: 'Дата и время приёма', kk: 'Қабылданған күні мен уақыты' },
  refusedAt: { ru: 'Дата и время отказа', kk: 'Бас тартылған күні мен уақыты' },
  due: { ru: 'Срок оказания услуги', kk: 'Қызмет көрсету мерзімі' },
  noTerm: { ru: 'регламентом не установлен', kk: 'регламентте белгіленбеген' },
  indicative: {
    ru: 'ориентировочно: сумма норм времени шагов регламента, общий срок регламентом не установлен',
    kk: 'болжамды: регламент қадамдарының уақыт нормаларының сомасы, жалпы мерзім регламентте белгіленбеген',
  },
  officeWorker: { ru: 'Работник канцелярии услугодателя', kk: 'Көрсетілетін қызметті берушінің кеңсе қызметкері' },
  provider: { ru: 'Услугодатель', kk: 'Көрсетілетін қызметті беруші' },
  operator: { ru: 'Оператор ЦОН', kk: 'ХҚО операторы' },
  centre: { ru: 'ЦОН', kk: 'ХҚО' },
  signature: { ru: 'подпись', kk: 'қолы' },
} satisfies Record<string, Text>;

/** "02.03.2026" or "02.03.2026 14:00" from the calendar's local forms. */
export function formatLocal(value: string): string {
  const [date = '', time] = value.split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}${time ? ` ${time.slice(0, 5)}` : ''}`;
}

/** fonts: from the one resource resolver (electron/core/resources.ts); duplicate: a reprint's mark. */
export async function renderReceipt(data: ReceiptData, language: Language, fonts: Fonts, duplicate?: DuplicateMark): Promise<Buffer> {
  const w = (key: keyof typeof WORDS) => WORDS[key][language];
  const doc = pdfDocument(fonts, { size: 'A4', margin: 56, info: { Title: `${w(data.kind).replace('\n', ' ')} ${data.number}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  if (duplicate) markDuplicate(doc, duplicate, language);
  drawQr(doc, data.number, doc.page.width - 56 - 90, 40, 90, { errorCorrectionLevel: 'M', margin: 1 });
  doc.font('bold').fontSize(15).text(w(data.kind), 56, 60, { align: 'center', width: doc.page.width - 112 - 90 });
  doc.moveDown(1.5);
  const row = (label: string, value: string) => {
    doc.font('bold').fontSize(10).text(`${label}: `, 56, doc.y, { continued: true }).font('regular').text(value);
    doc.moveDown(0.3);
  };
  row(w('number'), data.number);
  row(w('service'), data.service[language]);
  if (data.applicant) {
    row(w('applicant'), `${data.applicant.name}, ${w('iin')} ${data.applicant.iin}${data.applicant.unverified ? ` (${w('unverified')})` : ''}`);
  }
  if (data.representative) {
    const poa = data.representative.powerOfAttorney ? `; ${w('powerOfAttorney')} ${data.representative.powerOfAttorney}` : '';
    row(w('representative'), `${data.representative.name}, ${w('iin')} ${data.representative.iin}${poa}`);
  }
  doc.moveDown(0.5);
  if (data.refusal) {
    doc.font('regular').fontSize(10).text(w(data.refusal.ground));
    doc.moveDown(0.5);
  }
  doc.font('bold').fontSize(11).text(w(!data.refusal ? 'accepted' : data.refusal.ground === 'expiredDocuments' ? 'expired' : 'missing'));
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10);
  if (!data.documents.length) doc.text(w('noDocuments'));
  data.documents.forEach((document, index) => {
    const details = [document.form ? w(document.form) : null, document.pages ? `${w('pages')}: ${document.pages}` : null].filter(Boolean).join(', ');
    doc.text(`${index + 1}. ${document.name[language]}${details ? ` (${details})` : ''}`, { indent: 10 });
  });
  doc.moveDown(0.8);
  if (data.refusal?.comment) row(w('comment'), data.refusal.comment);
  row(w(data.kind === 'acceptance' ? 'at' : 'refusedAt'), formatLocal(data.at));
  if (data.kind === 'acceptance') row(w('due'), data.dueBy ? `${formatLocal(data.dueBy)}${data.dueIndicative ? ` (${w('indicative')})` : ''}` : w('noTerm'));
  row(w(data.office ? 'provider' : 'centre'), data.centre[language]);
  doc.moveDown(1.5);
  doc.font('regular').fontSize(10).text(`${w(data.office ? 'officeWorker' : 'operator')}: ${data.operator}    ____________ (${w('signature')})`);
  doc.moveDown(1.5);
  drawApplicantInfo(doc, data.info, language);
  doc.end();
  return done;
}
