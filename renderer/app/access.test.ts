import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/api';
import { allowed, rolesOf } from './access';

describe('section access from the contract', () => {
  it('a public channel serves every signed-in role, nobody before login', () => {
    expect(rolesOf('system.info')).toEqual(roles);
    expect(allowed({ serves: 'system.info' }, undefined)).toBe(false);
  });

  it("a section follows its channel's roles", () => {
    expect(allowed({ serves: 'intake.start' }, 'operator')).toBe(true);
    expect(allowed({ serves: 'intake.start' }, 'clerk')).toBe(false);
    expect(allowed({ serves: 'accounts.list' }, 'supervisor')).toBe(true);
    expect(allowed({ serves: 'accounts.list' }, 'head')).toBe(false);
  });

  it('refuses a channel the contract does not have', () => {
    expect(() => rolesOf('intake.nothing' as never)).toThrow(/intake\.nothing/);
  });
});
