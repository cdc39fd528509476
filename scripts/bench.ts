import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../electron/core/app';
import { openDatabase } from '../electron/core/db/database';
import type { Logger } from '../electron/core/log';
import { signPayload } from '../electron/core/signing/sign';
import { canonicalBytes, parseCrl, verifyDetached } from '../shared/signing';
import { createDemoPki, DEMO_PASSWORD } from '../shared/signing/testPki';

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
    const envelope = await core.dispatch('system.health', undefined, null);
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

async function signing(): Promise<{ sign: number; verify: number }> {
  const demo = await createDemoPki({ now: new Date(), only: ['operator'] });
  const operator = demo.keys.operator;
  const request = benchRequest(operator.person.iin);
  const roots = [demo.root.certificate];
  const crls = [parseCrl(demo.crl)];
  const signs: number[] = [];
  const verifies: number[] = [];
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    // What the operator waits for: open the .p12 with the password, check the certificate, sign.
    const signed = signPayload({ keyFile: operator.p12, password: DEMO_PASSWORD, payload: request, expectedIin: operator.person.iin, now: new Date() });
    signs.push(performance.now() - started);
    started = performance.now();
    // What the gateway does per message: canonical bytes, hash, signature, chain, validity, CRL, IIN.
    verifyDetached({ cms: signed.cms, content: canonicalBytes(request), trustedRoots: roots, crls, expectedIin: operator.person.iin, now: new Date() });
    verifies.push(performance.now() - started);
  }
  return { sign: median(signs), verify: median(verifies) };
}

async function main(): Promise<void> {
  const starts: number[] = [];
  for (let run = 0; run < 7; run++) starts.push(await coldStart());
  report('core.cold_start_ms', median(starts), 'ms');
  report('db.insert_rows_per_s', median([insertRate(100_000), insertRate(100_000), insertRate(100_000)]), 'rows/s');
  const signed = await signing();
  report('signing.sign_ms', signed.sign, 'ms');
  report('signing.verify_ms', signed.verify, 'ms');
}

void main();
