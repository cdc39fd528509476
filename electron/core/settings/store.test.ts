import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import { DATABASE_FILE, startCore } from '../app';
import { openDatabase, type Db } from '../db/database';
import { migrations } from '../db/migrations';
import { readPolicy } from '../auth/policy';
import { memoryLogger } from '../testing';
import { peekGatewayUrl, readSetting, readSettings, writeSettings } from './store';

const at = new Date('2026-03-02T09:00:00Z');
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'arm-settings-'));
const freshDb = () => openDatabase(path.join(tempDir(), DATABASE_FILE));
const auditRows = (db: Db) => db.prepare("SELECT user_id, object_id, details FROM audit_log WHERE action = 'settings.change' ORDER BY seq").all() as Array<{ user_id: string | null; object_id: string; details: string }>;

describe('the settings store', () => {
  it('keeps typed values and audits each change once, with who and what', () => {
    const db = freshDb();
    expect(readSetting(db, 'workstation.centre')).toBeNull();
    const changed = writeSettings(db, { 'workstation.centre': { code: 'con-kokpekty', district: 'kokpekty' }, 'policy.lockMinutes': 30 }, { userId: null }, at);
    expect(changed.sort()).toEqual(['policy.lockMinutes', 'workstation.centre']);
    expect(readSetting(db, 'workstation.centre')).toEqual({ code: 'con-kokpekty', district: 'kokpekty' });
    expect(readPolicy(db).lockMinutes).toBe(30);
    const [entry] = auditRows(db);
    expect(JSON.parse(entry!.details)).toEqual({
      'workstation.centre': { from: null, to: { code: 'con-kokpekty', district: 'kokpekty' } },
      'policy.lockMinutes': { from: null, to: 30 },
    });
    expect(db.prepare("SELECT updated_at FROM settings WHERE key = 'policy.lockMinutes'").get()).toEqual({ updated_at: at.toISOString() });
  });

  it('writes nothing and audits nothing when nothing changes', () => {
    const db = freshDb();
    writeSettings(db, { 'workstation.organisation': 'edu-kokpekty' }, { userId: null }, at);
    expect(writeSettings(db, { 'workstation.organisation': 'edu-kokpekty' }, { userId: null }, at)).toEqual([]);
    expect(auditRows(db)).toHaveLength(1);
  });

  it('refuses a bad value or an unknown key and changes nothing', () => {
    const db = freshDb();
    writeSettings(db, { 'workstation.organisation': 'edu-kokpekty' }, { userId: null }, at);
    const attempts = [
      { 'workstation.organisation': 'con-other', 'gateway.url': 'ftp://gateway.example/' },
      { 'gateway.url': 'https://user:secret@gateway.example/' },
      { 'policy.minPasswordLength': 3 },
      { 'no.such.key': 1 } as never,
    ];
    for (const change of attempts) {
      try {
        writeSettings(db, change, { userId: null }, at);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ArmError);
        expect((error as ArmError).code).toBe('VALIDATION_FAILED');
      }
    }
    expect(readSettings(db)).toEqual({ 'workstation.organisation': 'edu-kokpekty' });
    expect(auditRows(db)).toHaveLength(1);
  });

  it('clears with null and records long values (PEM bundles) by hash, not in full', () => {
    const db = freshDb();
    const pem = `-----BEGIN CERTIFICATE-----\n${'A'.repeat(400)}\n-----END CERTIFICATE-----\n`;
    writeSettings(db, { 'trust.roots': pem }, { userId: null }, at);
    writeSettings(db, { 'trust.roots': null }, { userId: null }, at);
    expect(readSetting(db, 'trust.roots')).toBeNull();
    const [set, cleared] = auditRows(db).map((row) => JSON.parse(row.details) as Record<string, { from: unknown; to: unknown }>);
    expect(set!['trust.roots']!.to).toMatchObject({ chars: JSON.stringify(pem).length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(cleared!['trust.roots']).toEqual({ from: set!['trust.roots']!.to, to: null });
  });

  it('moves the settings an older АРМ wrote into the store’s keys and JSON', () => {
    const file = path.join(tempDir(), DATABASE_FILE);
    const old = openDatabase(file, { migrations: migrations.filter((migration) => migration.version <= 10) });
    const insert = old.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    insert.run('workstation.organisation', 'edu-kokpekty');
    insert.run('trust.crls', '-----BEGIN X509 CRL-----\n…');
    insert.run('intake.centre', JSON.stringify({ code: 'con-kokpekty', district: 'kokpekty' }));
    insert.run('policy.idleMinutes', '20');
    old.close();
    const db = openDatabase(file);
    expect(readSettings(db)).toEqual({
      'workstation.organisation': 'edu-kokpekty',
      'trust.crls': '-----BEGIN X509 CRL-----\n…',
      'workstation.centre': { code: 'con-kokpekty', district: 'kokpekty' },
      'policy.idleMinutes': 20,
    });
  });
});

describe('settings read before the core starts', () => {
  const stored = 'https://gateway.example/arm/';
  const withStoredGateway = () => {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE));
    writeSettings(db, { 'gateway.url': stored }, { userId: null }, at);
    db.close();
    return dataDir;
  };

  it('decides the gateway from the stored URL; the flag or environment overrides it', async () => {
    const dataDir = withStoredGateway();
    const fromSetting = startCore({ appVersion: 'test', dataDir, log: memoryLogger(), syncIntervalMs: 0 });
    expect(fromSetting.context.gateway).toEqual({ mode: 'live', url: stored });
    fromSetting.close();
    const overridden = startCore({ appVersion: 'test', dataDir, gatewayUrl: 'http://127.0.0.1:9/', training: true, log: memoryLogger(), syncIntervalMs: 0 });
    expect(overridden.context.gateway).toEqual({ mode: 'training', url: 'http://127.0.0.1:9/' });
    await overridden.ready;
    overridden.close();
    const none = startCore({ appVersion: 'test', dataDir: tempDir(), log: memoryLogger(), syncIntervalMs: 0 });
    expect(none.context.gateway).toEqual({ mode: 'none', url: null });
    none.close();
  });

  it('lets the launcher peek at the stored URL without opening the store for writing', () => {
    expect(peekGatewayUrl(path.join(withStoredGateway(), DATABASE_FILE))).toBe(stored);
    expect(peekGatewayUrl(path.join(tempDir(), DATABASE_FILE))).toBeNull();
    const garbage = path.join(tempDir(), DATABASE_FILE);
    writeFileSync(garbage, 'not a database at all, just text');
    expect(peekGatewayUrl(garbage)).toBeNull();
  });
});
