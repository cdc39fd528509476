import { describe, expect, it } from 'vitest';
import { ArmError } from '../api/errors';
import { canonicalBytes, canonicalJson, canonicalSha256 } from './canonical';

describe('canonical JSON (RFC 8785)', () => {
  it('matches the example of RFC 8785 §3.2.2', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('gives the same bytes whatever the key order, and different bytes for different data', () => {
    const a = { applicant: { iin: '920314410210', surname: 'Әбенова' }, serviceId: 's' };
    const b = { serviceId: 's', applicant: { surname: 'Әбенова', iin: '920314410210' } };
    expect(canonicalBytes(a)).toEqual(canonicalBytes(b));
    expect(canonicalSha256(a)).toBe(canonicalSha256(b));
    expect(canonicalSha256({ ...a, serviceId: 't' })).not.toBe(canonicalSha256(a));
    expect(new TextDecoder().decode(canonicalBytes(a))).toBe('{"applicant":{"iin":"920314410210","surname":"Әбенова"},"serviceId":"s"}');
  });

  it('refuses values JSON cannot carry', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, undefined, () => 1, new Date(0), new Map(), 1n]) {
      expect(() => canonicalJson({ value: [value] })).toThrow(ArmError);
    }
    try {
      canonicalJson({ applicant: { documents: [1, undefined] } });
    } catch (error) {
      expect((error as ArmError).issues).toEqual([{ path: '$.applicant.documents[1]', message: 'not a JSON value' }]);
    }
    expect.assertions(8);
  });
});
