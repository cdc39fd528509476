import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writevSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { createDemoPki } from '../../shared/signing/testPki';
import { startCore } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/database';
import { receiptData } from '../../electron/core/print/handlers';
import { renderReceipt } from '../../electron/core/print/receipt';
import { pdfDocument } from '../../electron/core/pdf/document';
import { openResources } from '../../electron/core/resources';
import { median, quiet, report } from './report';
import { counterIntake, counterOperator, scanPage } from './pages';
import { inspectFile } from '../../electron/core/documents/files';
import { sealParts } from '../../electron/core/vault/seal';

// Intake at the counter: a request with 5 scanned pages (5 MB) uploaded, prepared, signed and
// committed with its outbox message, beside the floor of the same work done raw; the receipt PDF
// beside a bare pdfkit page with the same fonts and words.

const PAGES = 5;
/** Untimed runs before the timed ones, on both sides of a ratio. */
const WARM = 5;


/** The strings a render passes to pdfkit's text(), in order. */
async function printedStrings(render: () => Promise<unknown>): Promise<string[]> {
  const strings: string[] = [];
  const text = PDFDocument.prototype.text;
  PDFDocument.prototype.text = function (this: PDFKit.PDFDocument, value: unknown, ...rest: unknown[]) {
    if (typeof value === 'string' || typeof value === 'number') strings.push(String(value));
    return (text as (...args: unknown[]) => PDFKit.PDFDocument).call(this, value, ...rest);
  } as typeof text;
  try {
    await render();
  } finally {
    PDFDocument.prototype.text = text;
  }
  if (strings.length === 0) throw new Error('the receipt printed no text through pdfkit');
  return strings;
}

export async function intakeBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-bench-intake-'));
  const pki = await createDemoPki({ now: new Date(), only: ['operator'] });
  const core = startCore({ appVersion: 'bench', dataDir, log: quiet, syncIntervalMs: 0 });
  const db = core.context.db!;
  const operator = counterOperator(core, pki);
  const commits: number[] = [];
  const floors: number[] = [];
  const checkedFloors: number[] = [];
  const renders: number[] = [];
  let lastRequest = '';

  // The floor: the same necessary work without our overhead — the SHA-256 of the same bytes, each
  // page written to its own file and fsynced (5 files), as many fsync'd SQLite commits as the
  // design makes (one per upload, prepare, submit: 7, in a database on the same disk, WAL and
  // synchronous=FULL like ours) and one native RSA-2048 signature with a loaded key.
  const COMMITS = PAGES + 2;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const floorDb = openDatabase(path.join(dataDir, 'floor.sqlite'));
  floorDb.exec('CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, value TEXT) STRICT');
  const insertFloor = floorDb.prepare('INSERT INTO floor (value) VALUES (?)');
  // intake.floor_checked_ms: the same floor with the two checks it leaves out and the design may
  // not: each page decoded and checked as an image (inspectFile, zlib and CRCs) and sealed at rest
  // (sealParts, AES-256-GCM) before it is written — what the rest of the intake is measured against.
  const atRest = randomBytes(32);
  const intakeFloor = (run: number, pages: Buffer[], checked = false) => {
    const hash = createHash('sha256');
    pages.forEach((bytes, index) => {
      hash.update(bytes);
      if (checked) inspectFile(bytes);
      const fd = openSync(path.join(dataDir, `floor-${run}-${index}${checked ? '-checked' : ''}.bin`), 'w');
      writevSync(fd, checked ? sealParts(atRest, bytes) : [bytes]);
      fsyncSync(fd);
      closeSync(fd);
    });
    const digest = hash.digest('hex');
    createSign('RSA-SHA256').update(digest).sign(privateKey);
    for (let commit = 0; commit < COMMITS; commit++) floorDb.transaction(() => insertFloor.run(digest))();
  };

  // Intake and both floors in turns, each with new pages (new files), so the disk's busy moments
  // fall on all three; two untimed runs of each first (the first intake of a process compiles the path).
  for (let run = 0; run < 2 + 15; run++) {
    const { requestId, ms } = await counterIntake(operator, pki, Array.from({ length: PAGES }, scanPage));
    if (run >= 2) commits.push(ms);
    lastRequest = requestId;
    const floorPages = Array.from({ length: PAGES }, scanPage);
    let started = performance.now();
    intakeFloor(run, floorPages);
    if (run >= 2) floors.push(performance.now() - started);
    const checkedPages = Array.from({ length: PAGES }, scanPage);
    started = performance.now();
    intakeFloor(run, checkedPages, true);
    if (run >= 2) checkedFloors.push(performance.now() - started);
  }
  report('intake.commit_ms', median(commits), 'ms');
  report('intake.floor_ms', median(floors), 'ms');
  report('intake.floor_checked_ms', median(checkedFloors), 'ms');
  floorDb.close();

  const data = await receiptData(db, lastRequest, dataDir);
  const fonts = openResources().fonts();
  // The floor: a bare pdfkit page in the same two fonts, parsed once per process and each
  // document with its own glyph cache (pdf/document.ts: without it the text layer loses letters,
  // so a floor without it would make a broken PDF), typesetting every string the receipt prints —
  // captured from one render of it — as plain lines: the words without our layout, boxes and QR.
  const values = await printedStrings(() => renderReceipt(data, 'kk', fonts));
  const floor = () =>
    new Promise<void>((resolve) => {
      const doc = pdfDocument(fonts, { size: 'A4' });
      doc.on('data', () => {});
      doc.on('end', resolve);
      for (const value of values) doc.text(value);
      doc.end();
    });
  // Receipt and floor in turns, each warm: the first PDFs of a process compile pdfkit's and
  // fontkit's code (a counter prints many a day); the runs past WARM are timed.
  const bare: number[] = [];
  for (let run = 0; run < WARM + 15; run++) {
    let started = performance.now();
    await renderReceipt(data, 'kk', fonts);
    if (run >= WARM) renders.push(performance.now() - started);
    started = performance.now();
    await floor();
    if (run >= WARM) bare.push(performance.now() - started);
  }
  report('receipt.render_ms', median(renders), 'ms');
  report('receipt.floor_ms', median(bare), 'ms');
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
}
