// Result print templates (Выходная форма положительного ответа / мотивированный ответ об отказе).
// Where a seed gives the template, its text is quoted verbatim with placeholders; otherwise the
// generic layout prints the catalog's result name and the fields the clerk fills in.

export interface TemplateField {
  key: string;
  label: { ru: string; kk: string };
  type: 'text' | 'date' | 'choice';
  options?: string[];
}

export interface CertificateTemplate {
  id: string;
  fields: TemplateField[];
}

/**
 * Seed 000, Прил.3 «Выходная форма положительного ответа на электронную государственную
 * услугу» (Выдача справок по опеке и попечительству). The seed gives the body in Russian only;
 * the equivalence clause and the barcode note come in kk and ru.
 */
export const GUARDIANSHIP_000: CertificateTemplate = {
  id: '000.certificate',
  fields: [
    { key: 'akimLevel', label: { ru: 'Решение акима (город, район)', kk: 'Әкім шешімі (қала, аудан)' }, type: 'choice', options: ['города', 'района'] },
    { key: 'decisionNumber', label: { ru: 'Номер решения акима', kk: 'Әкім шешімінің нөмірі' }, type: 'text' },
    { key: 'decisionDate', label: { ru: 'Дата решения акима', kk: 'Әкім шешімінің күні' }, type: 'date' },
    { key: 'childName', label: { ru: 'ФИО ребенка', kk: 'Баланың аты-жөні' }, type: 'text' },
    { key: 'childBirthDate', label: { ru: 'Дата рождения ребенка', kk: 'Баланың туған күні' }, type: 'date' },
  ],
};

/** Every other result: the catalog's result name and the substance of the certificate. */
export const GENERIC_CERTIFICATE: CertificateTemplate = {
  id: 'generic',
  fields: [{ key: 'body', label: { ru: 'Содержание справки', kk: 'Анықтаманың мазмұны' }, type: 'text' }],
};

export function certificateTemplate(templateId: string): CertificateTemplate {
  return templateId === GUARDIANSHIP_000.id ? GUARDIANSHIP_000 : GENERIC_CERTIFICATE;
}
