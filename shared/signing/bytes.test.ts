import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes';

describe('base64', () => {
  it('decodes every length and every byte value as Node does, ignoring line breaks', () => {
    for (let length = 0; length < 300; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, index) => (index * 151 + length * 7) % 256));
      const text = bytes.toString('base64');
      expect(Buffer.from(fromBase64(text)!).equals(bytes)).toBe(true);
      expect(toBase64(bytes)).toBe(text);
    }
    const all = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    const wrapped = all.toString('base64').replace(/.{64}/g, '$&\r\n');
    expect(Buffer.from(fromBase64(wrapped)!).equals(all)).toBe(true);
  });

  it('refuses what is not base64 instead of decoding part of it', () => {
    for (const text of ['QUJD=', 'QUJ', 'QU=D', 'QUJD*A==', 'QUJDRA=', 'QUJD-_==', 'QQ===']) expect(fromBase64(text)).toBeNull();
  });
});
