import { createHash, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/database';
import { BATCH_SCAN_BYTES, CALLS_IN_FLIGHT } from '../../electron/core/outbox/outbox';
import { seal, unseal } from '../../electron/core/vault/seal';
import { openGatewayDb } from '../../gateway/db/database';
import { decodeFrames, encodeFrames } from '../../shared/gateway/framed';
import { report } from './report';
import { startServer } from './server';

/**
 * sync.drain_floor_per_s: the drain's necessary work done raw, in the same shape as
 * sync.drain_per_s (1,000 messages, each with its own 100 KB scan sealed at rest; the outbox's own
 * batch size and calls in flight, a server in its own process on loopback), so the drain can be
 * read against what its work costs and not only against an empty round trip (gateway.noop_per_s).
 *
 * Kept: reading and unsealing each scan (AES-256-GCM) and checking its SHA-256; one machine
 * signature (ECDSA P-256 over the body's SHA-256) per call, made and checked; each scan hashed
 * against its name at the server; each message's own RSA-2048 signature checked natively; the
 * messages and scans stored in one fsync'd transaction per call (WAL, synchronous=FULL, as the
 * emulator) before the answer; each call's deliveries recorded at the sender in one fsync'd commit.
 * Left out: what the design adds to that work, some of it asked for by other issues — CMS with
 * the chain and its CRL, each message's envelope countersigned and checked, schemas, canonical
 * JSON, the receipts' time-stamps and their check, audit entries, request states.
 */

const QUEUED = 1000;
const ATTACHMENT_BYTES = 100 * 1024;

interface FloorMessage {
  id: string;
  sha256: string;
  payload: string;
  /** base64 RSA-SHA256 over the payload's UTF-8 bytes. */
  signature: string;
}

/** The floor's server: `bench.cjs --drain-floor-server <dir> <person key PEM> <machine key PEM>` prints its URL. */
export function drainFloorServer(dir: string, personPem: string, machinePem: string): void {
  const person = createPublicKey(personPem);
  const machine = createPublicKey(machinePem);
  const db = openGatewayDb(path.join(dir, 'floor-gateway.sqlite'), []);
  db.exec('CREATE TABLE messages (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL); CREATE TABLE scans (sha256 TEXT PRIMARY KEY, content BLOB NOT NULL)');
  const insertMessage = db.prepare('INSERT INTO messages (id, body) VALUES (?, ?)');
  const insertScan = db.prepare('INSERT OR IGNORE INTO scans (sha256, content) VALUES (?, ?)');
  const store = db.transaction((messages: FloorMessage[], scans: Array<[string, Buffer]>) => {
    for (const [sha256, content] of scans) insertScan.run(sha256, content);
    return messages.map((message) => Number(insertMessage.run(message.id, JSON.stringify(message)).lastInsertRowid));
  });
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const digest = createHash('sha256').update(body).digest();
      if (!verify('sha256', digest, machine, Buffer.from(String(request.headers['x-signature']), 'base64'))) {
        response.writeHead(401).end();
        return;
      }
      const [head, ...parts] = decodeFrames(body)!;
      const { messages } = JSON.parse(head!.toString('utf8')) as { messages: FloorMessage[] };
      const scans = messages.map((message, index): [string, Buffer] => {
        if (createHash('sha256').update(parts[index]!).digest('hex') !== message.sha256) throw new Error('a scan does not hash to its name');
        return [message.sha256, parts[index]!];
      });
      for (const message of messages) {
        if (!verify('sha256', Buffer.from(message.payload), person, Buffer.from(message.signature, 'base64'))) throw new Error('a signature does not verify');
      }
      const seqs = store(messages, scans);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(messages.map((message, index) => ({ id: message.id, seq: seqs[index] }))));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`Floor ready: http://127.0.0.1:${address.port}`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

export async function syncDrainFloor(work: string, bundle: string): Promise<void> {
  mkdirSync(path.join(work, 'scans'), { recursive: true });
  const personKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const machineKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }) as string;
  const server = await startServer([bundle, '--drain-floor-server', work, pem(personKey.publicKey), pem(machineKey.publicKey)], 'Floor ready');
  const db = openDatabase(path.join(work, 'floor-arm.sqlite'));
  try {
    db.exec("CREATE TABLE floor_outbox (id TEXT PRIMARY KEY, message TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending') STRICT");
    // Untimed, as the drain's queue is made before its clock starts: sealed scans on disk and signed messages queued.
    const atRest = randomBytes(32);
    const fileOf = (sha256: string) => path.join(work, 'scans', sha256);
    const queue = db.prepare('INSERT INTO floor_outbox (id, message) VALUES (?, ?)');
    db.transaction(() => {
      for (let index = 0; index < QUEUED; index++) {
        const scan = randomBytes(ATTACHMENT_BYTES);
        const sha256 = createHash('sha256').update(scan).digest('hex');
        const fd = openSync(fileOf(sha256), 'w');
        writeSync(fd, seal(atRest, scan));
        fsyncSync(fd);
        closeSync(fd);
        const payload = JSON.stringify({ number: `floor-${index}`, sha256 });
        const message: FloorMessage = { id: randomUUID(), sha256, payload, signature: sign('sha256', Buffer.from(payload), personKey.privateKey).toString('base64') };
        queue.run(message.id, JSON.stringify(message));
      }
    })();
    const delivered = db.prepare("UPDATE floor_outbox SET state = 'delivered' WHERE id = ?");
    const record = db.transaction((ids: string[]) => ids.forEach((id) => delivered.run(id)));

    const started = performance.now();
    const rows = db.prepare("SELECT message FROM floor_outbox WHERE state = 'pending' ORDER BY rowid").pluck().all() as string[];
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < rows.length) {
        const messages: FloorMessage[] = [];
        const parts: Uint8Array[] = [];
        let bytes = 0;
        while (next < rows.length && bytes + ATTACHMENT_BYTES <= BATCH_SCAN_BYTES) {
          const message = JSON.parse(rows[next++]!) as FloorMessage;
          const scan = unseal(atRest, readFileSync(fileOf(message.sha256)))!;
          if (createHash('sha256').update(scan).digest('hex') !== message.sha256) throw new Error('a scan does not match its name');
          messages.push(message);
          parts.push(scan);
          bytes += scan.length;
        }
        const body = encodeFrames([Buffer.from(JSON.stringify({ messages })), ...parts]);
        const signature = sign('sha256', createHash('sha256').update(body).digest(), machineKey.privateKey).toString('base64');
        const response = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Signature': signature }, body });
        if (!response.ok) throw new Error(`the floor server answered ${response.status}`);
        const receipts = (await response.json()) as Array<{ id: string; seq: number }>;
        record(receipts.map((receipt) => receipt.id));
        done += receipts.length;
      }
    };
    await Promise.all(Array.from({ length: CALLS_IN_FLIGHT }, worker));
    const seconds = (performance.now() - started) / 1000;
    if (done !== QUEUED) throw new Error(`the floor delivered ${done} of ${QUEUED}`);
    report('sync.drain_floor_per_s', QUEUED / seconds, 'requests/s');
  } finally {
    db.close();
    await server.stop();
  }
}
