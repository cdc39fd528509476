import { describe, expect, it } from 'vitest';
import { meetsFloor, parseVersion } from './version';

describe('the version floor', () => {
  it('compares major, minor and patch as numbers', () => {
    expect(meetsFloor('0.10.0', '0.9.9')).toBe(true);
    expect(meetsFloor('0.2.0', '0.2.0')).toBe(true);
    expect(meetsFloor('0.1.9', '0.2.0')).toBe(false);
    expect(meetsFloor('1.0.0-rc.1', '1.0.0')).toBe(true);
  });

  it('puts a missing or malformed version below any floor, and refuses a malformed floor', () => {
    expect(meetsFloor(undefined, '0.0.1')).toBe(false);
    expect(meetsFloor('latest', '0.0.1')).toBe(false);
    expect(meetsFloor('99', '0.0.1')).toBe(false);
    expect(parseVersion(' 1.2.3 ')).toEqual([1, 2, 3]);
    expect(() => meetsFloor('1.0.0', 'new')).toThrow();
  });
});
