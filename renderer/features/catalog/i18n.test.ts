import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { channelKindSchema, documentSchema, providerKindSchema, recipientKindSchema, refusalGroundSchema, resultSchema, stepSchema } from '../../../shared/catalog/schema';
import { errorCodeSchema } from '../../../shared/api';
import { termUnitSchema } from '../../../shared/calendar/term';
import { catalogs, flatten, languages } from '../../../shared/i18n';

const flat = Object.fromEntries(languages.map((language) => [language, flatten(catalogs[language])]));

// Every enum value the catalog screen shows goes through t(`catalog.<group>.<value>`).
const groups: Record<string, readonly string[]> = {
  providerKind: providerKindSchema.options,
  channel: channelKindSchema.options,
  recipient: recipientKindSchema.options,
  unit: termUnitSchema.options,
  actor: stepSchema.shape.actor.options,
  refusal: refusalGroundSchema.shape.code.options,
  resultKind: resultSchema.shape.kind.options,
  documentForm: documentSchema.shape.form.options,
  requirement: documentSchema.shape.requirement.options,
};

describe('catalog strings in ru and kk', () => {
  for (const language of languages) {
    it(`${language}: every catalog enum value and every error code has a message`, () => {
      const missing = [
        ...Object.entries(groups).flatMap(([group, values]) => values.map((value) => `catalog.${group}.${value}`)),
        ...errorCodeSchema.options.map((code) => `errors.${code}`),
      ].filter((key) => !flat[language]?.[key]);
      expect(missing).toEqual([]);
    });

    it(`${language}: catalog messages are valid ICU and format with their arguments`, () => {
      const catalog = Object.entries(flat[language] ?? {}).filter(([key]) => key.startsWith('catalog.'));
      for (const [key, message] of catalog) {
        const formatted = new IntlMessageFormat(message, language).format({ count: 3, minutes: 20, by: 'X', due: '01.04.2025', number: 2, version: 1, basis: 'Стандарт' });
        expect(typeof formatted, key).toBe('string');
      }
    });
  }

  it('ru and kk have the same keys', () => {
    expect(Object.keys(flat.kk ?? {}).sort()).toEqual(Object.keys(flat.ru ?? {}).sort());
  });

  it('Russian plural of working days: 1 день, 3 дня, 5 дней', () => {
    const format = (count: number) => new IntlMessageFormat(flat.ru?.['catalog.unit.workingDays'] ?? '', 'ru').format({ count });
    expect([1, 3, 5, 21].map(format)).toEqual(['1 рабочий день', '3 рабочих дня', '5 рабочих дней', '21 рабочий день']);
  });
});
