import { spawnSync } from 'node:child_process';
import { createPrivateKey, randomUUID, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../electron/core/app';
import { openDatabase } from '../electron/core/db/database';
import { requestMessageTo } from '../electron/core/testing/outbox';
import { journalBench, rssChild } from './bench/journal';
import { intakeBench } from './bench/intake';
import { median, quiet, report } from './bench/report';
import { resultsBench } from './bench/results';
import { demoIins } from '../gateway/seed/demo';
import { newMachineKey, signedFetch } from '../gateway/testing';
import { countersign } from '../shared/gateway/machine';
import { kzCalendar, type Term } from '../shared/calendar/calendar';
import { createCatalog } from '../shared/catalog/catalog';
import { appendAudit, verifyAudit } from '../electron/core/audit/log';
import { hashPassword, verifyPassword } from '../electron/core/auth/passwords';
import { signPayload } from '../electron/core/signing/sign';
import { openKey } from '../electron/core/signing/keys';
import { CORE_V8_FLAGS } from '../electron/core/memory';
import { canonicalBytes, parseCrl, verifyDetached } from '../shared/signing';
import { createDemoPki, DEMO_PASSWORD } from '../shared/signing/testPki';
import { syncDrain } from './bench/sync';
import { startServer, type BenchServer } from './bench/server';
import { drainFloorServer, syncDrainFloor } from './bench/syncFloor';
import { trustBench } from './bench/trust';
import { gostBench } from './bench/gost';
import { backupBench } from './bench/backup';
import { nodeCrypto } from '../electron/core/crypto/node';

// `npm run bench`: one JSON object a line, {"name","value","unit"}. Targets live here, not in tests.
// A new capability puts its measurements in scripts/bench/<capability>.ts and one call in main().
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

/** Runs `total` calls, `concurrency` at a time; returns each call's duration in ms. */
async function load(total: number, concurrency: number, call: (index: number) => Promise<void>): Promise<{ seconds: number; durations: number[] }> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const begun = performance.now();
        await call(index);
        durations.push(performance.now() - begun);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, durations };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

/** Starts build/node/gateway.cjs (built beside this bundle) and waits for its ready line. */
function spawnGateway(dataDir: string, extraArgs: string[] = []): Promise<BenchServer> {
  return startServer([path.join(__dirname, 'gateway.cjs'), '--port', '0', '--data-dir', dataDir, ...extraArgs], 'Gateway ready');
}

/**
 * The emulator in its own process on loopback: 2000 calls each, 8 in flight, after a warm-up.
 * Messages are fsynced one by one (synchronous=FULL: a receipt means the message is on disk).
 */
