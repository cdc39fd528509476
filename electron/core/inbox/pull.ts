import { ArmError, requestContentSchema, resultContentSchema, type ErrorCode, type RequestContent, type ResultContent } from '../../../shared/api';
import type { GatewayMessage, Receipt } from '../../../shared/gateway/api';
import { canonicalBytes, canonicalJson, fromBase64, verifyDetached, type VerifiedSignature } from '../../../shared/signing';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { readAttachment, writeAttachment } from '../documents/store';
import type { GatewayClient } from '../gateway/client';
import type { Logger } from '../log';
import { findRequest, insertReceived, moveRequest } from '../requests/repository';
import { readTrust, requireOrganisation, type Trust } from './settings';

export interface PullOptions {
  db: Db;
  client: GatewayClient;
  dataDir: string;
  now: () => Date;
  log: Logger;
}

export interface PullResult {
  /** New requests registered. */
  received: number;
  /** Messages that failed the checks on receipt: kept in inbox_refused, acknowledged. */
  refused: number;
  /** Redeliveries of messages applied before: acknowledged again, nothing changed. */
  duplicates: number;
  /** Left unacknowledged for the next pull (a scan could not be fetched now). */
  waiting: number;
  /** Results and refusals that reached this centre. */
  results: number;
}

type Applied = keyof PullResult;

const BATCH = 20;
/** Long enough to fetch the batch's scans and commit; a crash before the acknowledgement redelivers. */
const LEASE_SECONDS = 120;

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The operator's signature over the request as it was signed: RFC 8785 bytes of the payload the
 * gateway carried, the operator's IIN in the certificate (соответствие ИИН), chain and CRL
 * against this workstation's trusted roots. Without configured roots nothing verifies.
 */
function checkRequest(message: GatewayMessage, organisation: string, trust: Trust, now: Date): { content: RequestContent; verified: VerifiedSignature } {
  const parsed = requestContentSchema.safeParse(message.payload);
  if (!parsed.success) throw new Refusal('VALIDATION_FAILED', 'The payload is not a request content.');
  const content = parsed.data;
  // zod drops unknown keys; the signed bytes must be exactly the content this workstation keeps.
  if (canonicalJson(content) !== canonicalJson(message.payload)) throw new Refusal('VALIDATION_FAILED', 'The payload carries fields outside the request content.');
  if (content.provider !== organisation || message.to !== organisation) throw new Refusal('MESSAGE_UNEXPECTED', 'The request is addressed to another provider.');
  if (content.serviceId !== message.service) throw new Refusal('MESSAGE_UNEXPECTED', 'The message service differs from the request content.');
  const named = [...content.checklist.flatMap((item) => item.attachments), ...(content.powerOfAttorney?.kind === 'simple' ? [content.powerOfAttorney.attachment] : [])];
  if (named.some((sha256) => !message.attachments.includes(sha256))) throw new Refusal('ATTACHMENT_NOT_FOUND', 'A scan the request names is not attached.');
  const cms = message.signature ? fromBase64(message.signature.value) : null;
  if (!cms) throw new Refusal('SIGNATURE_INVALID', 'The request is not signed.');
  try {
    const verified = verifyDetached({ cms, content: canonicalBytes(message.payload), trustedRoots: trust.roots, crls: trust.crls, expectedIin: content.operator.iin, now });
    return { content, verified };
  } catch (error) {
    if (error instanceof ArmError) throw new Refusal(error.code, error.message);
    throw error;
  }
}

function known(db: Db, messageId: string): boolean {
  return Boolean(
    db
      .prepare('SELECT 1 FROM requests WHERE message_id = ? UNION ALL SELECT 1 FROM inbox_refused WHERE message_id = ? UNION ALL SELECT 1 FROM results WHERE message_id = ?')
      .get(messageId, messageId, messageId),
  );
}

/**
 * A result or refusal at the centre: the head's signature over the result (signer IIN = the
 * signer the result names), for a request this centre sent in the message the result names.
 */
function checkResult(db: Db, message: GatewayMessage, organisation: string, trust: Trust, now: Date): { content: ResultContent; requestId: string; verified: VerifiedSignature } {
  const parsed = resultContentSchema.safeParse(message.payload);
  if (!parsed.success || canonicalJson(parsed.data) !== canonicalJson(message.payload)) throw new Refusal('VALIDATION_FAILED', 'The payload is not a result content.');
  const content = parsed.data;
  if (content.centre !== organisation || message.to !== organisation || content.provider !== message.from) throw new Refusal('MESSAGE_UNEXPECTED', 'The result is addressed to another centre.');
  if ((content.kind === 'certificate') !== (message.kind === 'result')) throw new Refusal('MESSAGE_UNEXPECTED', 'The message kind differs from the result kind.');
  // The request is found by the id of the message it left in (the outbox keeps it), and its number must agree.
  const sent = db.prepare('SELECT request_id FROM outbox WHERE id = ?').get(content.request.messageId) as { request_id: string | null } | undefined;
  const requestId = sent?.request_id;
  if (!requestId || findRequest(db, requestId).number !== content.request.number) throw new Refusal('MESSAGE_UNEXPECTED', 'No request of this centre matches the result.');
  const cms = message.signature ? fromBase64(message.signature.value) : null;
  if (!cms || !content.signer) throw new Refusal('SIGNATURE_INVALID', 'The result is not signed.');
  try {
    const verified = verifyDetached({ cms, content: canonicalBytes(message.payload), trustedRoots: trust.roots, crls: trust.crls, expectedIin: content.signer.iin, now });
    return { content, requestId, verified };
  } catch (error) {
    if (error instanceof ArmError) throw new Refusal(error.code, error.message);
    throw error;
  }
}

