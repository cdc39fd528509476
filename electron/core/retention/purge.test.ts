import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/log';
import { integrityOk, type Db } from '../db/database';
import { listAttachments, readAttachment, writeAttachment } from '../documents/store';
import { testCore } from '../testing';
import { buildChildScript } from '../testing/childScript';
import { purgeDue, type RetentionTerms } from './purge';

const NOW = new Date('2026-06-01T09:00:00Z');
const DAY = 86_400_000;
const TERMS: RetentionTerms = { issuedDays: 30, refusedDays: 10, withdrawnDays: 10 };

/** A request that ended `daysAgo` in `state`, with content, a draft, a result, a message and a scan. */
function request(db: Db, dataDir: string, state: 'issued' | 'refusedAtIntake' | 'withdrawn' | 'queued', daysAgo: number, iin: string, pending = false) {
  const id = randomUUID();
  const scan = writeAttachment(dataDir, Buffer.from(`%PDF-1.4 scan of ${iin} ${id}\n%%EOF`));
  const at = new Date(NOW.getTime() - daysAgo * DAY).toISOString();
  const content = JSON.stringify({ applicant: { iin, fullName: 'Сарсенбаева Айгерим' }, attachments: [scan] });
  db.prepare(
    `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, applicant_name, content, signature)
     VALUES (?, ?, 'guardianship-certificate', ?, ?, 'con-kokpekty', 'u1', ?, ?, 'Сарсенбаева Айгерим', ?, 'MIIcms')`,
  ).run(id, `con-${id.slice(0, 8)}`, state, iin, at, at, content);
  db.prepare("INSERT INTO request_events (request_id, at, from_state, to_state, actor_role, comment) VALUES (?, ?, 'queued', ?, 'operator', 'звонила Айгерим')").run(id, at, state);
  db.prepare("INSERT INTO intake_drafts (request_id, data, updated_at) VALUES (?, ?, ?)").run(id, content, at);
  db.prepare("INSERT INTO outbox (id, request_id, message, state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(randomUUID(), id, content, pending ? 'pending' : 'delivered', at, at);
  return { id, scan };
}

function personal(db: Db, id: string) {
  return db.prepare('SELECT applicant_iin, applicant_name, content, signature, purged_at FROM requests WHERE id = ?').get(id) as Record<string, string | null>;
}

describe('retention purge', () => {
  it('purges each ending on its own term, keeps the row, removes the scans, reports, and audits no personal data', () => {
    const t = testCore();
    const oldIssued = request(t.db, t.dataDir, 'issued', 31, '900412400014');
    const freshIssued = request(t.db, t.dataDir, 'issued', 29, '900412400015');
    const stillSending = request(t.db, t.dataDir, 'issued', 60, '900412400016', true);
    const refused = request(t.db, t.dataDir, 'refusedAtIntake', 11, '900412400017');
    const withdrawn = request(t.db, t.dataDir, 'withdrawn', 11, '900412400018');
    const open = request(t.db, t.dataDir, 'queued', 400, '900412400019');
    t.db.prepare("INSERT INTO inbox_refused (message_id, received_at, sender, kind, code, reason, message) VALUES ('m1', ?, 'x', 'request', 'C', 'r', '{\"iin\":\"900412400020\"}')").run(new Date(NOW.getTime() - 11 * DAY).toISOString());

    const report = purgeDue({ db: t.db, dataDir: t.dataDir, terms: TERMS, now: NOW });
    expect(report).toEqual({ at: NOW.toISOString(), requests: { issued: 1, refusedAtIntake: 1, withdrawn: 1 }, scans: 3, refusedMessages: 1 });
    for (const gone of [oldIssued, refused, withdrawn]) {
      expect(personal(t.db, gone.id)).toEqual({ applicant_iin: '', applicant_name: null, content: null, signature: null, purged_at: NOW.toISOString() });
      expect(readAttachment(t.dataDir, gone.scan)).toBeNull();
      expect(t.db.prepare('SELECT count(*) AS n FROM intake_drafts WHERE request_id = ?').get(gone.id)).toEqual({ n: 0 });
      expect(t.db.prepare('SELECT message FROM outbox WHERE request_id = ?').get(gone.id)).toEqual({ message: '{}' });
      expect(t.db.prepare('SELECT comment FROM request_events WHERE request_id = ?').get(gone.id)).toEqual({ comment: null });
    }
    for (const kept of [freshIssued, stillSending, open]) {
      expect(personal(t.db, kept.id).applicant_name).toBe('Сарсенбаева Айгерим');
      expect(readAttachment(t.dataDir, kept.scan)).not.toBeNull();
    }
    // Name search no longer finds the purged ones (the full-text index followed).
    const found = t.db.prepare("SELECT count(*) AS n FROM requests_name WHERE requests_name MATCH 'Айгерим'").get() as { n: number };
    expect(found.n).toBe(3);
    const audit = t.db.prepare("SELECT details FROM audit_log WHERE action LIKE 'retention.%'").all() as { details: string }[];
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toMatch(/\d{12}|Айгерим/);
    expect(verifyAudit(t.db).ok).toBe(true);

    // A second run finds nothing more to do.
    expect(purgeDue({ db: t.db, dataDir: t.dataDir, terms: TERMS, now: NOW }).requests).toEqual({ issued: 0, refusedAtIntake: 0, withdrawn: 0 });
    t.core.close();
  });

  it('keeps an issued queue notice while its child still waits in the register, and purges it once the child left the queue', () => {
    const t = testCore();
    const queued = (state: 'waiting' | 'referred', number: number, iin: string) => {
      const issued = request(t.db, t.dataDir, 'issued', 400, iin);
      t.db
        .prepare(
          `INSERT INTO queue_entries (id, provider, service_id, kind, register, number, request_id, applicant_iin, person, registered_on, state)
           VALUES (?, 'edu-kokpekty', 'preschool-queue', 'preschool', '2-3', ?, ?, ?, '{}', '2025-04-27', ?)`,
        )
        .run(randomUUID(), number, issued.id, iin, state);
      return issued;
    };
    const waiting = queued('waiting', 1, '900412400014');
    const referred = queued('referred', 2, '900412400015');
    expect(purgeDue({ db: t.db, dataDir: t.dataDir, terms: TERMS, now: NOW }).requests.issued).toBe(1);
    expect(personal(t.db, waiting.id).purged_at).toBeNull();
    expect(readAttachment(t.dataDir, waiting.scan)).not.toBeNull();
    expect(personal(t.db, referred.id).purged_at).toBe(NOW.toISOString());
    // Referred to a kindergarten later: the next run purges it on the issued term.
    t.db.prepare("UPDATE queue_entries SET state = 'referred', left_on = '2026-05-31' WHERE request_id = ?").run(waiting.id);
    expect(purgeDue({ db: t.db, dataDir: t.dataDir, terms: TERMS, now: NOW }).requests.issued).toBe(1);
    expect(personal(t.db, waiting.id).purged_at).toBe(NOW.toISOString());
    t.core.close();
  });

  it('purges nothing for a term that is not set', () => {
    const t = testCore();
    request(t.db, t.dataDir, 'issued', 3000, '900412400014');
    const report = purgeDue({ db: t.db, dataDir: t.dataDir, terms: { issuedDays: null, refusedDays: null, withdrawnDays: null }, now: NOW });
    expect(report.requests).toEqual({ issued: 0, refusedAtIntake: 0, withdrawn: 0 });
    expect(report.scans).toBe(0);
    t.core.close();
  });
});

describe('a purge killed with SIGKILL', () => {
  const appRoot = mkdtempSync(path.join(os.tmpdir(), 'arm-purge-app-'));
  const script = path.join(appRoot, 'build', 'purge.cjs');
  afterAll(() => rmSync(appRoot, { recursive: true, force: true }));

  beforeAll(async () => {
    await buildChildScript(appRoot, 'purge', __dirname, `
          import { purgeDue } from './purge';
          import { openDataFolderDatabase } from '../vault/toolAccess';
          const [dataDir, now] = process.argv.slice(2);
          const db = openDataFolderDatabase(dataDir);
          purgeDue({ db, dataDir, now: new Date(now), terms: ${JSON.stringify(TERMS)}, onPurged: () => process.kill(process.pid, 'SIGKILL') });
        `);
  });

  it('leaves a consistent database, and the next run finishes the job with no scan left behind', () => {
    const t = testCore();
    const due = [request(t.db, t.dataDir, 'issued', 40, '900412400014'), request(t.db, t.dataDir, 'issued', 50, '900412400015'), request(t.db, t.dataDir, 'withdrawn', 20, '900412400016')];
    t.core.close();
    const run = spawnSync(process.execPath, [script, t.dataDir, NOW.toISOString()]);
    expect(run.signal).toBe('SIGKILL');

    const again = testCore({ dataDir: t.dataDir });
    expect(integrityOk(again.db)).toBe(true);
    expect(verifyAudit(again.db).ok).toBe(true);
    // Exactly the first request was committed before the kill; its scan is still on disk.
    expect(due.map(({ id }) => personal(again.db, id).purged_at !== null)).toEqual([true, false, false]);
    expect(listAttachments(t.dataDir)).toHaveLength(3);
    const report = purgeDue({ db: again.db, dataDir: t.dataDir, terms: TERMS, now: NOW });
    expect(report.requests).toEqual({ issued: 1, refusedAtIntake: 0, withdrawn: 1 });
    expect(report.scans).toBe(3);
    expect(listAttachments(t.dataDir)).toEqual([]);
    again.core.close();
  });
});
