import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seedRegistries } from '../seed';
import { openGatewayDb } from './database';
import { migrations } from './migrations';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-gateway-db-'));
  dirs.push(dir);
  return path.join(dir, 'gateway.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openGatewayDb', () => {
  it('migrates a new file to the latest version, and seeds the registries only once', () => {
    const file = tempFile();
    const db = openGatewayDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    seedRegistries(db);
    const persons = db.prepare('SELECT count(*) AS n FROM persons').get();
    db.close();

    const reopened = openGatewayDb(file);
    seedRegistries(reopened);
    expect(reopened.prepare('SELECT count(*) AS n FROM persons').get()).toEqual(persons);
    reopened.close();
  });

  it('refuses a database from a newer emulator and leaves it as it was', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    const before = readFileSync(file);
    expect(() => openGatewayDb(file)).toThrow(/schema version/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a migration list with a gap', () => {
    expect(() => openGatewayDb(tempFile(), [{ version: 2, name: '0002_gap', sql: 'SELECT 1' }])).toThrow(/expected 1/);
  });
});