function storeResult(db: Db, message: GatewayMessage, checked: ReturnType<typeof checkResult>, now: Date): void {
  const { content, requestId, verified } = checked;
  db.transaction(() => {
    const request = findRequest(db, requestId);
    if (request.state !== 'sent' && request.state !== 'registered' && request.state !== 'resultSigned') {
      throw new Refusal('STATE_CONFLICT', `The request is ${request.state}; a result cannot be applied.`);
    }
    db.prepare(
      'INSERT INTO results (request_id, outcome, number, content, content_sha256, signature, signer, message_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(requestId, content.kind, content.number, JSON.stringify(content), verified.contentSha256, message.signature!.value, JSON.stringify(verified.signer), message.id, now.toISOString());
    db.prepare('UPDATE requests SET outcome = ? WHERE id = ?').run(content.kind, requestId);
    moveRequest(db, requestId, 'resultAtCentre', { userId: null, actor: 'system' }, now, { comment: content.number });
  })();
}

function refuse(db: Db, message: GatewayMessage, refusal: Refusal, now: Date): void {
  db.transaction(() => {
    db.prepare('INSERT INTO inbox_refused (message_id, received_at, sender, kind, code, reason, message) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      message.id,
      now.toISOString(),
      message.from,
      message.kind,
      refusal.code,
      refusal.message,
      JSON.stringify(message),
    );
    appendAudit(db, { userId: null, action: 'inbox.refused', objectType: 'message', objectId: message.id, details: { from: message.from, code: refusal.code } }, now);
  })();
}

/** Every scan the message names, into the documents store; the client checks each hash. */
async function fetchScans(client: GatewayClient, dataDir: string, hashes: readonly string[]): Promise<void> {
  for (const sha256 of hashes) {
    if (readAttachment(dataDir, sha256)) continue;
    writeAttachment(dataDir, await client.getAttachment({ sha256 }));
  }
}

/**
 * Pulls this workstation's inbox: lease, check, store each message once by its id, fetch its
 * scans, then acknowledge after the local commit. A provider gets requests (registered on
 * arrival); a centre gets results and refusals (its request moves to resultAtCentre). A message that fails a check is never a
 * request: it is recorded in inbox_refused (and the audit log) with its code and acknowledged,
 * so the clerk sees it and the gateway stops redelivering it. A message whose scans cannot be
 * fetched now stays unacknowledged; its lease runs out and the next pull takes it again.
 */
export async function pullInbox({ db, client, dataDir, now, log }: PullOptions): Promise<PullResult> {
  const organisation = requireOrganisation(db);
  const trust = readTrust(db);
  const result: PullResult = { received: 0, refused: 0, duplicates: 0, waiting: 0, results: 0 };

  async function apply(message: GatewayMessage, receipt: Receipt, deliveryAttempt: number): Promise<Applied> {
    if (known(db, message.id)) return 'duplicates';
    try {
      if (message.kind === 'result' || message.kind === 'refusal') {
        storeResult(db, message, checkResult(db, message, organisation, trust, now()), now());
        return 'results';
      }
      if (message.kind !== 'request') throw new Refusal('MESSAGE_UNEXPECTED', `A ${message.kind} message in this inbox.`);
      const { content, verified } = checkRequest(message, organisation, trust, now());
      if (db.prepare('SELECT 1 FROM requests WHERE number = ?').get(content.number)) throw new Refusal('MESSAGE_ID_CONFLICT', 'A request with this number came in another message.');
      try {
        await fetchScans(client, dataDir, message.attachments);
      } catch (error) {
        log.warn('inbox.scan_waiting', { message: message.id, code: error instanceof ArmError ? error.code : 'INTERNAL' });
        return 'waiting';
      }
      insertReceived(
        db,
        {
          messageId: message.id,
          content,
          contentSha256: verified.contentSha256,
          signature: message.signature!.value,
          received: {
            receiptNumber: receipt.receiptNumber,
            receivedAt: receipt.receivedAt,
            gatewaySignature: receipt.signature,
            recheck: receipt.recheck,
            deliveryAttempt,
            signer: verified.signer,
            signingTime: verified.signingTime,
            crlIssuedAt: verified.crlIssuedAt,
          },
        },
        now(),
      );
      return 'received';
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refuse(db, message, error, now());
      log.warn('inbox.refused', { message: message.id, code: error.code });
      return 'refused';
    }
  }

  for (;;) {
    const { messages: leased } = await client.lease({ org: organisation, limit: BATCH, leaseSeconds: LEASE_SECONDS });
    const done: string[] = [];
    for (const { message, receipt, deliveryAttempt } of leased) {
      const applied = await apply(message, receipt, deliveryAttempt);
      result[applied]++;
      if (applied !== 'waiting') done.push(message.id);
    }
    if (done.length > 0) await client.ack({ org: organisation, body: { ids: done } });
    if (leased.length < BATCH) return result;
  }
}
