import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { DATABASE_FILE } from '../app';
import { verifyAudit } from '../audit/log';
import { testCore } from '../testing';
import { migrations } from './migrations';
import { readHeader } from './database';
import { openDataFolderDatabase } from '../vault/toolAccess';

// An update must never lose a pending request. fixtures/v0.1.0 is a data folder written by release
// 0.1.0 (commit 57886fa) through its own core (generate.ts.txt): one request delivered, two queued
// with their outbox rows pending (the network went down), two drafts, one with a scanned document.

const FIXTURE = path.join(__dirname, 'fixtures', 'v0.1.0');
const NEXT_DAY = '2026-03-03T09:00:00Z';
const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.dispose()));
});

type Row = Record<string, unknown>;
/** Every row of every table; the database opened as it is (plain v0.1.0) or under the folder's key (after). */
function snapshot(file: string): Map<string, Row[]> {
  const db = readHeader(file).kind === 'plain' ? new Database(file, { readonly: true }) : openDataFolderDatabase(path.dirname(file), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'requests_name%'").all() as Array<{ name: string }>;
    const order = (table: string) => {
      const keys = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; pk: number }>).filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
      return keys.length > 0 ? keys.map((column) => `"${column.name}"`).join(', ') : 'rowid';
    };
    return new Map(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${order(name)}`).all() as Row[]]));
  } finally {
    db.close();
  }
}

function copyFixture(): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-upgrade-'));
  cpSync(FIXTURE, dataDir, { recursive: true, filter: (source) => !source.endsWith('.txt') });
  return dataDir;
}

describe('upgrading a v0.1.0 database', () => {
  it('migrates to this build with every row of every old table intact, pending outbox rows and drafts included', async () => {
    const dataDir = copyFixture();
    const before = snapshot(path.join(dataDir, DATABASE_FILE));
    expect(before.get('outbox')!.filter((row) => row.state === 'pending')).toHaveLength(2);
    expect(before.get('requests')!.filter((row) => row.state === 'draft')).toHaveLength(2);

    const { db, close } = testCore({ appVersion: 'next', dataDir, clock: { now: Date.parse(NEXT_DAY) } });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    close();

    // The plain v0.1.0 file was encrypted in place on the way (vault/): same rows, no plain header.
    expect(readHeader(path.join(dataDir, DATABASE_FILE)).kind).toBe('other');
    const after = snapshot(path.join(dataDir, DATABASE_FILE));
    // The one exception: 0012_settings moves settings to the store's key names and JSON; every
    // old setting must read back, typed, under its new name.
    const renamed: Record<string, string> = { 'intake.centre': 'workstation.centre', 'intake.organisations': 'reference.organisations' };
    const settings = new Map(after.get('settings')!.map((row) => [row.key as string, JSON.parse(row.value as string) as unknown]));
    for (const row of before.get('settings')!) expect(settings.get(renamed[row.key as string] ?? (row.key as string)), `setting ${String(row.key)}`).toEqual(JSON.parse(row.value as string));
    before.delete('settings');
    for (const [table, rows] of before) {
      const now = after.get(table);
      expect(now, `table ${table} survives`).toBeDefined();
      expect(now, `rows of ${table}`).toHaveLength(rows.length);
      // Old columns keep their values; migrations may only add columns.
      rows.forEach((row, index) => expect(now![index], `${table} row ${index}`).toMatchObject(row));
    }
  });

  it('serves the old drafts and the audit chain, and delivers the pending requests once the gateway answers', async () => {
    const dataDir = copyFixture();
    const gateway = await startTestGateway();
    gateways.push(gateway);
    const { core, db, window: client } = testCore({ appVersion: 'next', dataDir, gateway, clock: { now: Date.parse(NEXT_DAY) } });
    expect(verifyAudit(db)).toMatchObject({ ok: true });

    // The fixture's own operator account, signed in without its (unknown) password.
    const operatorRow = db.prepare("SELECT id, full_name FROM users WHERE login = 'operator'").get() as { id: string; full_name: string };
    const window = 'upgrade-operator';
    const session = core.sessions.get(window);
    session.user = { id: operatorRow.id, login: 'operator', fullName: operatorRow.full_name, role: 'operator', organisation: 'test', mustChangePassword: false };
    session.lastActivity = core.context.now().getTime();
    const drafts = db.prepare("SELECT id FROM requests WHERE state = 'draft' ORDER BY rowid").all() as Array<{ id: string }>;
    const operator = client(window);
    const withScan = await operator.intake.get({ requestId: drafts[0]!.id });
    expect(withScan.applicant).toMatchObject({ iin: '900412400014', source: 'manual' });
    expect(withScan.checklist.flatMap((line) => line.attachments)).toHaveLength(1);

    const pending = db.prepare("SELECT id FROM outbox WHERE state = 'pending' ORDER BY id").all() as Array<{ id: string }>;
    expect(pending).toHaveLength(2);
    await core.context.sync!.run();
    const states = db.prepare(`SELECT id, state FROM outbox WHERE id IN (${pending.map(() => '?').join(',')}) ORDER BY id`).all(...pending.map((row) => row.id));
    expect(states).toEqual(pending.map((row) => ({ id: row.id, state: 'delivered' })));
  });
});
