import { describe, expect, it } from 'vitest';
import { ArmError } from '../../shared/api';
import { startErrorText } from './startError';

describe('start errors', () => {
  it('says the data folder is in use in Russian and Kazakh, naming the folder', () => {
    const text = startErrorText(new ArmError('DATA_DIR_IN_USE', 'in use', undefined, { dir: '/srv/arm' }));
    const [ru, kk] = text.split('\n');
    expect(ru).toContain('/srv/arm');
    expect(ru).toContain('уже используется');
    expect(kk).toContain('/srv/arm');
    expect(kk).toContain('пайдаланып отыр');
  });

  it('keeps the message of anything else', () => {
    expect(startErrorText(new Error('port taken'))).toBe('port taken');
  });
});
