import { describe, expect, it } from 'vitest';
import { testCore } from '../testing';
import { openDataFolderDatabase } from '../vault/toolAccess';
import { appendAudit, listAudit, verifyAudit } from './log';

function withEntries(count = 5) {
  const t = testCore();
  for (let i = 1; i <= count; i++) {
    appendAudit(t.db, { userId: 'u1', action: i % 2 ? 'person.lookup' : 'request.draft', objectType: 'person', objectId: `92070130001${i % 10}`, details: { n: i } }, new Date(Date.UTC(2026, 2, 2, 9, i)));
  }
  t.core.close();
  // A second connection without the triggers' protection in mind: someone with the file.
  const raw = openDataFolderDatabase(t.dataDir);
  const reopen = () => testCore({ dataDir: t.dataDir }).db;
  return { raw, reopen };
}

describe('audit log', () => {
  it('verifies an untouched chain', () => {
    const { raw, reopen } = withEntries();
    raw.close();
    expect(verifyAudit(reopen())).toEqual({ ok: true, entries: 5, firstBad: null, reason: null, anchor: null });
  });

  it('refuses updates and deletes through SQL', () => {
    const { raw } = withEntries();
    expect(() => raw.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    raw.close();
  });

  it('names the first bad entry after an edit', () => {
    const { raw, reopen } = withEntries();
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{\"n\":99}' WHERE seq = 3;");
    raw.close();
    expect(verifyAudit(reopen())).toMatchObject({ ok: false, firstBad: 3, reason: expect.stringContaining('edited') });
  });

  it('names the first bad entry after a deletion', () => {
    const { raw, reopen } = withEntries();
    raw.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;');
    raw.close();
    expect(verifyAudit(reopen())).toMatchObject({ ok: false, firstBad: 3 });
  });

  it('names the first bad entry after an insertion', () => {
    const { raw, reopen } = withEntries();
    const first = raw.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Record<string, unknown>;
    raw.exec('DROP TRIGGER audit_log_no_update; UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 99 WHERE seq >= 100;');
    raw.prepare('INSERT INTO audit_log (seq, at, user_id, workstation, action, object_type, object_id, details, prev_hash, hash) VALUES (3, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      first.at, first.user_id, first.workstation, 'person.lookup', 'person', '880315400010', '{}', first.hash, 'f'.repeat(64),
    );
    raw.close();
    expect(verifyAudit(reopen())).toMatchObject({ ok: false, firstBad: 3 });
  });

  it('names the first bad entry after two entries swap places', () => {
    const { raw, reopen } = withEntries();
    raw.exec('DROP TRIGGER audit_log_no_update; UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 100;');
    raw.close();
    expect(verifyAudit(reopen())).toMatchObject({ ok: false, firstBad: 2 });
  });

  it('filters by user, action, time and IIN, newest first', () => {
    const { raw, reopen } = withEntries(6);
    raw.close();
    const db = reopen();
    expect(listAudit(db, { limit: 10, action: 'person.lookup' }).map((entry) => entry.seq)).toEqual([5, 3, 1]);
    expect(listAudit(db, { limit: 10, iin: '920701300013' }).map((entry) => entry.seq)).toEqual([3]);
    expect(listAudit(db, { limit: 10, from: '2026-03-02T09:05:00.000Z' }).map((entry) => entry.seq)).toEqual([6, 5]);
    expect(listAudit(db, { limit: 2 }).map((entry) => entry.seq)).toEqual([6, 5]);
    expect(listAudit(db, { limit: 2, beforeSeq: 5 }).map((entry) => entry.seq)).toEqual([4, 3]);
    expect(listAudit(db, { limit: 10, userId: 'someone-else' })).toEqual([]);
    expect(listAudit(db, { limit: 10, login: 'nobody' })).toEqual([]);
  });
});

describe('audit pseudonyms', () => {
  it('writes an IIN as a keyed hash, still found by the IIN, and the chain verifies', () => {
    const t = testCore();
    appendAudit(t.db, { userId: 'u1', action: 'person.lookup', objectType: 'person', objectId: '900412400014', details: { collectorIin: '820125300010', note: 'x' } }, new Date(Date.UTC(2026, 2, 2)));
    const row = t.db.prepare('SELECT object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { object_id: string; details: string };
    expect(row.object_id).toMatch(/^iin:[0-9a-f]{24}$/);
    expect(JSON.stringify(row)).not.toMatch(/900412400014|820125300010/);
    expect(listAudit(t.db, { limit: 5, iin: '900412400014' })).toHaveLength(1);
    expect(listAudit(t.db, { limit: 5, iin: '820125300010' })).toHaveLength(1);
    expect(listAudit(t.db, { limit: 5, iin: '880315400010' })).toHaveLength(0);
    expect(verifyAudit(t.db).ok).toBe(true);
    t.core.close();
  });

  it('hashes a mistyped IIN (twelve digits, bad check digit) too, and leaves other numbers alone', () => {
    const t = testCore();
    appendAudit(t.db, { userId: 'u1', action: 'person.lookup', objectType: 'person', objectId: '900412400015', details: { receipt: 'R-12', count: 123456789012 } }, new Date(Date.UTC(2026, 2, 2)));
    const row = t.db.prepare('SELECT object_id, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { object_id: string; details: string };
    expect(row.object_id).toMatch(/^iin:[0-9a-f]{24}$/);
    expect(JSON.parse(row.details)).toEqual({ receipt: 'R-12', count: 123456789012 });
    expect(listAudit(t.db, { limit: 5, iin: '900412400015' })).toHaveLength(1);
    t.core.close();
  });
});
