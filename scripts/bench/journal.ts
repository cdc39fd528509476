import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { JournalQuery, RequestState } from '../../shared/api';
import { startCore } from '../../electron/core/app';
import { insertUser } from '../../electron/core/auth/accounts';
import type { Db } from '../../electron/core/db/database';
import { writeSettings } from '../../electron/core/settings/store';
import { signedIn } from '../../electron/core/testing';
import { median, quiet, report } from './report';

// The journal on a million requests in a temporary data folder: searches go through dispatch as
// the renderer's do (validation, roles, the IIN audit entry), p95 over varied queries.

const SURNAMES = ['Әбілқайыров', 'Сейткали', 'Жақсылықов', 'Нұрланов', 'Өмірбеков', 'Құрманғазиев', 'Ұлықбеков', 'Иванов', 'Петрова', 'Ким', 'Байжанов', 'Төлеуова', 'Смагулов', 'Ермекова', 'Шевченко', 'Абдрахманов', 'Ғабитов', 'Қасымова', 'Серікбаев', 'Ёлкин'];
const NAMES = ['Айгүл', 'Нұрлан', 'Ерлан', 'Дана', 'Әсел', 'Ұлан', 'Алёна', 'Сергей', 'Мәди', 'Жанар', 'Қайрат', 'Өркен', 'Ирина', 'Бауыржан', 'Гүлнар'];
const STATES: RequestState[] = ['issued', 'issued', 'issued', 'issued', 'resultAtCentre', 'inWork', 'registered', 'sent', 'queued', 'refusedAtIntake', 'withdrawn', 'decided'];
const SERVICES = Array.from({ length: 12 }, (_, index) => `service-${index}`);
// BENCH_ROWS sizes the journal (default a million) so a quick run is possible.
const ROWS = Math.max(50_000, Math.round(Number(process.env.BENCH_ROWS ?? 1_000_000) / 50_000) * 50_000);
const DAY_MS = 86_400_000;

function iinOf(index: number): string {
  return String(800101300000 + index * 7);
}

