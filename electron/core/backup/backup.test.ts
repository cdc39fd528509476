import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Core } from '../app';
import { applyKey, openDatabase, readHeader, tableCounts } from '../db/database';
import { migrations } from '../db/migrations';
import { readAttachment, writeAttachment } from '../documents/store';
import { testCore, codeOf } from '../testing';
import { openDataFolderDatabase } from '../vault/toolAccess';
import { backupSecret, createBackup, finishRestore, recoverRestore, RESTORE_ASIDE, RESTORE_STAGING, rollBackRestore, stageRestore, swapInRestore, type BackupStep } from './backup';

const IIN = '900412400014';
const NAME = 'Сарсенбаева Айгерим';
const SCAN = Buffer.from(`%PDF-1.7 удостоверение ${NAME} ${IIN}`);
const PASSWORD = 'Резерв-2026!';
const latest = migrations.length;

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function workstation() {
  const t = testCore();
  cores.push(t.core);
  t.db.prepare("INSERT INTO meta (key, value) VALUES ('probe', ?)").run(`${NAME} ${IIN}`);
  const sha256 = writeAttachment(t.dataDir, SCAN);
  return { ...t, sha256 };
}

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'arm-usb-'));
}

/** Every byte under a folder, as `strings` would see it (UTF-8 and UTF-16). */
function holds(dir: string, text: string): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = readFileSync(path.join(entry.parentPath, entry.name));
    if (bytes.includes(Buffer.from(text)) || bytes.includes(Buffer.from(text, 'utf16le'))) hits.push(path.join(entry.parentPath, entry.name));
  }
  return hits;
}


function backUp(t: ReturnType<typeof workstation>, target = folder(), onStep?: (step: BackupStep) => void) {
  return createBackup({ db: t.db, dataDir: t.dataDir, keys: t.core.context.keys, folder: target, secret: backupSecret(PASSWORD), appVersion: 'test', now: t.core.context.now(), ...(onStep ? { onStep } : {}) });
}

