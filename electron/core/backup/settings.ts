import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupSettingsSchema, errorCodeSchema, lastGoodBackupSchema, purgeReportSchema, type BackupSettings } from '../../../shared/api';
import type { Db } from '../db/database';
import { writeFileAtomic } from '../documents/store';
import type { RetentionTerms } from '../retention/purge';
import { readSetting, writeSettings, type SettingsAuthor } from '../settings/store';
import type { BackupSecret } from './backup';

// Data care's settings are keys of the one settings store (backup.folder, backup.everyHours,
// retention.*Days: typed and audited there). What is not a setting stays in `meta`, inside the
// encrypted database: the schedule's backup key (key material never goes through the settings'
// audit, which records values) and the last run's outcome.

const META = { secret: 'backup_secret', lastError: 'backup_last_error', lastReport: 'retention_last_report' } as const;

function readMeta<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeMeta(db: Db, key: string, value: unknown): void {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

const secretSchema = z.object({ salt: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int(), root: z.string() });

export function readBackupSecret(db: Db): BackupSecret | null {
  const stored = readMeta(db, META.secret, secretSchema);
  return stored ? { salt: Buffer.from(stored.salt, 'base64'), kdf: { N: stored.N, r: stored.r, p: stored.p }, root: Buffer.from(stored.root, 'base64') } : null;
}

export function writeBackupSecret(db: Db, secret: BackupSecret): void {
  writeMeta(db, META.secret, { salt: secret.salt.toString('base64'), ...secret.kdf, root: secret.root.toString('base64') });
}

export function readBackupSettings(db: Db): BackupSettings {
  return backupSettingsSchema.parse({ folder: readSetting(db, 'backup.folder'), everyHours: readSetting(db, 'backup.everyHours') ?? 0, scheduled: readBackupSecret(db) !== null });
}

export function writeBackupSettings(db: Db, folder: string | null, everyHours: number, by: SettingsAuthor, now: Date): void {
  writeSettings(db, { 'backup.folder': folder, 'backup.everyHours': everyHours }, by, now);
}

const lastErrorSchema = z.object({ code: errorCodeSchema, at: z.iso.datetime() });

export function readLastError(db: Db): z.infer<typeof lastErrorSchema> | null {
  return readMeta(db, META.lastError, lastErrorSchema);
}

export function writeLastError(db: Db, error: z.infer<typeof lastErrorSchema> | null): void {
  writeMeta(db, META.lastError, error);
}

export function readRetentionTerms(db: Db): RetentionTerms {
  return { issuedDays: readSetting(db, 'retention.issuedDays'), refusedDays: readSetting(db, 'retention.refusedDays'), withdrawnDays: readSetting(db, 'retention.withdrawnDays') };
}

export function writeRetentionTerms(db: Db, terms: RetentionTerms, by: SettingsAuthor, now: Date): void {
  writeSettings(db, { 'retention.issuedDays': terms.issuedDays, 'retention.refusedDays': terms.refusedDays, 'retention.withdrawnDays': terms.withdrawnDays }, by, now);
}

export function readLastReport(db: Db) {
  return readMeta(db, META.lastReport, purgeReportSchema);
}

export function writeLastReport(db: Db, report: z.infer<typeof purgeReportSchema>): void {
  writeMeta(db, META.lastReport, report);
}

/** `meta` keys holding key material: never in a support bundle. */
export const SECRET_META: ReadonlySet<string> = new Set([META.secret]);

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
