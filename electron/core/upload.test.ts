import { describe, expect, it } from 'vitest';
import { uploadBase64Schema } from '../../shared/api/upload';
import { codeOf } from './testing';
import { decodeUpload } from './upload';

describe('uploads as base64', () => {
  it('decodes exact base64, padded or not', () => {
    expect([...decodeUpload('AQID')]).toEqual([1, 2, 3]);
    expect([...decodeUpload('AQI=')]).toEqual([1, 2]);
    expect([...decodeUpload('AQ==')]).toEqual([1]);
  });

  it('refuses text Node would decode leniently: whitespace, foreign letters, padding inside, base64url', () => {
    for (const text of ['AQ I', 'AQ!D', 'AQ==AQID', '=AQI', 'AQ-_', 'ЖЖЖЖ', 'AQI']) expect(codeOf(() => decodeUpload(text)), text).toBe('VALIDATION_FAILED');
  });

  it('the contract checks only the length, the core the alphabet', () => {
    expect(uploadBase64Schema.safeParse('AQI').success).toBe(false);
    expect(uploadBase64Schema.safeParse('').success).toBe(true);
    expect(uploadBase64Schema.safeParse('AQ!D').success).toBe(true);
  });
});
