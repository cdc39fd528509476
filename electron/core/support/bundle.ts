import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { verifyAudit } from '../audit/log';
import { integrityOk, schemaVersion, tableCounts, type Db } from '../db/database';
import { outboxStatus } from '../outbox/outbox';
import { trustStatus } from '../signing/trust';

// Пакет для поддержки: what the support desk needs to see why a workstation misbehaves, and
// nothing about the people it served. Everything that goes in passes the scrubber, which removes
// every IIN and name the database knows, anything shaped like an IIN, a token, a password field,
// a key or a long blob, and capitalised Cyrillic name runs; secret settings never go in at all.

export interface BundleInput {
  db: Db | null;
  dataDir: string;
  appVersion: string;
  now: Date;
  /** Why the core has no database, when it has none. */
  startError?: string | null;
  atRest?: unknown;
  /** Exact strings that must not appear (the key file's text, the data keys in hex). */
  secrets?: readonly string[];
}

const LOG_DAYS = 14;
const LOG_BYTES = 8 * 1024 * 1024;

const PATTERNS: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[PRIVATE KEY]'],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[TOKEN]'],
  [/(token["']?\s*[=:]\s*["']?)[A-Za-z0-9._~+/=-]+/gi, '$1[TOKEN]'],
  [/("[A-Za-z]*(?:password|passphrase|secret|pin)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[REDACTED]"'],
  [/(?<![0-9])\d{12}(?![0-9])/g, '[IIN]'],
  [/[A-Za-z0-9+/]{80,}={0,2}/g, '[BLOB]'],
  // A 256-bit key in base64 (the master key file's text, a derived key).
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=/g, '[KEY]'],
  [/[0-9a-fA-F]{64,}/g, '[HEX]'],
  [/[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:[ \t]+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)+/g, '[NAME]'],
];

/** The IINs and names this database holds, longest first (a full name before its parts). */
function knownPeople(db: Db | null): string[] {
  if (!db) return [];
  const sources = [
    'SELECT iin AS v FROM users',
    'SELECT full_name AS v FROM users',
    'SELECT applicant_iin AS v FROM requests',
    'SELECT applicant_name AS v FROM requests WHERE applicant_name IS NOT NULL',
  ];
  const found = new Set<string>();
  for (const sql of sources) {
    try {
      for (const { v } of db.prepare(sql).iterate() as Iterable<{ v: string }>) {
        if (!v) continue;
        found.add(v);
        for (const part of v.split(/\s+/)) if (part.length >= 3) found.add(part);
      }
    } catch {
      // A damaged table: the patterns still apply.
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

export function createScrubber(db: Db | null, secrets: readonly string[] = []): (text: string) => string {
  const exact = [...secrets.filter((secret) => secret.length >= 8), ...knownPeople(db)];
  return (text) => {
    let out = text;
    for (const value of exact) out = out.split(value).join('[PERSONAL]');
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

function attempt<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (error) {
    return { error: (error as { code?: string }).code ?? 'unreadable' };
  }
}

function settingsOf(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  const out: Record<string, string> = {};
  for (const { key, value } of rows) {
    // Certificates and CRLs are public, and long: their presence is what support needs.
    out[key] = key.startsWith('trust.') ? `[${value.length} characters]` : value;
  }
  return out;
}

function syncState(db: Db) {
  return {
    ...outboxStatus(db, null),
    byState: db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all(),
    errors: db.prepare('SELECT last_error AS code, count(*) AS n FROM outbox WHERE last_error IS NOT NULL GROUP BY last_error').all(),
  };
}

function logs(dataDir: string, now: Date): Array<[string, string]> {
  const dir = path.join(dataDir, 'logs');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^arm-\d{4}-\d{2}-\d{2}\.log$/.test(name)).sort().reverse();
  } catch {
    return [];
  }
  const since = new Date(now.getTime() - LOG_DAYS * 86_400_000).toISOString().slice(0, 10);
  const picked: Array<[string, string]> = [];
  let total = 0;
  for (const name of names) {
    if (name.slice(4, 14) < since) break;
    const file = path.join(dir, name);
    const size = statSync(file).size;
    // The newest days first; a huge log keeps its tail, where the trouble usually is.
    const text = readFileSync(file, 'utf8').slice(-Math.max(0, LOG_BYTES - total));
    total += Math.min(size, text.length);
    picked.push([name, text]);
    if (total >= LOG_BYTES) break;
  }
  return picked;
}

/** The zip, every entry scrubbed. */
export function supportBundle(input: BundleInput): { fileName: string; zip: Uint8Array } {
  const { db, now } = input;
  const scrub = createScrubber(db, input.secrets);
  const json = (value: unknown) => strToU8(scrub(JSON.stringify(value, null, 2)) + '\n');
  const files: Record<string, Uint8Array> = {
    'versions.json': json({
      app: input.appVersion,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      platform: process.platform,
      arch: process.arch,
      sqlite: db ? attempt(() => (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v) : null,
      cipher: db ? attempt(() => db.pragma('cipher', { simple: true })) : null,
      schemaVersion: db ? attempt(() => schemaVersion(db)) : null,
      workstationId: db ? attempt(() => (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string }).value) : null,
      createdAt: now.toISOString(),
    }),
    'state.json': json({ startError: input.startError ?? null, atRest: input.atRest ?? null, database: db ? 'open' : 'not open' }),
  };
  if (db) {
    files['settings.json'] = json(attempt(() => settingsOf(db)));
    files['sync.json'] = json(attempt(() => syncState(db)));
    files['crl.json'] = json(attempt(() => trustStatus(db, now, false)));
    files['integrity.json'] = json({
      integrityCheck: attempt(() => (integrityOk(db) ? 'ok' : 'failed')),
      rows: attempt(() => tableCounts(db)),
      audit: attempt(() => verifyAudit(db)),
    });
  }
  for (const [name, text] of logs(input.dataDir, now)) files[`logs/${name}`] = strToU8(scrub(text));
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return { fileName: `arm-support-${stamp}.zip`, zip: zipSync(files, { level: 6 }) };
}