describe('backup', () => {
  it('writes the database and the scans encrypted under the password, verified, with nobody readable in it', () => {
    const t = workstation();
    const result = backUp(t);
    expect(path.basename(result.path)).toMatch(/^arm-backup-\d{8}-\d{6}$/);
    expect(result.attachments).toBe(1);
    expect(result.counts.meta).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(path.join(result.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'arm-backup', schemaVersion: latest, attachments: { count: 1 } });
    // The copy stays encrypted, and not under this workstation's key: the password opens it.
    expect(readHeader(path.join(result.path, 'arm.sqlite')).kind).toBe('other');
    const underLocalKey = new Database(path.join(result.path, 'arm.sqlite'), { readonly: true });
    applyKey(underLocalKey, t.core.context.keys.database!);
    expect(() => underLocalKey.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    underLocalKey.close();
    expect(holds(result.path, IIN)).toEqual([]);
    expect(holds(result.path, 'Айгерим')).toEqual([]);
    expect(readdirSync(path.dirname(result.path)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('copies through VACUUM INTO when another reader keeps the WAL from being folded in', () => {
    const t = workstation();
    t.db.prepare("INSERT INTO meta (key, value) VALUES ('late', 'after the reader began')").run();
    const reader = openDataFolderDatabase(t.dataDir, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM meta').get();
    t.db.prepare("INSERT INTO meta (key, value) VALUES ('later', 'while the reader reads')").run();
    const result = backUp(t);
    reader.prepare('COMMIT').run();
    reader.close();
    const manifest = JSON.parse(readFileSync(path.join(result.path, 'manifest.json'), 'utf8'));
    expect(manifest.counts).toEqual(tableCounts(t.db));
  });

  it('refuses a folder that does not exist, writing nothing', () => {
    const t = workstation();
    expect(codeOf(() => backUp(t, path.join(folder(), 'absent')))).toBe('BACKUP_FOLDER_INVALID');
  });

  it('a disk that fills during the scans: BACKUP_DISK_FULL, no half backup left, the data as it was', () => {
    const t = workstation();
    const target = folder();
    const full = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(codeOf(() => backUp(t, target, (step) => step === 'attachment' && full()))).toBe('BACKUP_DISK_FULL');
    expect(readdirSync(target)).toEqual([]);
    expect(codeOf(() => backUp(t, target, (step) => step === 'database' && full()))).toBe('BACKUP_DISK_FULL');
    expect(readdirSync(target)).toEqual([]);
    expect(Buffer.from(readAttachment(t.dataDir, t.sha256) ?? []).equals(SCAN)).toBe(true);
    expect(t.db.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: `${NAME} ${IIN}` });
  });
});

describe('restore', () => {
  /** Another PC: its own data folder and master key; it has its own data to lose. */
  function otherPc() {
    const t = testCore();
    t.db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'other pc')").run();
    const sha256 = writeAttachment(t.dataDir, Buffer.from('other scan'));
    return { ...t, sha256 };
  }

  function stage(target: ReturnType<typeof otherPc>, backupDir: string, password = PASSWORD, onStep?: (step: BackupStep) => void, latestSchema = latest) {
    return stageRestore({ dataDir: target.dataDir, databaseFile: path.join(target.dataDir, DATABASE_FILE), backupDir, password, latestSchema, keys: target.core.context.keys, ...(onStep ? { onStep } : {}) });
  }

  it('restores on another PC: verified in staging, swapped in, opened under that PC’s own key', () => {
    const source = workstation();
    const { path: backupDir } = backUp(source);
    const target = otherPc();
    const manifest = stage(target, backupDir);
    expect(manifest.counts).toEqual(tableCounts(source.db));
    target.core.close();
    const file = path.join(target.dataDir, DATABASE_FILE);
    swapInRestore(target.dataDir, file);
    const restored = openDatabase(file, { key: target.core.context.keys.database });
    expect(restored.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: `${NAME} ${IIN}` });
    restored.close();
    finishRestore(target.dataDir);
    expect(Buffer.from(readAttachment(target.dataDir, source.sha256) ?? []).equals(SCAN)).toBe(true);
    expect(readAttachment(target.dataDir, target.sha256)).toBeNull();
    expect(existsSync(path.join(target.dataDir, RESTORE_ASIDE))).toBe(false);
    expect(holds(target.dataDir, IIN)).toEqual([]);
  });

  it('a wrong password: BACKUP_PASSWORD_WRONG before anything is copied', () => {
    const { path: backupDir } = backUp(workstation());
    const target = otherPc();
    expect(codeOf(() => stage(target, backupDir, 'не тот пароль'))).toBe('BACKUP_PASSWORD_WRONG');
    expect(existsSync(path.join(target.dataDir, RESTORE_STAGING))).toBe(false);
  });

  it('a backup of a newer version: BACKUP_TOO_NEW, nothing copied', () => {
    const { path: backupDir } = backUp(workstation());
    const target = otherPc();
    expect(codeOf(() => stage(target, backupDir, PASSWORD, undefined, latest - 1))).toBe('BACKUP_TOO_NEW');
    expect(existsSync(path.join(target.dataDir, RESTORE_STAGING))).toBe(false);
  });

  it('an altered manifest or a folder that is no backup: BACKUP_INVALID', () => {
    const { path: backupDir } = backUp(workstation());
    const target = otherPc();
    const manifestFile = path.join(backupDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, schemaVersion: 1 }));
    expect(codeOf(() => stage(target, backupDir))).toBe('BACKUP_INVALID');
    expect(codeOf(() => stage(target, folder()))).toBe('BACKUP_INVALID');
  });

  it('a USB stick pulled mid-restore: BACKUP_UNREADABLE, the staging dropped, the current data untouched', () => {
    const { path: backupDir } = backUp(workstation());
    const target = otherPc();
    const pull = () => rmSync(backupDir, { recursive: true, force: true });
    expect(codeOf(() => stage(target, backupDir, PASSWORD, (step) => step === 'database' && pull()))).toBe('BACKUP_UNREADABLE');
    expect(existsSync(path.join(target.dataDir, RESTORE_STAGING))).toBe(false);
    expect(target.db.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'other pc' });
    expect(readAttachment(target.dataDir, target.sha256)?.toString()).toBe('other scan');
  });

  it('killed during the swap, or the restored database does not open: the data set aside comes back', () => {
    const { path: backupDir } = backUp(workstation());
    const target = otherPc();
    stage(target, backupDir);
    target.core.close();
    const file = path.join(target.dataDir, DATABASE_FILE);
    swapInRestore(target.dataDir, file);
    // No confirmation that the restored one opened: the next start rolls back.
    expect(recoverRestore(target.dataDir, file)).toBe('rolledBack');
    const back = openDatabase(file, { key: target.core.context.keys.database });
    expect(back.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'other pc' });
    back.close();
    expect(readAttachment(target.dataDir, target.sha256)?.toString()).toBe('other scan');

    // Killed after the database went aside but before the scans did: each piece returns from where it is.
    stage(target, backupDir);
    mkdirSync(path.join(target.dataDir, RESTORE_ASIDE));
    for (const side of ['', '-wal', '-shm']) if (existsSync(file + side)) writeFileSync(path.join(target.dataDir, RESTORE_ASIDE, DATABASE_FILE + side), readFileSync(file + side));
    rmSync(file);
    expect(recoverRestore(target.dataDir, file)).toBe('rolledBack');
    const again = openDatabase(file, { key: target.core.context.keys.database });
    expect(again.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'other pc' });
    again.close();
    expect(readAttachment(target.dataDir, target.sha256)?.toString()).toBe('other scan');
    rollBackRestore(target.dataDir, file);
  });
});
