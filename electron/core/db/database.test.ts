import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../testing';
import { openDatabase, schemaVersion } from './database';
import { migrations } from './migrations';

function tempFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-db-')), 'arm.sqlite');
}

describe('openDatabase', () => {
  it('creates a new database with the pragmas and every migration', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.length);
    const id = db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string };
    expect(id.value).toMatch(/^[0-9a-f]{32}$/);
    db.close();
  });

  it('applies only the migrations it has not applied yet', () => {
    const file = tempFile();
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    const extra = { version: 2, name: '0002_test', sql: 'CREATE TABLE later (id INTEGER PRIMARY KEY);' };
    const db = openDatabase(file, { migrations: [...migrations.slice(0, 1), extra] });
    expect(schemaVersion(db)).toBe(2);
    const workstations = db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'workstation_id'").get() as { n: number };
    expect(workstations.n).toBe(1);
    db.close();
  });

  it('rolls a failing migration back whole and keeps the version', () => {
    const file = tempFile();
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    const broken = { version: 2, name: '0002_broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);' };
    expect(() => openDatabase(file, { migrations: [...migrations.slice(0, 1), broken] })).toThrow(/nowhere/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses migrations that are not numbered 1, 2, 3…', () => {
    const gap = [{ version: 1, name: 'a', sql: '' }, { version: 3, name: 'c', sql: '' }];
    expect(() => openDatabase(tempFile(), { migrations: gap })).toThrow(/expected 2/);
  });

  it('refuses a database from a newer build and leaves the file as it was', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${migrations.length + 5}`);
    newer.close();
    const before = readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DB_TOO_NEW');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and leaves it as it was', () => {
    const file = tempFile();
    writeFileSync(file, 'this is a scan, not a database'.repeat(20));
    const before = readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database whose schema pages are damaged and leaves it as it was', () => {
    const file = tempFile();
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (1);');
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096); // page 1 past the header holds sqlite_master
    writeFileSync(file, bytes);
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('treats an empty file as a new database', () => {
    const file = tempFile();
    writeFileSync(file, '');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });
});

describe('migration files', () => {
  it('are numbered in order with a file name that carries the number', () => {
    migrations.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
      expect(migration.name.startsWith(String(index + 1).padStart(4, '0') + '_')).toBe(true);
    });
  });
});
