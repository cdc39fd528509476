import { describe, expect, it } from 'vitest';
import { foldName } from './fold';

describe('foldName', () => {
  it('folds every Kazakh letter, either case, to its Russian spelling', () => {
    expect(foldName('ӘәҒғҚқҢңӨөҰұҮүҺһІі')).toBe('ааггккннооууууххии');
    expect(foldName('Сәрсенбаев')).toBe(foldName('Сарсенбаев'));
    expect(foldName('Оспанов Бауыржан Қанатұлы')).toBe('оспанов бауыржан канатулы');
  });

  it('keeps й and ё apart from и and е, and leaves Latin and digits', () => {
    expect(foldName('Йё Ии Ее')).toBe('йё ии ее');
    expect(foldName('Smith 12')).toBe('smith 12');
  });
});
