import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, createClient } from '../../../shared/api';
import { DATABASE_FILE, startCore, type Core } from '../app';
import { memoryLogger, signedIn, codeOf } from '../testing';
import { runScheduledBackup } from './handlers';

const PASSWORD = 'Резерв-копия-2026';
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((core) => core.close()));

function start(dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-care-')), clock = { now: Date.parse('2026-03-02T09:00:00Z') }) {
  const core = startCore({ appVersion: 'test', dataDir, log: memoryLogger(), now: () => new Date(clock.now), syncIntervalMs: 0, dataCareIntervalMs: 0 });
  cores.push(core);
  const client = (key: string) => createClient(contract, (name, input) => core.dispatch(name, input, key));
  return { core, dataDir, clock, client, anonymous: client('nobody') };
}


describe('backup schedule', () => {
  it('backs up when due, not before, and keeps a failure for the supervisor’s screen', async () => {
    const t = start();
    const window = signedIn(t.core, 'supervisor', '880315400010');
    const supervisor = t.client(window);
    // The clock jumps by days here; the supervisor stays at the desk.
    const wait = (hours: number) => {
      t.clock.now += hours * 3_600_000;
      t.core.sessions.get(window).lastActivity = t.clock.now;
    };
    const usb = mkdtempSync(path.join(os.tmpdir(), 'arm-usb-'));
    expect(await supervisor.backup.configure({ folder: usb, everyHours: 24, password: PASSWORD })).toEqual({ folder: usb, everyHours: 24, scheduled: true });
    expect(runScheduledBackup(t.core.context)).not.toBeNull();
    wait(23);
    expect(runScheduledBackup(t.core.context)).toBeNull();
    wait(2);
    expect(runScheduledBackup(t.core.context)).not.toBeNull();
    expect(readdirSync(usb)).toHaveLength(2);
    // The stick is gone: the schedule says why instead of failing silently.
    await supervisor.backup.configure({ folder: path.join(usb, 'pulled'), everyHours: 24 });
    wait(25);
    expect(runScheduledBackup(t.core.context)).toBeNull();
    const status = await supervisor.backup.status();
    expect(status.lastError).toMatchObject({ code: 'BACKUP_FOLDER_INVALID' });
    expect(status.settings).toEqual({ folder: path.join(usb, 'pulled'), everyHours: 24, scheduled: true });
    // The password is not stored, only the key derived from it.
    const stored = t.core.context.db!.prepare("SELECT value FROM settings UNION ALL SELECT value FROM meta UNION ALL SELECT details FROM audit_log").all() as { value: string }[];
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    // Nor does the key derived from it reach the audit (the settings' audit records values).
    const secret = t.core.context.db!.prepare("SELECT value FROM meta WHERE key = 'backup_secret'").get() as { value: string };
    const root = JSON.parse(secret.value).root as string;
    expect(JSON.stringify(t.core.context.db!.prepare('SELECT details FROM audit_log').all())).not.toContain(root);
  });

  it('refuses a backup on demand without a folder, and a short password', async () => {
    const t = start();
    const supervisor = t.client(signedIn(t.core, 'supervisor', '880315400010'));
    expect(await codeOf(supervisor.backup.create({ password: PASSWORD }))).toBe('BACKUP_NOT_CONFIGURED');
    expect(await codeOf(supervisor.backup.create({ password: 'short' }))).toBe('VALIDATION_FAILED');
  });
});

describe('restore through the contract', () => {
  it('a working database is restored only by the supervisor', async () => {
    const t = start();
    expect(await codeOf(t.anonymous.backup.restore({ path: '/nowhere', password: PASSWORD }))).toBe('RESTORE_NOT_ALLOWED');
    expect(await t.anonymous.backup.lastGood()).toBeNull();
  });

  it('at start a corrupt database offers the last good backup; the backup password restores it; the next start opens it', async () => {
    const first = start();
    const supervisor = first.client(signedIn(first.core, 'supervisor', '880315400010', 'boss'));
    const usb = mkdtempSync(path.join(os.tmpdir(), 'arm-usb-'));
    const backup = await supervisor.backup.create({ folder: usb, password: PASSWORD });
    first.core.close();
    cores.splice(0);
    writeFileSync(path.join(first.dataDir, DATABASE_FILE), Buffer.alloc(16_384, 0x42));

    const dead = start(first.dataDir);
    expect(await dead.anonymous.system.health()).toMatchObject({ status: 'failed', error: 'DB_CORRUPT' });
    expect(await dead.anonymous.backup.lastGood()).toEqual({ path: backup.path, createdAt: backup.createdAt });
    expect(await codeOf(dead.anonymous.backup.restore({ path: backup.path, password: 'не тот пароль' }))).toBe('BACKUP_PASSWORD_WRONG');
    expect(await dead.anonymous.backup.restore({ path: backup.path, password: PASSWORD })).toEqual({ createdAt: backup.createdAt, restartRequired: true });
    expect(await dead.anonymous.system.health()).toMatchObject({ status: 'failed', error: 'RESTART_REQUIRED' });
    expect(await codeOf(dead.anonymous.backup.restore({ path: backup.path, password: PASSWORD }))).toBe('RESTART_REQUIRED');
    dead.core.close();
    cores.splice(0);

    const again = start(first.dataDir);
    expect(await again.anonymous.system.health()).toMatchObject({ status: 'ok' });
    const user = again.core.context.db!.prepare("SELECT login FROM users WHERE login = 'boss'").get();
    expect(user).toEqual({ login: 'boss' });
    const audit = again.core.context.db!.prepare("SELECT action FROM audit_log WHERE action LIKE 'backup.%' ORDER BY seq").all();
    // The copy was taken before its own «backup.created» entry was written; the restore is recorded.
    expect(audit).toEqual([{ action: 'backup.restored' }]);
  });
});