async function gatewayRates(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-gateway-'));
  const secretFile = path.join(dir, 'admin.secret');
  const gateway = await spawnGateway(dir, ['--admin-secret-file', secretFile]);
  // The calls come from an enrolled machine, signed as the АРМ signs them (/health answers anyone).
  const machine = newMachineKey();
  const enrolled = await fetch(`${gateway.url}/_control/machines`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${readFileSync(secretFile, 'utf8')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ publicKey: machine.publicKey, organisations: ['con-kokpekty'] }),
  });
  if (!enrolled.ok) throw new Error(`enrollment refused: ${enrolled.status}`);
  const signed = (pathname: string, init: RequestInit = {}) => signedFetch(gateway.url, machine.signer, pathname, init);
  const expect = async (response: Promise<Response>, status: number) => {
    const answer = await response;
    await answer.arrayBuffer();
    if (answer.status !== status) throw new Error(`gateway answered ${answer.status}, expected ${status}`);
  };
  try {
    const health = () => expect(fetch(`${gateway.url}/health`), 200);
    const lookup = () => expect(signed(`/persons/${demoIins.mother}`), 200);
    await load(1000, 8, health); // warm-up: connections and JIT on both sides
    await load(500, 8, lookup);
    const noop = await load(2000, 8, health);
    report('gateway.noop_per_s', noop.durations.length / noop.seconds, 'requests/s');
    const lookups = await load(2000, 8, lookup);
    report('gateway.lookup_p95_ms', percentile(lookups.durations, 0.95), 'ms');
    const body = (id: string) => JSON.stringify(countersign(machine.signer, requestMessageTo(new Date(), { id, payload: { applicantIin: demoIins.mother, childIin: demoIins.preschoolChild, note: 'bench' } })));
    const messages = await load(2000, 8, () => expect(signed('/messages', { method: 'POST', body: body(randomUUID()) }), 201));
    report('gateway.messages_per_s', messages.durations.length / messages.seconds, 'messages/s');
  } finally {
    await gateway.stop();
  }
  try {
    // Beside gateway.noop_per_s: the same emulator build, now with signatures checked.
    await syncDrain(path.join(dir, 'drain'), spawnGateway);
    await syncDrainFloor(path.join(dir, 'drain-floor'), __filename);
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

/** A filled request as the operator signs it: applicant, representative with a power of attorney, five scans. */
function benchRequest(iin: string) {
  return {
    serviceId: 'education-004',
    applicant: { iin: '920314410210', surname: 'Әбенова', name: 'Айым', patronymic: 'Серікқызы', address: 'Кокпекты, ул. Абая 12' },
    representative: { iin: '881102320451', surname: 'Жақсылықов', name: 'Ерлан' },
    powerOfAttorney: { number: '2611-004512', date: '2026-11-01', notary: 'Нотариус Кокпектинского района', validUntil: '2027-11-01' },
    checklist: { identity: true, application: true, birthCertificate: true, marriageCertificate: false, powerOfAttorney: true },
    attachments: Array.from({ length: 5 }, (_, i) => ({ name: `скан-${i + 1}.pdf`, sha256: String(i).repeat(64), size: 350_000 + i })),
    operator: iin,
    centre: 'ЦОН Кокпектинского района',
    time: new Date().toISOString(),
  };
}

async function signing(): Promise<{ sign: number; verify: number; nativeFloor: number }> {
  const demo = await createDemoPki({ now: new Date(), only: ['operator'] });
  const operator = demo.keys.operator;
  const request = benchRequest(operator.person.iin);
  const roots = [demo.root.certificate];
  const crls = [parseCrl(demo.crl)];
  const signs: number[] = [];
  const verifies: number[] = [];
  const floors: number[] = [];
  // The floor: node:crypto signing the same canonical bytes with a key already loaded (no file to
  // open, no certificate to check, no CMS to build).
  const loaded = createPrivateKey({ key: Buffer.from(openKey(operator.p12, DEMO_PASSWORD).privateKey), format: 'der', type: 'pkcs8' });
  const content = canonicalBytes(request);
  const crypto = nodeCrypto();
  // Both sides warm, as in a session where the operator has signed before (the first signature of a
  // process compiles forge, OpenSSL's providers and ours: 60-70 ms once); runs past WARM are timed.
  // Signature, verification and floor in turns, so a busy moment of the machine falls on all three.
  const WARM = 5;
  for (let run = 0; run < WARM + 40; run++) {
    let started = performance.now();
    // What the operator waits for: open the .p12 with the password, check the certificate, sign.
    const signed = signPayload({ crypto, keyFile: operator.p12, password: DEMO_PASSWORD, payload: request, expectedIin: operator.person.iin, now: new Date() });
    if (run >= WARM) signs.push(performance.now() - started);
    started = performance.now();
    // What the gateway does per message, with the same native provider: canonical bytes, hash,
    // signature, chain, validity, CRL, IIN.
    verifyDetached({ cms: signed.cms, content: canonicalBytes(request), trustedRoots: roots, crls, expectedIin: operator.person.iin, now: new Date(), crypto });
    if (run >= WARM) verifies.push(performance.now() - started);
    started = performance.now();
    nodeSign('sha256', content, loaded);
    if (run >= WARM) floors.push(performance.now() - started);
  }
  return { sign: median(signs), verify: median(verifies), nativeFloor: median(floors) };
}

async function core(): Promise<void> {
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

async function signingLines(): Promise<void> {
  const signed = await signing();
  report('signing.sign_ms', signed.sign, 'ms');
  report('signing.native_floor_ms', signed.nativeFloor, 'ms');
  report('signing.verify_ms', signed.verify, 'ms');
  gostBench();
}

// The sections in order; BENCH_ONLY=journal,intake runs just those (a quick look at one part).
const sections: Record<string, () => Promise<void>> = {
  core,
  gateway: gatewayRates,
  signing: signingLines,
  trust: trustBench,
  journal: journalBench,
  intake: intakeBench,
  results: resultsBench,
  backup: backupBench,
};

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !(name in sections)) ?? [];
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names no section ${unknown.join(', ')}; sections: ${Object.keys(sections).join(', ')}`);
  for (const [name, run] of Object.entries(sections)) if (!only || only.includes(name)) await run();
}

const rssChildAt = process.argv.indexOf('--rss-child');
const floorServerAt = process.argv.indexOf('--drain-floor-server');
// The drain floor's server (bench/syncFloor.ts) is this bundle in a process of its own, as the emulator is, without the core's flags.
if (floorServerAt > 0) drainFloorServer(...(process.argv.slice(floorServerAt + 1, floorServerAt + 4) as [string, string, string]));
else if (CORE_V8_FLAGS.some((flag) => !process.execArgv.includes(flag))) {
  // Timings and memory on the configuration users get: the core's V8 flags (electron/core/memory.ts).
  const run = spawnSync(process.execPath, [...process.execArgv, ...CORE_V8_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} else if (rssChildAt > 0) void rssChild(process.argv[rssChildAt + 1]!);
else void main();
