import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { channelEntries, contract, errorCodeSchema, roles } from '../../shared/api';
import { seededRandom } from '../../gateway/seed/random';
import type { Db } from './db/database';
import { SUPERVISOR, signedIn, testCore } from './testing';

// 10,000 malformed payloads across every channel: each must get a typed refusal, nothing may
// change in the database, and no payload may reach Object.prototype.

const TRICKS = [
  '<img src=x onerror=alert(1)>',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D',
  '\uD800',
  'ә'.repeat(5000),
  'x'.repeat(300_000),
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '__proto__',
  '0'.repeat(12),
  '８８０３１５４０００１０',
  '',
  ' ',
];
const KEYS = ['__proto__', 'constructor', 'prototype', 'login', 'password', 'iin', 'userId', 'limit', 'active', 'role', 'polluted', ''];

function payload(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (Math.floor(random() * (depth > 2 ? 6 : 8))) {
    case 0:
      return pick(TRICKS);
    case 1:
      return pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.5, Number.MAX_SAFE_INTEGER]);
    case 2:
      return pick([true, false, null]);
    case 3:
      return undefined;
    case 4:
      return String(Math.floor(random() * 1e12));
    case 5:
      return pick(['supervisor', 'operator', 'head', 'Бастау-2026!', '880315400010']);
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => payload(random, depth + 1));
    default: {
      // JSON.parse is what both hosts do to a body: "__proto__" becomes an own key, as an attacker sends it.
      const entries = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${JSON.stringify(pick(KEYS))}:${JSON.stringify(payload(random, depth + 1)) ?? 'null'}`);
      return JSON.parse(`{${entries.join(',')}}`);
    }
  }
}

function fingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  // FTS5 keeps its settings in a WITHOUT ROWID table.
  for (const { name, sql } of tables) hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY ${/WITHOUT ROWID/i.test(sql) ? '1' : 'rowid'}`).all()));
  return hash.digest('hex');
}

describe('fuzz', () => {
  it('refuses 10,000 malformed payloads with typed errors and changes nothing', async () => {
    const { core, window, db } = testCore();
    await window('supervisor').auth.setup(SUPERVISOR);
    await window('supervisor').accounts.create({ login: 'operator1', fullName: 'Оператор', iin: '920701300012', role: 'operator', organisation: 'ЦОН', temporaryPassword: 'Уақытша-123' });
    // A window for every role, so each payload reaches the validation of its channel; some go unsigned.
    const windowOf = Object.fromEntries(roles.map((role, index) => [role, role === 'supervisor' ? 'supervisor' : signedIn(core, role, `9207013000${20 + index}`, `fuzz-${role}`)]));
    const before = fingerprint(db);
    const random = seededRandom(20261123);
    const channels = channelEntries(contract);
    const codes = new Map<string, number>();
    let sent = 0;
    while (sent < 10_000) {
      const [name, definition] = channels[Math.floor(random() * channels.length)]!;
      const input = payload(random);
      if (definition.input.safeParse(input).success) continue; // well-formed: not this test's business
      const allowed = definition.access === 'public' ? roles : definition.access;
      const session = random() < 0.85 ? windowOf[allowed[Math.floor(random() * allowed.length)]!]! : 'stranger';
      const envelope = await core.dispatch(name, input, session);
      sent++;
      expect(envelope.ok, `${name} accepted ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
      if (envelope.ok) continue;
      expect(errorCodeSchema.safeParse(envelope.error.code).success).toBe(true);
      expect(envelope.error.code, name).not.toBe('INTERNAL');
      codes.set(envelope.error.code, (codes.get(envelope.error.code) ?? 0) + 1);
    }
    expect(fingerprint(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes.get('VALIDATION_FAILED')).toBeGreaterThan(5000);
    // The process is alive and the supervisor's session still works.
    await expect(window('supervisor').accounts.list()).resolves.toHaveLength(2 + roles.length - 1);
  }, 120_000);

  it('refuses a payload nested 3,000 deep on every channel with VALIDATION_FAILED, not a stack overflow', async () => {
    const { core, window, db } = testCore();
    await window('supervisor').auth.setup(SUPERVISOR);
    const operator = signedIn(core, 'operator', '920701300012', 'deep-operator');
    const before = fingerprint(db);
    let deep: unknown = 'leaf';
    for (let level = 0; level < 3000; level++) deep = level % 2 ? [deep] : { requestId: deep, person: deep };
    for (const [name, definition] of channelEntries(contract)) {
      const session = definition.access === 'public' || definition.access.includes('operator') ? operator : 'supervisor';
      const envelope = await core.dispatch(name, deep, session);
      if (envelope.ok) throw new Error(`${name} accepted the deep payload`);
      expect(['VALIDATION_FAILED', 'FORBIDDEN'], name).toContain(envelope.error.code);
    }
    // The probe's case: a field that takes any JSON (the payload to sign) carrying the depth.
    const signing = await core.dispatch('signing.sign', { keyFile: 'AAAA', password: 'secret', payload: deep }, operator);
    expect(signing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ message: 'deeper than 32' }] } });
    expect(fingerprint(db)).toBe(before);
  });
});
