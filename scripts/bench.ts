import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../electron/core/app';
import { openDatabase } from '../electron/core/db/database';
import type { Logger } from '../electron/core/log';
import { kzCalendar, type Term } from '../shared/calendar/calendar';
import { createCatalog } from '../shared/catalog/catalog';
import { appendAudit, verifyAudit } from '../electron/core/audit/log';
import { hashPassword, verifyPassword } from '../electron/core/auth/passwords';

// `npm run bench`: one JSON object a line, {"name","value","unit"}. Targets live here, not in tests.
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function report(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function coldStart(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-'));
  try {
    const started = performance.now();
    const core = startCore({ appVersion: 'bench', dataDir: dir, log: quiet });
    const envelope = await core.dispatch('system.health', undefined, 'bench');
    const elapsed = performance.now() - started;
    core.close();
    if (!envelope.ok) throw new Error(`system.health failed: ${envelope.error.code}`);
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function insertRate(rows: number): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'bench.sqlite'));
    db.exec('CREATE TABLE bench (id INTEGER PRIMARY KEY, iin TEXT NOT NULL, surname TEXT NOT NULL, created_at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO bench (iin, surname, created_at) VALUES (?, ?, ?)');
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(String(900101300000 + i), `Сәрсенбаев${i % 977}`, new Date(1_700_000_000_000 + i).toISOString());
    })();
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return rows / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validating every catalog file and joining variants to services, as the core does on first use. */
function catalogLoad(): number {
  const started = performance.now();
  const catalog = createCatalog();
  const elapsed = performance.now() - started;
  if (catalog.list().length === 0) throw new Error('empty catalog');
  return elapsed;
}

/** Receipt deadlines from acceptance times spread over 2025–2026, in the catalog's three units. */
function deadlineRate(count: number): number {
  const terms: Term[] = [
    { value: 5, unit: 'workingDays' },
    { value: 10, unit: 'workingDays' },
    { value: 30, unit: 'calendarDays' },
    { value: 20, unit: 'minutes' },
  ];
  const base = Date.UTC(2025, 0, 1);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const start = new Date(base + (i % 700) * 86_400_000 + (i % 600) * 60_000).toISOString().slice(0, 16);
    kzCalendar.deadline(start, terms[i % terms.length] as Term);
  }
  return count / ((performance.now() - started) / 1000);
}

/** One password check at the scrypt cost the АРМ uses: what an operator waits for at login. */
async function loginCheck(): Promise<number> {
  const stored = await hashPassword('Құпия-сөз-2026');
  const started = performance.now();
  if (!(await verifyPassword('Құпия-сөз-2026', stored))) throw new Error('password check failed');
  return performance.now() - started;
}

function auditVerifyRate(entries: number): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'bench.sqlite'));
    db.transaction(() => {
      for (let i = 0; i < entries; i++) appendAudit(db, { userId: 'bench', action: 'person.lookup', objectId: String(900101300000 + i), details: { i } }, new Date(1_700_000_000_000 + i));
    })();
    const started = performance.now();
    const result = verifyAudit(db);
    const seconds = (performance.now() - started) / 1000;
    db.close();
    if (!result.ok) throw new Error('audit chain broken');
    return entries / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const starts: number[] = [];
  for (let run = 0; run < 7; run++) starts.push(await coldStart());
  report('core.cold_start_ms', median(starts), 'ms');
  report('db.insert_rows_per_s', median([insertRate(100_000), insertRate(100_000), insertRate(100_000)]), 'rows/s');
  report('catalog.load_ms', median(Array.from({ length: 7 }, catalogLoad)), 'ms');
  report('deadline.per_s', median([deadlineRate(100_000), deadlineRate(100_000), deadlineRate(100_000)]), 'deadlines/s');
  const logins: number[] = [];
  for (let run = 0; run < 5; run++) logins.push(await loginCheck());
  report('auth.login_ms', median(logins), 'ms');
  report('audit.verify_per_s', auditVerifyRate(20_000), 'entries/s');
}

void main();
