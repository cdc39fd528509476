import type { ReceiptData } from './receipt';

/** A receipt with every Kazakh letter, for checks that fonts resolve and render (pack:check, tests). */
export const SAMPLE_RECEIPT: ReceiptData = {
  kind: 'acceptance',
  number: '000-2026-000001',
  service: { ru: 'Выдача справок по опеке и попечительству', kk: 'Қорғаншылық және қамқоршылық бойынша анықтама беру' },
  applicant: { name: 'Әбілқасымова Гүлнәр Ұлықбекқызы (ә ғ қ ң ө ұ ү һ і)', iin: '920701300012', unverified: false },
  representative: null,
  documents: [],
  operator: 'Сейітова Айгүл',
  centre: { ru: 'ЦОН района', kk: 'Аудандық ХҚО' },
  at: '2026-03-02T14:00',
  dueBy: '2026-03-06',
  refusal: null,
  info: { free: true, number: '000-2026-000001' },
};
