import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDemoPki } from '../../shared/signing/testPki';
import { DATABASE_FILE, startCore } from '../../electron/core/app';
import { backupSecret, createBackup } from '../../electron/core/backup/backup';
import { writeAttachment } from '../../electron/core/documents/store';
import { median, quiet, report } from './report';
import { counterIntake, counterOperator, scanPage } from './pages';

// Data care: a backup of a large encrypted workstation (requests and scans), beside the floor of
// copying the same files and fsyncing them; and the intake commit with encryption at rest on and
// off in the same run — the cost of encryption.
// BENCH_BACKUP_ROWS (default a million) and BENCH_BACKUP_MB (default 1024) size it for a quick run.

/**
 * Writes back what the set-up left dirty in the page cache, so the timed part does not pay for
 * flushing the data it was given (`sync`; where there is none, nothing).
 */
function settle(): void {
  if (process.platform !== 'win32') spawnSync('sync', { stdio: 'ignore' });
}

const ROWS = Math.max(10_000, Number(process.env.BENCH_BACKUP_ROWS ?? 1_000_000));
const SCAN_MB = Math.max(8, Number(process.env.BENCH_BACKUP_MB ?? 1024));
const MB = 1024 * 1024;

function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

/** The floor: the same bytes copied file by file, each fsynced, no crypto and no checks. */
function copyFloor(dataDir: string, target: string): number {
  const started = performance.now();
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dataDir, path.join(entry.parentPath, entry.name));
    if (!relative.startsWith('attachments') && relative !== DATABASE_FILE) continue;
    const to = path.join(target, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(dataDir, relative), to);
    const fd = openSync(to, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
  return (performance.now() - started) / 1000;
}

async function backupRate(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-backup-'));
  const usb = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-usb-'));
  const core = startCore({ appVersion: 'bench', dataDir, log: quiet, syncIntervalMs: 0, dataCareIntervalMs: 0 });
  try {
    const db = core.context.db!;
    const insert = db.prepare(
      `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, applicant_name, content)
       VALUES (?, ?, 'guardianship-certificate', 'issued', ?, 'con-bench', 'u', ?, ?, ?, ?)`,
    );
    const at = new Date().toISOString();
    for (let batch = 0; batch < ROWS; batch += 50_000) {
      db.transaction(() => {
        for (let index = batch; index < Math.min(ROWS, batch + 50_000); index++) {
          const iin = String(800101300000 + index * 7);
          insert.run(`r-${index}`, `CB-${index}`, iin, at, at, `Сарсенбаева Айгерим ${index}`, JSON.stringify({ applicant: { iin, fullName: `Сарсенбаева Айгерим ${index}` }, fields: { address: `Кокпекты, ул. Абая ${index % 300}` } }));
        }
      })();
    }
    // Scans of 1 MB: random bytes, as compressed images are.
    const scan = randomBytes(MB);
    for (let file = 0; file < SCAN_MB; file++) {
      scan.writeUInt32BE(file, 0);
      writeAttachment(dataDir, scan);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(path.join(dataDir, DATABASE_FILE)).size + treeBytes(path.join(dataDir, 'attachments'));
    // Derived once when the schedule is set, not on each backup.
    const secret = backupSecret('bench backup password');
    settle();
    const started = performance.now();
    const result = createBackup({ db, dataDir, keys: core.context.keys, folder: usb, secret, appVersion: 'bench', now: new Date() });
    const seconds = (performance.now() - started) / 1000;
    report('backup.mb_per_s', bytes / MB / seconds, 'MB/s');
    rmSync(result.path, { recursive: true, force: true });
    settle();
    const floorSeconds = copyFloor(dataDir, path.join(usb, 'floor'));
    report('backup.floor_mb_per_s', bytes / MB / floorSeconds, 'MB/s');
    report('backup.size_mb', bytes / MB, 'MB');
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(usb, { recursive: true, force: true });
  }
}

const PAGES = 5;

/** One workstation's intake commit (5 scanned pages uploaded, prepared, signed, queued). */
async function intakeStation(encrypted: boolean, pki: Awaited<ReturnType<typeof createDemoPki>>) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `arm-bench-atrest-${encrypted ? 'on' : 'off'}-`));
  const core = startCore({ appVersion: 'bench', dataDir, log: quiet, syncIntervalMs: 0, dataCareIntervalMs: 0, ...(encrypted ? {} : { keyProtector: null }) });
  const client = counterOperator(core, pki);
  let pages = Array.from({ length: PAGES }, scanPage);
  const commit = async (): Promise<number> => {
    const { ms } = await counterIntake(client, pki, pages);
    pages = Array.from({ length: PAGES }, scanPage);
    return ms;
  };
  return {
    commit,
    close: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function encryptionCost(): Promise<void> {
  const pki = await createDemoPki({ now: new Date(), only: ['operator'] });
  const on = await intakeStation(true, pki);
  const off = await intakeStation(false, pki);
  const encrypted: number[] = [];
  const plain: number[] = [];
  try {
    // Interleaved, so both see the same load on a shared machine.
    for (let run = 0; run < 9; run++) {
      encrypted.push(await on.commit());
      plain.push(await off.commit());
    }
  } finally {
    on.close();
    off.close();
  }
  report('atrest.intake_commit_encrypted_ms', median(encrypted), 'ms');
  report('atrest.intake_commit_plain_ms', median(plain), 'ms');
  report('atrest.encryption_cost_ratio', median(encrypted) / median(plain), 'x');
}

export async function backupBench(): Promise<void> {
  await encryptionCost();
  await backupRate();
}
