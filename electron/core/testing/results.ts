import type { ResultContent } from '../../../shared/api';

/** A guardianship certificate as the department's head signs it (the signer's IIN is the demo head key's). */
export function certificateContent(signerIin: string, date = '2026-03-06'): ResultContent {
  return {
    kind: 'certificate',
    number: 'edu-kokpekty-20260306-0001',
    date,
    request: { number: 'con-kokpekty-20260302-0001', messageId: '3f1c2b7e-8d4a-4c1e-9b2f-6a5d4e3c2b1a', serviceId: 'guardianship-certificate', variantId: '000' },
    provider: 'edu-kokpekty',
    centre: 'con-kokpekty',
    templateId: '000.certificate',
    applicant: { iin: '900412400014', fullName: 'Сарсенбаева Айгерим Нурлановна', address: 'с. Кокпекты, ул. Абая 1' },
    fields: { akimLevel: 'района', decisionNumber: '125', decisionDate: '2026-02-20', childName: 'Сарсенбаев Алихан Нурланович', childBirthDate: '2019-06-20' },
    refusal: null,
    preparedBy: { fullName: 'Омарова Гүлнар Серікқызы' },
    signer: { fullName: 'Беков Асхат Нұрланұлы', iin: signerIin, position: { ru: 'Руководитель отдела', kk: 'Бөлім басшысы' }, organisation: 'ГУ «Отдел образования Кокпектинского района»' },
  };
}
