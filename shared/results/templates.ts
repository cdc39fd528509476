import type { ResultContent } from '../api/decision';
import type { Variant } from '../catalog/schema';
import c000 from './templates/000.certificate.json' with { type: 'json' };
import r1Certificate from './templates/003-r1.certificate.json' with { type: 'json' };
import r1Refusal from './templates/003-r1.refusal.json' with { type: 'json' };
import r2Notification from './templates/003-r2.notification.json' with { type: 'json' };
import r3Notification from './templates/003-r3.notification.json' with { type: 'json' };
import r3Referral from './templates/003-r3.referral.json' with { type: 'json' };
import r3Refusal from './templates/003-r3.refusal.json' with { type: 'json' };
import r4Certificate from './templates/003-r4.certificate.json' with { type: 'json' };
import r5Permission from './templates/003-r5.permission.json' with { type: 'json' };
import r6Bank from './templates/003-r6.bank.json' with { type: 'json' };
import r6Pension from './templates/003-r6.pension.json' with { type: 'json' };
import r6Police from './templates/003-r6.police.json' with { type: 'json' };
import r4Refusal from './templates/003-r4.refusal.json' with { type: 'json' };
import r7Notification from './templates/003-r7.notification.json' with { type: 'json' };
import r7Refusal from './templates/003-r7.refusal.json' with { type: 'json' };
import r1Kk004 from './templates/004-r1.certificate.json' with { type: 'json' };
import r2Bank004 from './templates/004-r2.bank.json' with { type: 'json' };
import r2Pension004 from './templates/004-r2.pension.json' with { type: 'json' };
import r2Police004 from './templates/004-r2.police.json' with { type: 'json' };
import r3Kk004 from './templates/004-r3.certificate.json' with { type: 'json' };
import generic from './templates/generic.json' with { type: 'json' };

// Result print templates (Выходная форма положительного ответа / мотивированный ответ об отказе)
// are data: one file a template in ./templates/, with the seed paragraph it quotes (source.seed,
// source.paragraph; source.from/to bound the passage that templates.test.ts compares it with).
// Placeholders: {number}, {date} (of the result), {request} (its number), {applicant.fullName},
// {applicant.address}, {signer.fullName}, {preparedBy} (the clerk), {refusal.text},
// {fields.<key>}, {queue.number|position|registeredOn}, and a date with |dmy (20.02.2026), |day, |month (Russian genitive), |kkmonth, |year.
// A language the seed does not give prints the generic layout in that language (pdf.ts).

export type Language = 'ru' | 'kk';

export interface TemplateField {
  key: string;
  label: { ru: string; kk: string };
  type: 'text' | 'date' | 'choice';
  /** A choice's stored value (the seed's Russian word) and the Kazakh word printed for it. */
  options?: Array<{ value: string; kk: string }>;
  /**
   * 'act': the date of the outside body's act the result rests on (003 Reg.7 «решением жилищной
   * комиссии от ___»), filled by the core from the recorded act (electron/core/chain/acts.ts), never typed.
   */
  from?: 'act';
}

export interface ResultTemplate {
  id: string;
  kind?: 'certificate' | 'refusal';
  /**
   * corrections: where the seed's text is garbled (PDF conversion moved words, OCR), the passage
   * as the template restores it; the test applies them to the seed before comparing, so each
   * departure from the seed is written down here and nowhere else.
   */
  source?: { seed: string; paragraph: string; from: string; to: string; corrections?: Array<{ seed: string; template: string }> };
  comment: string;
  fields: TemplateField[];
  text?: Partial<Record<Language, string[]>>;
  /** The line printed as the title (default 0); lines before it are the addressee block above it (003 Reg.7); -1: the form has no title (003 Reg.5, Reg.6). */
  titleLine?: number;
}

/** Every result whose text a seed gives; the rest print the generic layout. */
export const TEMPLATES: ResultTemplate[] = [
  c000,
  r1Certificate,
  r1Refusal,
  r2Notification,
  r3Referral,
  r3Notification,
  r3Refusal,
  r4Certificate,
  r4Refusal,
  r5Permission,
  r6Pension,
  r6Bank,
  r6Police,
  r7Notification,
  r7Refusal,
  r1Kk004,
  r2Pension004,
  r2Bank004,
  r2Police004,
  r3Kk004,
] as ResultTemplate[];
export const GENERIC_TEMPLATE = generic as ResultTemplate;

