import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupSettingsSchema, errorCodeSchema, lastGoodBackupSchema, purgeReportSchema, retentionTermsSchema, type BackupSettings } from '../../../shared/api';
import type { Db } from '../db/database';
import { writeFileAtomic } from '../documents/store';
import { readSetting, writeSetting } from '../inbox/settings';
import type { RetentionTerms } from '../retention/purge';
import type { BackupSecret } from './backup';

// Data care's settings, typed with zod, in the settings table. When the one settings store
// (electron/core/settings, issue 13) lands, these keys move into it unchanged.
export const DATACARE_SETTING = {
  folder: 'backup.folder',
  everyHours: 'backup.everyHours',
  /** The schedule's backup key (scrypt of the supervisor's password), never the password. */
  secret: 'backup.secret',
  lastError: 'backup.lastError',
  retention: 'retention.terms',
  lastReport: 'retention.lastReport',
} as const;

/** Settings whose value is key material: never shown, never in a support bundle. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([DATACARE_SETTING.secret]);

function readJson<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const raw = readSetting(db, key);
  if (raw === null) return null;
  const parsed = schema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

const secretSchema = z.object({ salt: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int(), root: z.string() });

export function readBackupSecret(db: Db): BackupSecret | null {
  const stored = readJson(db, DATACARE_SETTING.secret, secretSchema);
  return stored ? { salt: Buffer.from(stored.salt, 'base64'), kdf: { N: stored.N, r: stored.r, p: stored.p }, root: Buffer.from(stored.root, 'base64') } : null;
}

export function writeBackupSecret(db: Db, secret: BackupSecret): void {
  writeSetting(db, DATACARE_SETTING.secret, JSON.stringify({ salt: secret.salt.toString('base64'), ...secret.kdf, root: secret.root.toString('base64') }));
}

export function readBackupSettings(db: Db): BackupSettings {
  const folder = readSetting(db, DATACARE_SETTING.folder);
  const everyHours = Number(readSetting(db, DATACARE_SETTING.everyHours) ?? '0');
  return backupSettingsSchema.parse({ folder, everyHours: Number.isInteger(everyHours) ? everyHours : 0, scheduled: readBackupSecret(db) !== null });
}

export function writeBackupSettings(db: Db, folder: string | null, everyHours: number): void {
  if (folder === null) db.prepare('DELETE FROM settings WHERE key = ?').run(DATACARE_SETTING.folder);
  else writeSetting(db, DATACARE_SETTING.folder, folder);
  writeSetting(db, DATACARE_SETTING.everyHours, String(everyHours));
}

const lastErrorSchema = z.object({ code: errorCodeSchema, at: z.iso.datetime() });

export function readLastError(db: Db): z.infer<typeof lastErrorSchema> | null {
  return readJson(db, DATACARE_SETTING.lastError, lastErrorSchema);
}

export function writeLastError(db: Db, error: z.infer<typeof lastErrorSchema> | null): void {
  if (error) writeSetting(db, DATACARE_SETTING.lastError, JSON.stringify(error));
  else db.prepare('DELETE FROM settings WHERE key = ?').run(DATACARE_SETTING.lastError);
}

const NO_TERMS: RetentionTerms = { issuedDays: null, refusedDays: null, withdrawnDays: null };

export function readRetentionTerms(db: Db): RetentionTerms {
  return readJson(db, DATACARE_SETTING.retention, retentionTermsSchema) ?? NO_TERMS;
}

export function writeRetentionTerms(db: Db, terms: RetentionTerms): void {
  writeSetting(db, DATACARE_SETTING.retention, JSON.stringify(terms));
}

export function readLastReport(db: Db) {
  return readJson(db, DATACARE_SETTING.lastReport, purgeReportSchema);
}

// The last good backup is also kept beside the database, outside it: when the database is dead
// at start, this is how the supervisor is offered it. A path and a time; nobody's data.
const LAST_GOOD = 'backups.json';

export function readLastGood(dataDir: string): z.infer<typeof lastGoodBackupSchema> | null {
  try {
    const parsed = lastGoodBackupSchema.safeParse(JSON.parse(readFileSync(path.join(dataDir, LAST_GOOD), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeLastGood(dataDir: string, last: z.infer<typeof lastGoodBackupSchema>): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path.join(dataDir, LAST_GOOD), Buffer.from(JSON.stringify(last) + '\n'));
}