function generate(db: Db, operators: string[], start: number): number {
  const insert = db.prepare(
    `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, side, variant_id, provider, applicant_name, due_by)
     VALUES (?, ?, ?, ?, ?, 'con-bench', ?, ?, ?, 'centre', 'v', ?, ?, ?)`,
  );
  const started = performance.now();
  // Two years of a busy centre: about 1,400 requests a day; an applicant comes back now and then.
  const span = 730 * DAY_MS;
  for (let batch = 0; batch < ROWS; batch += 50_000) {
    db.transaction(() => {
      for (let index = batch; index < batch + 50_000; index++) {
        const at = new Date(start + Math.floor((index / ROWS) * span));
        const iso = at.toISOString();
        const name = `${SURNAMES[(index * 7) % SURNAMES.length]} ${NAMES[(index * 13) % NAMES.length]} ${NAMES[(index * 3) % NAMES.length]}ұлы`;
        const due = new Date(at.getTime() + (5 + (index % 25)) * DAY_MS).toISOString().slice(0, 10);
        insert.run(`r-${index}`, `CB-${index}`, SERVICES[index % SERVICES.length], STATES[index % STATES.length], iinOf(index % 400_000), operators[index % operators.length], iso, iso, `edu-${index % 5}`, name, due);
      }
    })();
  }
  return ROWS / ((performance.now() - started) / 1000);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

export async function journalBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-journal-'));
  const core = startCore({ appVersion: 'bench', dataDir: dir, log: quiet });
  try {
    const db = core.context.db!;
    const now = new Date();
    const operators = Array.from({ length: 20 }, (_, index) => insertUser(db, { login: `op${index}`, fullName: `Оператор ${index}`, iin: '920701300012', role: 'operator', organisation: 'bench', passwordHash: 'x', mustChangePassword: false }, now).id);
    report('journal.generate_rows_per_s', generate(db, operators, now.getTime() - 730 * DAY_MS), 'rows/s');
    db.pragma('optimize');
    const window = signedIn(core, 'operator', '920701300012', 'bench-operator');
    const search = async (input: JournalQuery) => {
      const started = performance.now();
      const envelope = await core.dispatch('journal.search', input, window);
      if (!envelope.ok) throw new Error(`journal.search failed: ${envelope.error.code}`);
      return { ms: performance.now() - started, value: envelope.value as { rows: unknown[]; next: { at: string; key: number } | null } };
    };
    const runs = 200;
    const iin: number[] = [];
    const name: number[] = [];
    const page: number[] = [];
    for (let run = 0; run < runs; run++) {
      iin.push((await search({ iin: iinOf((run * 1999) % 400_000) })).ms);
      const surname = SURNAMES[run % SURNAMES.length]!;
      const given = NAMES[run % NAMES.length]!;
      name.push((await search({ name: run % 2 ? surname.slice(0, 3 + (run % 3)).toLocaleLowerCase('kk') : `${surname.slice(0, 4)} ${given.slice(0, 2)}` })).ms);
    }
    // Paging: 20 pages deep without a filter, by status, by service, by operator, and overdue.
    const filters: JournalQuery[] = [{}, { state: 'inWork' }, { serviceId: 'service-3' }, { operatorId: operators[4]! }, { overdue: true }, { from: now.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) }];
    for (const filter of filters) {
      let after: { at: string; key: number } | null = null;
      for (let depth = 0; depth < 20; depth++) {
        const result = await search({ ...filter, limit: 50, ...(after ? { after } : {}) });
        page.push(result.ms);
        after = result.value.next;
        if (!after) break;
      }
    }
    report('journal.search_ms', median([...iin, ...name]), 'ms');
    report('journal.search_iin_p95_ms', percentile(iin, 0.95), 'ms');
    report('journal.search_name_p95_ms', percentile(name, 0.95), 'ms');
    report('journal.page_p95_ms', percentile(page, 0.95), 'ms');
    // The supervisor's screens on the same million: the dashboard polls, the report is asked for a month.
    const supervisor = signedIn(core, 'supervisor', '880315400010', 'bench-supervisor');
    const timed = async (channel: 'reports.dashboard' | 'reports.period', input: unknown) => {
      const started = performance.now();
      const envelope = await core.dispatch(channel, input, supervisor);
      if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}`);
      return performance.now() - started;
    };
    const boards: number[] = [];
    const months: number[] = [];
    const month = new Date(now.getTime() - 40 * DAY_MS).toISOString().slice(0, 10);
    for (let run = 0; run < 5; run++) {
      boards.push(await timed('reports.dashboard', undefined));
      months.push(await timed('reports.period', { from: month, to: new Date(now.getTime() - 10 * DAY_MS).toISOString().slice(0, 10) }));
    }
    report('reports.dashboard_ms', median(boards), 'ms');
    report('reports.period_month_ms', median(months), 'ms');
    // A new request on the same million: its number comes from the day's sequence, not a count.
    writeSettings(
      db,
      {
        'workstation.centre': { code: 'con-bench', district: 'kokpekty' },
        'reference.organisations': { version: 1, organisations: [], routes: [{ service: 'guardianship-certificate', district: 'kokpekty', provider: 'edu-kokpekty' }] },
      },
      { userId: null },
      new Date(),
    );
    const starts: number[] = [];
    for (let run = 0; run < 21; run++) {
      const started = performance.now();
      const envelope = await core.dispatch('intake.start', { serviceId: 'guardianship-certificate' }, window);
      if (!envelope.ok) throw new Error(`intake.start failed: ${envelope.error.code}`);
      starts.push(performance.now() - started);
    }
    report('intake.start_ms', median(starts), 'ms');
    core.close();
    report('core.rss_mb', await childRss(dir), 'MB');
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The core's memory as an operator's machine holds it: a fresh process (this same bench bundle
 * with --rss-child) opens the million-request database, then runs 400 journal searches,
 * 3 dashboards and 20 PDFs, and reports its resident set — not the bench process that generated
 * the rows.
 */
async function childRss(dataDir: string): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--rss-child', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`The RSS child exited with ${code}`);
  return (JSON.parse(output) as { rssMb: number }).rssMb;
}

export async function rssChild(dataDir: string): Promise<void> {
  const core = startCore({ appVersion: 'bench', dataDir, log: quiet, syncIntervalMs: 0 });
  const operator = signedIn(core, 'operator', '920701300012', 'rss-operator');
  const supervisor = signedIn(core, 'supervisor', '880315400010', 'rss-supervisor');
  const call = async (channel: string, input: unknown, window: string) => {
    const envelope = await core.dispatch(channel, input, window);
    if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}`);
  };
  for (let run = 0; run < 400; run++) {
    await call('journal.search', run % 2 ? { iin: iinOf((run * 1999) % 400_000) } : { name: SURNAMES[run % SURNAMES.length]!.slice(0, 4) }, operator);
  }
  for (let run = 0; run < 3; run++) await call('reports.dashboard', undefined, supervisor);
  const day = new Date().toISOString().slice(0, 10);
  for (let run = 0; run < 20; run++) await call('reports.periodFile', { from: day, to: day, format: 'pdf', language: run % 2 ? 'kk' : 'ru' }, supervisor);
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  core.close();
  process.stdout.write(JSON.stringify({ rssMb }));
}