export const GUARDIANSHIP_000 = TEMPLATES.find((template) => template.id === '000.certificate')!;

export function resultTemplate(templateId: string): ResultTemplate {
  return TEMPLATES.find((template) => template.id === templateId) ?? GENERIC_TEMPLATE;
}

/** The fields the clerk fills for a document: a certificate's template's or the generic body; a refusal's template's (most ask none). */
export function documentFields(templateId: string): TemplateField[] {
  const template = resultTemplate(templateId);
  if (template.kind === 'refusal') return template.fields;
  return template === GENERIC_TEMPLATE && /\.refusal$/.test(templateId) ? [] : certificateTemplate(templateId).fields;
}

/** The fields the clerk types for a document: its fields less those the core fills from the recorded act. */
export function typedFields(templateId: string): TemplateField[] {
  return documentFields(templateId).filter((field) => !field.from);
}

/**
 * The documents one decision issues besides the chosen one: the rest of the regulation's results
 * where it issues them together (001 Reg.6, Reg.12: «также»), otherwise none. The decision form,
 * the core's check and the tests take the list from here.
 */
export function alsoIssued(variant: Pick<Variant, 'results' | 'resultsIssued'>): string[] {
  return variant.resultsIssued === 'together' ? variant.results.slice(1).map((result) => result.templateId) : [];
}

/** The fields the clerk fills for a certificate: its template's, or the generic body. */
export function certificateTemplate(templateId: string): { id: string; fields: TemplateField[] } {
  const template = resultTemplate(templateId);
  return template.kind === 'certificate' ? template : GENERIC_TEMPLATE;
}

const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
// Kazakh months in the order «2026 жылғы 20 ақпан» (year, day, month).
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** A date as its language writes it in full: «20 февраля 2026 г.», «2026 жылғы 20 ақпан». */
export function longDate(iso: string, lang: Language): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (!year || !month || !day) return iso;
  return lang === 'kk' ? `${year} жылғы ${day} ${MONTHS_KK[month - 1]}` : `${day} ${MONTHS_RU[month - 1]} ${year} г.`;
}

export const dmy = (iso: string) => iso.split('-').reverse().join('.');

function formatDate(iso: string, format: string): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  if (format === 'dmy') return dmy(iso);
  if (format === 'day') return day;
  if (format === 'month') return MONTHS_RU[Number(month) - 1] ?? month;
  if (format === 'kkmonth') return MONTHS_KK[Number(month) - 1] ?? month;
  if (format === 'year') return year;
  return iso;
}

/** A template line with the result's values in place. */
export function fillLine(line: string, content: ResultContent): string {
  return line.replace(/\{([a-zA-Z.]+)(?:\|(\w+))?\}/g, (_match, name: string, format?: string) => {
    const [scope, key] = name.split('.') as [string, string | undefined];
    let value = '';
    if (scope === 'number') value = content.number;
    else if (scope === 'date') value = content.date;
    else if (scope === 'request') value = content.request.number;
    else if (scope === 'preparedBy') value = content.preparedBy.fullName;
    else if (scope === 'queue' && key) value = String(content.queue?.[key as keyof NonNullable<ResultContent['queue']>] ?? '');
    else if (scope === 'applicant') value = key === 'address' ? (content.applicant.address ?? '') : content.applicant.fullName;
    else if (scope === 'signer') value = content.signer?.fullName ?? '';
    else if (scope === 'refusal') value = content.refusal?.text ?? '';
    else if (scope === 'fields' && key) value = content.fields[key] ?? '';
    return format ? formatDate(value, format) : value;
  });
}

/** A field's value as printed in a language: a choice's Kazakh word, a date in that language's order. */
export function fieldValue(field: TemplateField, value: string | undefined, lang: Language): string {
  if (value === undefined) return '';
  if (field.type === 'date') return lang === 'kk' ? longDate(value, 'kk') : dmy(value);
  if (field.type === 'choice' && lang === 'kk') return field.options?.find((option) => option.value === value)?.kk ?? value;
  return value;
}
