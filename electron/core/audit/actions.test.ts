import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestStateSchema } from '../../../shared/api';
import { catalogs, flatten } from '../../../shared/i18n';

// Every audit action the core writes has its name in both languages (issue 18 item 12): the
// supervisor's audit screen shows «Вход», not «auth.login». Read from the source so that a new
// action without a translation fails here.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

const core = path.resolve(import.meta.dirname, '..');
const written = new Set(
  sources(core).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/action: (?:[^,}]*\? )?'([a-z]+\.[a-zA-Z]+)'(?: : '([a-z]+\.[a-zA-Z]+)')?/g)].flatMap((match) => match.slice(1).filter(Boolean))),
);

describe('audit action names', () => {
  it('finds the actions the core writes', () => {
    expect(written).toContain('auth.login');
    expect(written).toContain('account.deactivate');
    expect(written.size).toBeGreaterThan(30);
  });

  it.each(['ru', 'kk'] as const)('are translated in %s, request moves by their state', (language) => {
    const messages = flatten(catalogs[language]);
    expect([...written].filter((action) => !messages[`auditAction.${action}`])).toEqual([]);
    expect(messages['auditAction.request.move']).toContain('{state}');
    for (const state of requestStateSchema.options) expect(messages[`requestState.${state}`], state).toBeTruthy();
  });
});
