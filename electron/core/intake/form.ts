import { ArmError, type IntakeChannel, type ChecklistItem, type ChecklistLine, type DraftPowerOfAttorney, type PersonData } from '../../../shared/api';
import { appliesIn } from '../../../shared/catalog/reach';
import type { Service, Variant } from '../../../shared/catalog/schema';

// The form of one request built from the catalog: which regulation (variant) applies at this
// centre, the application's own fields, and the checklist of documents.

export function variantFor(service: Service, district: string, channel: IntakeChannel): Variant {
  const variant = service.variants.find((candidate) => appliesIn(candidate, district) && candidate.channels.some((c) => c.kind === channel));
  if (!variant) throw new ArmError('SERVICE_NOT_OFFERED', `${service.id} has no ${channel} channel in ${district}.`);
  return variant;
}

/** Filled from the applicant's record, so the operator never types them twice. */
const FROM_APPLICANT: Readonly<Record<string, (person: PersonData) => string>> = {
  applicantIin: (person) => person.iin,
  applicantName: (person) => fullName(person),
  applicantAddress: (person) => person.address ?? '',
};

export function fullName(person: Pick<PersonData, 'surname' | 'name' | 'patronymic'>): string {
  return [person.surname, person.name, person.patronymic].filter(Boolean).join(' ');
}

/** The fields the operator types: the application form's, less those the applicant's record gives. */
export function formFields(variant: Variant) {
  return variant.applicationForm.fields
    .filter((field) => !(field.key in FROM_APPLICANT))
    .map((field) => ({ key: field.key, label: field.label, type: field.type, required: field.required }));
}

/** The application's fields as signed: the typed ones plus those taken from the applicant. */
export function completeFields(variant: Variant, typed: Record<string, string>, applicant: PersonData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of variant.applicationForm.fields) {
    const fill = FROM_APPLICANT[field.key];
    const value = fill ? fill(applicant) : (typed[field.key] ?? '').trim();
    if (value) fields[field.key] = value;
  }
  return fields;
}

export function missingFields(variant: Variant, typed: Record<string, string>) {
  return formFields(variant).filter((field) => field.required && !(typed[field.key] ?? '').trim());
}

/** A simple written PoA (доверенность в простой письменной форме) is a scanned document of its own. */
export const SIMPLE_POA_NAME = { ru: 'Доверенность представителя (простая письменная форма)', kk: 'Өкілдің сенімхаты (жай жазбаша нысан)' };

export function checklistLines(variant: Variant, powerOfAttorney: DraftPowerOfAttorney | null): ChecklistLine[] {
  const lines: ChecklistLine[] = variant.documents.items.map((item, document) => ({
    document,
    name: item.name,
    required: item.requirement === 'required',
    expected: item.form,
    kind: 'catalog',
  }));
  // Numbered after the catalog's list, so the catalog's positions keep their meaning.
  if (powerOfAttorney?.kind === 'simple') lines.push({ document: lines.length, name: SIMPLE_POA_NAME, required: true, expected: 'original', kind: 'powerOfAttorney' });
  return lines;
}

/** Required lines not presented; the simple PoA also needs its scan. */
export function missingDocuments(lines: ChecklistLine[], checklist: ChecklistItem[]): ChecklistLine[] {
  return lines.filter((line) => {
    if (!line.required) return false;
    const item = checklist.find((candidate) => candidate.document === line.document);
    if (!item?.presented) return true;
    return line.kind === 'powerOfAttorney' && item.attachments.length === 0;
  });
}

/** The checklist with one item per line, keeping what the operator already marked and scanned. */
export function alignChecklist(lines: ChecklistLine[], checklist: ChecklistItem[]): ChecklistItem[] {
  return lines.map((line) => checklist.find((item) => item.document === line.document) ?? { document: line.document, presented: false, form: null, attachments: [] });
}
