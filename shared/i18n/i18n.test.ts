import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { errorCodeSchema } from '../api/errors';
import { catalogs, flatten } from './index';

const ru = flatten(catalogs.ru);
const kk = flatten(catalogs.kk);

function plurals(elements: MessageFormatElement[]): Array<{ options: string[] }> {
  return elements.flatMap((element) =>
    element.type === TYPE.plural ? [{ options: Object.keys(element.options) }, ...Object.values(element.options).flatMap((option) => plurals(option.value))] : [],
  );
}

describe('message catalogs', () => {
  it('have the same keys in Russian and Kazakh', () => {
    expect(Object.keys(kk).filter((key) => !(key in ru))).toEqual([]);
    expect(Object.keys(ru).filter((key) => !(key in kk))).toEqual([]);
  });

  it('translate every error code', () => {
    for (const code of errorCodeSchema.options) {
      expect(ru[`errors.${code}`], code).toBeTruthy();
      expect(kk[`errors.${code}`], code).toBeTruthy();
    }
  });

  it('are valid ICU messages whose plurals always have "other"', () => {
    for (const [language, messages] of Object.entries({ ru, kk })) {
      for (const [key, message] of Object.entries(messages)) {
        const ast = parse(message);
        for (const plural of plurals(ast)) expect(plural.options, `${language}:${key}`).toContain('other');
      }
    }
  });

  it('use Russian plural forms one/few/many where Russian counts things', () => {
    const ast = parse(ru['errors.fieldCount']!);
    expect(plurals(ast)[0]!.options).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
  });
});

describe('request states', () => {
  it('have a label in both languages', async () => {
    const { requestStateSchema } = await import('../api/requests');
    for (const state of requestStateSchema.options) {
      expect(ru[`requestState.${state}`], state).toBeTruthy();
      expect(kk[`requestState.${state}`], state).toBeTruthy();
    }
  });
});

describe('catalog files', () => {
  it('are kept in one canonical layout, so a merge cannot leave a key twice', async () => {
    const { readFileSync } = await import('node:fs');
    for (const language of ['ru', 'kk']) {
      const raw = readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8');
      expect(raw, `${language}.json: rewrite it with JSON.stringify(…, null, 2)`).toBe(JSON.stringify(JSON.parse(raw), null, 2) + '\n');
    }
  });
});
