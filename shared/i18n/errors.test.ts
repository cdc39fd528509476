import { describe, expect, it } from 'vitest';
import { errorCodeSchema } from '../api/errors';
import { catalogs, flatten, languages } from './index';

describe('error messages', () => {
  it.each(languages)('every error code has a message in %s', (language) => {
    const flat = flatten(catalogs[language]);
    const missing = errorCodeSchema.options.filter((code) => !flat[`errors.${code}`]?.trim());
    expect(missing).toEqual([]);
  });

  it('ru and kk have the same keys', () => {
    expect(Object.keys(flatten(catalogs.kk)).sort()).toEqual(Object.keys(flatten(catalogs.ru)).sort());
  });
});
