import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelEntries, contract, roles, type Role } from '../../shared/api';
import { testCore } from './testing';

// Who may call what, checked in: electron/core/access.golden.json, one line per channel, "public"
// or the roles. A role change in shared/api/<capability>.ts fails here until the golden file is
// edited too, so the reviewer sees it as a diff. `UPDATE_GOLDEN=1 npx vitest run
// electron/core/roles.test.ts` rewrites the file from the contract (then read its diff).
const GOLDEN = new URL('./access.golden.json', import.meta.url);
type Golden = Record<string, 'public' | Role[]>;

const entries = channelEntries(contract);

function fromContract(): Golden {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(sorted.map(([name, definition]) => [name, definition.access === 'public' ? 'public' : roles.filter((role) => definition.access.includes(role))]));
}

function format(golden: Golden): string {
  const lines = Object.entries(golden).map(([name, access]) => `  ${JSON.stringify(name)}: ${JSON.stringify(access)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, format(fromContract()));
const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;

describe('access golden table', () => {
  it("is the contract's access, channel for channel", () => {
    expect(fromContract()).toEqual(golden);
  });

  it('is kept in its one readable layout (sorted, one line per channel)', () => {
    expect(readFileSync(GOLDEN, 'utf8')).toBe(format(golden));
  });
});

// Every channel × every role, through the real dispatcher: the core is the guard, not the UI.
// The expectations come from the golden file, not from the contract the dispatcher reads.
describe('role matrix', () => {
  const { core } = testCore();
  // Sessions are made directly: the matrix is about access, not about logging in.
  const signIn = (key: string, role: Role) => {
    const session = core.sessions.get(key);
    session.user = { id: `user-${role}`, login: role, fullName: role, role, organisation: 'test', mustChangePassword: false };
    session.lastActivity = core.context.now().getTime();
  };

  it.each(Object.entries(golden))('%s answers only the roles the golden table lists', async (name, access) => {
    for (const role of roles) {
      const key = `matrix-${role}`;
      signIn(key, role);
      const envelope = await core.dispatch(name, { __proto__: { polluted: true } }, key);
      const forbidden = !envelope.ok && envelope.error.code === 'FORBIDDEN';
      const allowed = access === 'public' || access.includes(role);
      expect(forbidden, `${name} as ${role}`).toBe(!allowed);
    }
    const anonymous = await core.dispatch(name, undefined, 'matrix-nobody');
    expect(!anonymous.ok && anonymous.error.code === 'UNAUTHORIZED', `${name} before login`).toBe(access !== 'public');
  });
});
