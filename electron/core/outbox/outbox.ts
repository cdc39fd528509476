import { ArmError, type ErrorCode, type OutboxStatus } from '../../../shared/api';
import { groupCommit } from '../../../shared/db/groupCommit';
import { MAX_BATCH_MESSAGES, messageSchema, type BatchResult, type GatewayMessage, type Receipt } from '../../../shared/gateway/api';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import type { GatewayClient } from '../gateway/client';
import type { Logger } from '../log';
import { addRecall } from '../recall/recalls';
import { findRequest, moveRequest } from '../requests/repository';
import { readTrust } from '../signing/trust';
import { verifyTimeStamp } from '../../../shared/gateway/timestamp';
import type { CryptoProvider } from '../../../shared/crypto';

export { enqueue } from './queue';

export function outboxStatus(db: Db, lastSyncAt: string | null): OutboxStatus {
  // Handed over in a transfer file (transfer/transfer.ts): the connected АРМ sends it, not this one.
  const counts = db.prepare("SELECT state, count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state != 'delivered' AND exported_at IS NULL GROUP BY state").all() as Array<{
    state: string;
    n: number;
    oldest: string;
  }>;
  const pending = counts.find((row) => row.state === 'pending');
  const lastError = db.prepare("SELECT last_error FROM outbox WHERE state != 'delivered' AND exported_at IS NULL AND last_error IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1").get() as
    | { last_error: ErrorCode }
    | undefined;
  return {
    pending: pending?.n ?? 0,
    rejected: counts.find((row) => row.state === 'rejected')?.n ?? 0,
    oldestPendingAt: pending?.oldest ?? null,
    lastError: lastError?.last_error ?? null,
    lastSyncAt,
  };
}

/** Gives the bytes of a stored attachment by its hash, or null when the file is gone. */
export type AttachmentReader = (sha256: string) => Uint8Array | null;

export interface SyncOptions {
  db: Db;
  client: GatewayClient;
  readAttachment: AttachmentReader;
  now: () => Date;
  log: Logger;
  /** ctx.crypto: checks the gateway's ECDSA time-stamp on each receipt. */
  crypto: CryptoProvider;
}

export interface SyncResult {
  delivered: number;
  retrying: number;
  rejected: number;
}

// 5 s, 10 s, 20 s … capped at 10 minutes: a mobile centre offline for days retries calmly.
function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

interface OutboxRow {
  id: string;
  request_id: string | null;
  message: string;
  attempts: number;
}

/**
 * Batch calls in flight at once: batches are packed and their receipts committed here while the
 * gateway checks and commits others. Smaller batches, more of them at once, keep both sides busy:
 * in 9 alternating pairs the drain of 1,000 scans of 100 KB ran 8–29% faster with 8 calls of
 * 2 MiB than with 4 of 8 MiB (4 of 2 and 4 MiB, 8 of 1 and 4 MiB, 16 of 1 and 2 MiB fell between),
 * holding at most 8 × 2 MiB of scans.
 */
export const CALLS_IN_FLIGHT = 8;
/** Scan bytes one batch carries inline; a scan past what is left goes ahead by PUT /attachments. */
export const BATCH_SCAN_BYTES = 2 * 1024 * 1024;

type Outcome = 'delivered' | 'retrying' | 'rejected';

/** A lane's next message, parsed, in the batch being packed. */
interface Packed {
  lane: OutboxRow[];
  row: OutboxRow;
  message: GatewayMessage;
}

/**
 * Delivers due messages oldest first, each request's in order, in batch calls (POST
 * /messages/batch) of at most one message per request, CALLS_IN_FLIGHT calls at once. A message that cannot
 * go now waits for its next attempt without holding up the others; one the gateway refuses is set
 * aside as "rejected" for a person to look at. Running it twice at once is harmless: it is single-flight.
 */
/**
 * "Sync now" means now: messages waiting out their retry delay after a failure go in this run
 * instead of at their next attempt time (their attempt count and backoff stay as they are).
 */
export function sendWaitingNow(db: Db, now: Date): number {
  return db
    .prepare("UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND exported_at IS NULL AND next_attempt_at > ?")
    .run(now.toISOString(), now.toISOString()).changes;
}

