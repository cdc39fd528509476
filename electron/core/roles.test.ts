import { describe, expect, it } from 'vitest';
import { channelEntries, contract, roles, type Role } from '../../shared/api';
import { testCore } from './testing';

// Every channel × every role, through the real dispatcher: the core is the guard, not the UI.
const entries = channelEntries(contract);

describe('role matrix', () => {
  const { core } = testCore();
  // Sessions are made directly: the matrix is about access, not about logging in.
  const signIn = (key: string, role: Role) => {
    const session = core.sessions.get(key);
    session.user = { id: `user-${role}`, login: role, fullName: role, role, organisation: 'test', mustChangePassword: false };
    session.lastActivity = core.context.now().getTime();
  };

  it.each(entries)('%s answers only the roles it lists', async (name, definition) => {
    for (const role of roles) {
      const key = `matrix-${role}`;
      signIn(key, role);
      const envelope = await core.dispatch(name, { __proto__: { polluted: true } }, key);
      const forbidden = !envelope.ok && envelope.error.code === 'FORBIDDEN';
      const allowed = definition.access === 'public' || definition.access.includes(role);
      expect(forbidden, `${name} as ${role}`).toBe(!allowed);
    }
    const anonymous = await core.dispatch(name, undefined, 'matrix-nobody');
    expect(!anonymous.ok && anonymous.error.code === 'UNAUTHORIZED', `${name} before login`).toBe(definition.access !== 'public');
  });
});
