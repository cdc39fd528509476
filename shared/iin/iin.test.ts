import { describe, expect, it } from 'vitest';
import { checkIin, iinCheckDigit, isValidIin, makeIin } from './iin';

describe('IIN', () => {
  it('accepts a number whose check digit comes from the first weights', () => {
    const iin = makeIin('1990-01-15', 'male', 1234);
    expect(iin).not.toBeNull();
    expect(checkIin(iin!)).toEqual({ valid: true, birthDate: '1990-01-15', sex: 'male' });
  });

  it('reads century and sex from the seventh digit', () => {
    const girl = makeIin('2015-06-30', 'female', 77)!;
    expect(girl[6]).toBe('6');
    expect(checkIin(girl)).toEqual({ valid: true, birthDate: '2015-06-30', sex: 'female' });
  });

  it('uses the second weights when the first sum gives 10', () => {
    // Find a prefix whose first weighted sum is 10 and check the result against the second weights by hand.
    let prefix = '';
    for (let serial = 0; serial < 10000 && !prefix; serial++) {
      const candidate = `900115300${String(serial).padStart(2, '0')}`.slice(0, 11);
      const sum = [...candidate].reduce((acc, d, i) => acc + Number(d) * (i + 1), 0) % 11;
      if (sum === 10) prefix = candidate;
    }
    expect(prefix).not.toBe('');
    const weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    const second = [...prefix].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0) % 11;
    expect(iinCheckDigit(prefix)).toBe(second === 10 ? null : second);
  });

  it('names what is wrong', () => {
    const valid = makeIin('1985-12-01', 'female', 5)!;
    const wrongCheck = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
    expect(checkIin('12345')).toEqual({ valid: false, problem: 'format' });
    expect(checkIin('85120170000a')).toEqual({ valid: false, problem: 'format' });
    expect(checkIin('851301400005')).toEqual({ valid: false, problem: 'date' });
    expect(checkIin('851201900005')).toEqual({ valid: false, problem: 'century' });
    expect(checkIin(wrongCheck)).toEqual({ valid: false, problem: 'checksum' });
    expect(isValidIin(wrongCheck)).toBe(false);
  });

  it('refuses 29 February of a common year', () => {
    expect(checkIin('230229300001').valid).toBe(false);
  });
});
