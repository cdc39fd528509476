import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceStatus } from '../../../shared/api';
import { catalogs } from '../../../shared/i18n';
import { ReferenceTable } from './ReferenceTable';

// The sync console's reference data: each dataset's version and age, a refused update's reason in
// the user's language, and the due dates a calendar update moved (issue 14 item 4).

const i18n = i18next.createInstance();
beforeAll(async () => {
  // i18next-icu does not format under Node (its intl-messageformat import resolves to the module, not
  // the class); i18next's own interpolation with ICU's single braces checks the same keys and values.
  await i18n
    .use(initReactI18next)
    .init({ lng: 'ru', fallbackLng: false, resources: { ru: { translation: catalogs.ru }, kk: { translation: catalogs.kk } }, interpolation: { escapeValue: false, prefix: '{', suffix: '}' } });
});

const entry = (dataset: ReferenceStatus['dataset'], rest: Partial<ReferenceStatus> = {}): ReferenceStatus => ({
  dataset,
  version: 3,
  issuedAt: '2026-03-01T09:00:00.000Z',
  appliedAt: '2026-03-02T09:00:00.000Z',
  checkedAt: '2026-03-02T09:00:00.000Z',
  ageHours: 72,
  dueChanges: [],
  error: null,
  ...rest,
});

const reference = [
  entry('calendar', { error: { code: 'REFERENCE_DATA_INVALID', params: { dataset: 'calendar', problem: 'years.0.holidays.3.date: not a day of the calendar' }, at: '2026-03-02T09:00:00.000Z' }, dueChanges: [{ number: 'con-1', from: '2026-03-05', to: '2026-03-06' }] }),
  entry('signers', { version: null, issuedAt: null, appliedAt: null, checkedAt: null, ageHours: null }),
];

describe('ReferenceTable', () => {
  it.each(['ru', 'kk'] as const)('shows version, age, the refusal and the moved due dates in %s', async (language) => {
    await i18n.changeLanguage(language);
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ReferenceTable reference={reference} />
      </I18nextProvider>,
    );
    const words = catalogs[language];
    expect(html).toContain(words.sync.reference.datasets.calendar);
    expect(html).toContain(words.errors.REFERENCE_DATA_INVALID);
    expect(html).toContain('years.0.holidays.3.date');
    expect(html).toContain(words.sync.reference.bundled);
    expect(html).toContain('con-1');
    expect(html).toContain('2026-03-06');
    expect(html).toContain(language === 'ru' ? '3 дн.' : '3 күн');
  });
});
