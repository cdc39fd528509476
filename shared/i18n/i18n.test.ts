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
