import { ArmError, type NoticeTexts, type TaskKind } from '../../../shared/api';
import type { Db } from '../db/database';
import { readSetting } from '../settings/store';

// What the centre tells the applicant, per notice kind, in Russian and Kazakh. The supervisor
// edits them (notices.setTexts → the settings store, audited); these are the texts until then.

export const DEFAULT_TEXTS: NoticeTexts = {
  registered: {
    ru: 'Ваше заявление № {number} («{service}») зарегистрировано услугодателем.',
    kk: '№ {number} өтінішіңіз («{service}») көрсетілетін қызметті берушіде тіркелді.',
  },
  inWork: {
    ru: 'Ваше заявление № {number} («{service}») принято в работу.',
    kk: '№ {number} өтінішіңіз («{service}») жұмысқа алынды.',
  },
  extended: {
    ru: 'Срок оказания услуги по заявлению № {number} («{service}») продлён до {date}. Причина: {reason}.',
    kk: '№ {number} өтініш («{service}») бойынша қызмет көрсету мерзімі {date} дейін ұзартылды. Себебі: {reason}.',
  },
  returned: {
    ru: 'Документы по заявлению № {number} («{service}») возвращены услугодателем на доработку. Причины: {reason}. Обратитесь в ЦОН для их устранения.',
    kk: '№ {number} өтініш («{service}») бойынша құжаттарды көрсетілетін қызметті беруші пысықтауға қайтарды. Себептері: {reason}. Оларды жою үшін ХҚО-ға жүгініңіз.',
  },
  resultReady: {
    ru: 'Результат по заявлению № {number} («{service}») готов. Получите его в ЦОН.',
    kk: '№ {number} өтініш («{service}») бойынша нәтиже дайын. Оны ХҚО-дан алыңыз.',
  },
};

const PLACEHOLDERS = new Set(['number', 'service', 'date', 'reason']);

/** Refuses a text with a placeholder nothing fills (a typo would reach the applicant as «{nmber}»). */
export function checkTexts(texts: NoticeTexts): void {
  for (const [kind, pair] of Object.entries(texts)) {
    for (const [language, text] of Object.entries(pair)) {
      const unknown = [...text.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!).filter((name) => !PLACEHOLDERS.has(name));
      if (unknown.length || /[{}]/.test(text.replace(/\{(number|service|date|reason)\}/g, ''))) {
        throw new ArmError('NOTICE_TEXT_INVALID', `Unknown placeholder in ${kind}.${language}.`, [{ path: `${kind}.${language}`, message: 'placeholder' }]);
      }
    }
  }
}

export function readTexts(db: Db): NoticeTexts {
  return readSetting(db, 'notices.texts') ?? DEFAULT_TEXTS;
}

export function fillText(texts: NoticeTexts, kind: TaskKind, values: Record<'number' | 'service' | 'date' | 'reason', { ru: string; kk: string }>) {
  const fill = (language: 'ru' | 'kk') => texts[kind][language].replace(/\{(number|service|date|reason)\}/g, (_, name: keyof typeof values) => values[name][language]);
  return { ru: fill('ru'), kk: fill('kk') };
}
