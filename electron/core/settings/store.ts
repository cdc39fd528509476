import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ArmError, settingSchemas, type SettingKey, type Settings } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';

// The one settings store: every workstation setting is a typed key (shared/api/settings.ts) in
// the settings table, stored as JSON. Writes are validated before anything is written, made in
// one transaction with one audit entry naming who changed which keys, and skipped when nothing
// changes. The core reads what it needs to start (the gateway) before anything else.

export type SettingsChange = { [K in SettingKey]?: Settings[K] | null };

/** Who changes settings: a signed-in account, or the core itself (null: the gateway's reference). */
export interface SettingsAuthor {
  userId: string | null;
}

function parse<K extends SettingKey>(key: K, raw: string): Settings[K] | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = settingSchemas[key].safeParse(value);
  return parsed.success ? (parsed.data as Settings[K]) : null;
}

/** The stored value, or null when unset (a value this build no longer accepts counts as unset). */
export function readSetting<K extends SettingKey>(db: Db, key: K): Settings[K] | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? parse(key, row.value) : null;
}

/** Every setting that is set, typed. */
export function readSettings(db: Db): Partial<Settings> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const row of rows) {
    if (!(row.key in settingSchemas)) continue;
    const value = parse(row.key as SettingKey, row.value);
    if (value !== null) settings[row.key as SettingKey] = value;
  }
  return settings as Partial<Settings>;
}

/** What the audit entry says of a value: short ones as they are, long ones (PEM bundles) by hash. */
function auditValue(json: string | null): unknown {
  if (json === null) return null;
  if (json.length <= 200) return JSON.parse(json);
  return { sha256: createHash('sha256').update(json).digest('hex'), chars: json.length };
}

/**
 * Sets (or, with null, clears) the given keys. A value that fails its schema changes nothing
 * (VALIDATION_FAILED naming the key). Returns the keys that actually changed.
 */
export function writeSettings(db: Db, change: SettingsChange, by: SettingsAuthor, now: Date): SettingKey[] {
  const issues: Array<{ path: string; message: string }> = [];
  const next = new Map<SettingKey, string | null>();
  for (const [key, value] of Object.entries(change) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    if (!(key in settingSchemas)) {
      issues.push({ path: key, message: 'unknown setting' });
      continue;
    }
    if (value === null) {
      next.set(key as SettingKey, null);
      continue;
    }
    const parsed = settingSchemas[key as SettingKey].safeParse(value);
    if (parsed.success) next.set(key as SettingKey, JSON.stringify(parsed.data));
    else issues.push(...parsed.error.issues.map((issue) => ({ path: [key, ...issue.path.map(String)].join('.'), message: issue.message })));
  }
  if (issues.length > 0) throw new ArmError('VALIDATION_FAILED', `Invalid settings: ${issues.map((issue) => issue.path).join(', ')}.`, issues);

  return db.transaction(() => {
    const changed: SettingKey[] = [];
    const details: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, json] of next) {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      const before = row?.value ?? null;
      if (before === json) continue;
      if (json === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
      else
        db.prepare(
          `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        ).run(key, json, now.toISOString(), by.userId);
      changed.push(key);
      details[key] = { from: auditValue(before), to: auditValue(json) };
    }
    if (changed.length > 0) appendAudit(db, { userId: by.userId, action: 'settings.change', objectType: 'settings', objectId: changed.join(','), details }, now);
    return changed;
  })();
}

/**
 * The stored gateway URL, read before the core opens the database: the launcher decides from it
 * whether to start the training emulator. Read-only and forgiving — a missing, older, damaged or
 * locked file answers null, and the core reports what is wrong when it opens the database.
 */
export function peekGatewayUrl(file: string, nativeBinding?: string): string | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      return readSetting(db, 'gateway.url');
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