export function createSync(options: SyncOptions) {
  const { db, client, readAttachment, now, log, crypto } = options;
  let running: Promise<SyncResult> | null = null;
  let lastSyncAt: string | null = null;

  /** What did not go: GATEWAY_UNAVAILABLE waits for its next attempt; any other code sets the message aside. */
  function failed(row: OutboxRow, message: GatewayMessage, error: unknown): Outcome {
    const code = error instanceof ArmError ? error.code : 'INTERNAL';
    const at = now();
    if (code === 'GATEWAY_UNAVAILABLE') {
      db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?').run(
        new Date(at.getTime() + backoffMs(row.attempts + 1)).toISOString(),
        code,
        row.id,
      );
      return 'retrying';
    }
    db.transaction(() => {
      db.prepare("UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ? WHERE id = ?").run(code, row.id);
      appendAudit(db, { userId: null, action: 'outbox.rejected', objectType: 'message', objectId: row.id, details: { code, requestId: row.request_id } }, at);
      // A request the gateway refused: the applicant is called back (the recall list).
      if (row.request_id && message.kind === 'request') addRecall(db, findRequest(db, row.request_id), 'gatewayRefused', at, { code });
    })();
    log.warn('outbox.rejected', { message: row.id, code });
    return 'rejected';
  }

  /** One batch call; its scans inline, or uploaded first when they did not fit. An outcome per message, in order. */
  async function deliver(batch: Packed[], inline: Map<string, Uint8Array>, uploads: Map<string, Uint8Array>): Promise<Outcome[]> {
    let results: BatchResult[];
    try {
      for (const [sha256, body] of uploads) await client.putAttachment({ sha256, body });
      const head = { messages: batch.map((entry) => entry.message), attachments: [...inline.keys()].map((sha256) => ({ sha256 })) };
      ({ results } = await client.sendBatch({ body: { head, parts: [...inline.values()] } }));
      if (results.length !== batch.length) throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway answered ${results.length} of ${batch.length} messages.`);
    } catch (error) {
      // The call as a whole did not go: each message as if it had been sent alone.
      return batch.map((entry) => failed(entry.row, entry.message, error));
    }
    const { timeStampKeys } = readTrust(db);
    return Promise.all(
      batch.map(async ({ row, message }, index): Promise<Outcome> => {
        const result = results[index]!;
        try {
          if ('error' in result) throw new ArmError(result.error.code, result.error.message, result.error.issues);
          if (result.receipt.messageId !== message.id) throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway answered for another message.');
          // The receipt is kept only with its gateway's time-stamp checked (TIMESTAMP_UNTRUSTED: another
          // gateway stamped it; TIMESTAMP_INVALID: the stamp does not cover it), once this workstation
          // knows its gateway's stamping keys (signing/trust.ts).
          if (timeStampKeys.length > 0) verifyTimeStamp(result.receipt, timeStampKeys, crypto);
        } catch (error) {
          return failed(row, message, error);
        }
        await recordDelivery({ row, receipt: result.receipt, at: now() });
        return 'delivered';
      }),
    );
  }

  // A receipt is recorded in a transaction shared with the receipts that came back in the same
  // turn (the lanes hear back together): one fsync a commit per receipt held the drain to one
  // message per fsync. A crash before the commit resends the message, and the gateway answers a
  // resent id with its first receipt.
  const recordDelivery = groupCommit(db, ({ row, receipt, at }: { row: OutboxRow; receipt: Receipt; at: Date }) => {
    db.prepare("UPDATE outbox SET state = 'delivered', attempts = attempts + 1, receipt = ?, delivered_at = ?, last_error = NULL WHERE id = ?").run(
      JSON.stringify(receipt),
      at.toISOString(),
      row.id,
    );
    appendAudit(db, { userId: null, action: 'outbox.delivered', objectType: 'message', objectId: row.id, details: { receiptNumber: receipt.receiptNumber } }, at);
    // The gateway's verdict on persons typed by hand offline: kept on the request, a mismatch audited.
    if (row.request_id && receipt.recheck.length > 0) {
      db.prepare('UPDATE requests SET recheck = ? WHERE id = ?').run(JSON.stringify(receipt.recheck), row.request_id);
      const differing = receipt.recheck.filter((verdict) => verdict.result !== 'match');
      if (differing.length > 0) {
        appendAudit(db, { userId: null, action: 'request.recheck', objectType: 'request', objectId: row.request_id, details: { verdicts: differing.map(({ result, mismatches }) => ({ result, mismatches })) } }, at);
      }
    }
    if (row.request_id && findRequest(db, row.request_id).state === 'queued') moveRequest(db, row.request_id, 'sent', { userId: null, actor: 'system' }, at);
  }, setImmediate);

  async function runOnce(): Promise<SyncResult> {
    const result: SyncResult = { delivered: 0, retrying: 0, rejected: 0 };
    // In the order they were queued (rowid), not by id: a request's status notices of one moment
    // must reach the centre in the order the request moved.
    const due = db
      .prepare("SELECT id, request_id, message, attempts FROM outbox WHERE state = 'pending' AND exported_at IS NULL AND next_attempt_at <= ? ORDER BY created_at, rowid")
      .all(now().toISOString()) as OutboxRow[];
    // Lanes: one request's messages in order, one after another; different requests side by side.
    const lanes = new Map<string, OutboxRow[]>();
    for (const row of due) {
      const key = row.request_id ?? row.id;
      const lane = lanes.get(key);
      if (lane) lane.push(row);
      else lanes.set(key, [row]);
    }
    const queue = [...lanes.values()];
    // A batch holds the next message of up to MAX_BATCH_MESSAGES lanes: a lane's later message
    // waits for its earlier one's receipt, so it never overtakes one that did not go.
    const worker = async () => {
      for (;;) {
        const batch: Packed[] = [];
        const inline = new Map<string, Uint8Array>();
        const uploads = new Map<string, Uint8Array>();
        let inlineBytes = 0;
        while (batch.length < MAX_BATCH_MESSAGES && queue.length > 0) {
          const lane = queue[0]!;
          const row = lane[0]!;
          const message = messageSchema.parse(JSON.parse(row.message));
          const scans = message.attachments.map((sha256) => [sha256, inline.get(sha256) ?? uploads.get(sha256) ?? readAttachment(sha256)] as const);
          const missing = scans.find(([, bytes]) => !bytes);
          if (missing) {
            queue.shift();
            result[failed(row, message, new ArmError('ATTACHMENT_NOT_FOUND', `The scan ${missing[0]} is missing from this workstation.`))]++;
            continue;
          }
          const adding = scans.reduce((sum, [sha256, bytes]) => sum + (inline.has(sha256) ? 0 : bytes!.length), 0);
          // A full batch goes; this message starts the next one.
          if (batch.length > 0 && inlineBytes + adding > BATCH_SCAN_BYTES) break;
          queue.shift();
          for (const [sha256, bytes] of scans) {
            if (inline.has(sha256) || uploads.has(sha256)) continue;
            if (inlineBytes + bytes!.length <= BATCH_SCAN_BYTES) {
              inline.set(sha256, bytes!);
              inlineBytes += bytes!.length;
            } else uploads.set(sha256, bytes!);
          }
          batch.push({ lane, row, message });
        }
        if (batch.length === 0) return;
        const outcomes = await deliver(batch, inline, uploads);
        batch.forEach(({ lane }, index) => {
          const outcome = outcomes[index]!;
          result[outcome]++;
          // A lane goes on only after its message went.
          if (outcome !== 'delivered') return;
          lane.shift();
          if (lane.length > 0) queue.push(lane);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CALLS_IN_FLIGHT, queue.length) }, worker));
    lastSyncAt = now().toISOString();
    return result;
  }

  return {
    /** One pass over the due messages; a second call while one runs joins it. */
    run(): Promise<SyncResult> {
      running ??= runOnce().finally(() => {
        running = null;
      });
      return running;
    },
    status: () => outboxStatus(db, lastSyncAt),
  };
}

export type Sync = ReturnType<typeof createSync>;
