import { ArmError, requestContentSchema, requestSignerIin, resultContentSchema, type ErrorCode, type RequestContent, type ResultContent } from '../../../shared/api';
import { requestNoticeSchema, statusNoticeSchema, type GatewayMessage, type Receipt } from '../../../shared/gateway/api';
import { canonicalBytes, canonicalJson, fromBase64, type VerifiedSignature } from '../../../shared/signing';
import type { CryptoProvider } from '../../../shared/crypto';
import { verifyJudged } from '../signing/judged';
import { requestPurpose, requireSignerRole } from '../../../shared/signing/roles';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { readAttachment, writeAttachment } from '../documents/store';
import type { GatewayClient } from '../gateway/client';
import type { Logger } from '../log';
import { checkMove } from '../requests/lifecycle';
import { findRequest, insertReceived, moveRequest, reopenReturned, type Received } from '../requests/repository';
import { queueReturn } from '../requests/status';
import { addTask } from '../notices/tasks';
import { addRecall } from '../recall/recalls';
import { readCentre } from '../intake/centre';
import { readSetting } from '../settings/store';
import { readTrust, requireOrganisation, type Trust } from './settings';

export interface PullOptions {
  db: Db;
  client: GatewayClient;
  dataDir: string;
  now: () => Date;
  log: Logger;
  /** ctx.crypto: the RSA checks and the gateway's ECDSA time-stamps. */
  crypto: CryptoProvider;
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
  /** Status notices applied to this centre's requests. */
  statuses: number;
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
function checkRequest(message: GatewayMessage, receipt: Receipt, organisation: string, trust: Trust, now: Date, crypto: CryptoProvider): { content: RequestContent; verified: VerifiedSignature } {
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
  // The operator signs a counter's request, the applicant their own portal request (no operator then).
  const signerIin = requestSignerIin(content);
  if (!signerIin || (content.channel === 'portal') !== (content.operator === null)) throw new Refusal('VALIDATION_FAILED', 'The request names no signer of its channel.');
  try {
    // Judged at the signing time inside the window the gateway's stamp vouches for (signing/judged.ts).
    const verified = verifyJudged({ cms, content: canonicalBytes(message.payload), trust, expectedIin: signerIin, now, crypto, receipt });
    requireSignerRole(verified.signer, requestPurpose(content.channel), null);
    return { content, verified };
  } catch (error) {
    if (error instanceof ArmError) throw new Refusal(error.code, error.message);
    throw error;
  }
}

/**
 * Applied before: a provider-side request that arrived in it, a result a centre-side request got
 * from it, or a refusal on receipt. Only what this workstation *received* counts: on a workstation
 * that is centre and provider at once its own outgoing result carries the same message id.
 */
function known(db: Db, messageId: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM requests WHERE message_id = ? AND side = 'provider'
         UNION ALL SELECT 1 FROM inbox_refused WHERE message_id = ?
         UNION ALL SELECT 1 FROM results JOIN requests r ON r.id = results.request_id WHERE results.message_id = ? AND r.side = 'centre'`,
      )
      .get(messageId, messageId, messageId),
  );
}

/**
 * Whose inboxes this workstation pulls: its organisation (the department, or the centre), the
 * centre its counter takes requests for and the mobile centre its mobile operator works as, when
 * those are other codes — one workstation may be all of them.
 */
export function inboxesConfigured(db: Db): boolean {
  return readSetting(db, 'workstation.organisation') !== null || readCentre(db) !== null || readSetting(db, 'workstation.mobileCentre') !== null;
}

export function inboxesOf(db: Db): string[] {
  const organisation = readSetting(db, 'workstation.organisation');
  const centre = readCentre(db)?.code ?? null;
  // The mobile centre's results come back to its own inbox.
  const mobile = readSetting(db, 'workstation.mobileCentre')?.code ?? null;
  const codes = [...new Set([organisation, centre, mobile].filter((code): code is string => code !== null))];
  if (codes.length === 0) requireOrganisation(db);
  return codes;
}

/**
 * A result or refusal at the centre: the head's signature over the result (signer IIN = the
 * signer the result names), for a request this centre sent in the message the result names.
 */
function checkResult(db: Db, message: GatewayMessage, receipt: Receipt, organisation: string, trust: Trust, now: Date, crypto: CryptoProvider): { content: ResultContent; requestId: string; verified: VerifiedSignature } {
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
    const verified = verifyJudged({ cms, content: canonicalBytes(message.payload), trust, expectedIin: content.signer.iin, now, crypto, receipt });
    requireSignerRole(verified.signer, 'result', null);
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
    if (!['sent', 'registered', 'inWork', 'decided', 'resultSigned'].includes(request.state)) {
      throw new Refusal('STATE_CONFLICT', `The request is ${request.state}; a result cannot be applied.`);
    }
    db.prepare(
      'INSERT INTO results (request_id, outcome, number, content, content_sha256, signature, signer, message_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(requestId, content.kind, content.number, JSON.stringify(content), verified.contentSha256, message.signature!.value, JSON.stringify(verified.signer), message.id, now.toISOString());
    db.prepare('UPDATE requests SET outcome = ? WHERE id = ?').run(content.kind, requestId);
    const moved = moveRequest(db, requestId, 'resultAtCentre', { userId: null, actor: 'system' }, now, { comment: content.number });
    addTask(db, moved, 'resultReady', now);
    if (content.refusal) addRecall(db, moved, 'providerRefused', now, { grounds: content.refusal.grounds, reason: content.refusal.text });
  })();
}

/**
 * A status notice for a request this centre sent: its copy moves (registered → in work →
 * decided) with the provider's time in the comment, or comes back `returned` with the code and
 * the reason. A notice that the copy has already passed (the result overtook it) changes nothing.
 */
/** The centre's copy of the request a provider's message is about, or a refusal if this centre did not send it. */
function sentRequest(db: Db, message: GatewayMessage, organisation: string, messageId: string) {
  const sent = db.prepare('SELECT request_id FROM outbox WHERE id = ?').get(messageId) as { request_id: string | null } | undefined;
  const request = sent?.request_id ? findRequest(db, sent.request_id) : null;
  const provider = request ? ((JSON.parse(request.content ?? '{}') as { provider?: string }).provider ?? request.provider) : null;
  if (!request || request.side !== 'centre' || message.to !== organisation || provider !== message.from) {
    throw new Refusal('MESSAGE_UNEXPECTED', `A ${message.kind} message for a request this centre did not send.`);
  }
  return request;
}

function applyStatus(db: Db, message: GatewayMessage, organisation: string, now: Date): void {
  const parsed = statusNoticeSchema.safeParse(message.payload);
  if (!parsed.success) throw new Refusal('VALIDATION_FAILED', 'The payload is not a status notice.');
  const notice = parsed.data;
  const request = sentRequest(db, message, organisation, notice.messageId);
  const comment = notice.state === 'returned' ? `${notice.code ?? 'GATEWAY_REFUSED'}: ${notice.reason ?? ''} (${notice.at})` : notice.at;
  db.transaction(() => {
    if (checkMove(request.state, notice.state, 'system') === 'ok') {
      const moved = moveRequest(db, request.id, notice.state, { userId: null, actor: 'system' }, now, { comment });
      // The applicant hears of registration and work in progress (registered, in work); a message
      // the provider could not apply is the operator's to fix and resend, not the applicant's news.
      if (notice.state === 'registered' || notice.state === 'inWork') addTask(db, moved, notice.state, now);
      // …but the applicant is still called back (the recall list), in case the fix needs them.
      if (notice.state === 'returned') addRecall(db, moved, 'providerReturned', now, { code: notice.code ?? null, reason: notice.reason ?? null });
    }
    appendAudit(db, { userId: null, action: 'request.status', objectType: 'request', objectId: request.id, details: { state: notice.state, at: notice.at, from: message.from, ...(notice.code ? { code: notice.code } : {}) } }, now);
  })();
}

/**
 * A signed notice from the provider (term extended, package returned for defects): the centre's copy
 * takes the new due date or moves to `returned` with the reasons, and the operator gets the task
 * of telling the applicant (notices/tasks.ts).
 */
function applyNotice(db: Db, message: GatewayMessage, receipt: Receipt, organisation: string, trust: Trust, now: Date, crypto: CryptoProvider): void {
  const parsed = requestNoticeSchema.safeParse(message.payload);
  if (!parsed.success || canonicalJson(parsed.data) !== canonicalJson(message.payload)) throw new Refusal('VALIDATION_FAILED', 'The payload is not a notice.');
  const notice = parsed.data;
  const request = sentRequest(db, message, organisation, notice.messageId);
  // The one trust decision, as for a result: the deciding person's ЭЦП over the notice (signer IIN
  // = the notice's), chain and CRL against this workstation's roots. A notice that fails it is kept
  // aside in inbox_refused with its reason; nothing of it is applied.
  const cms = message.signature ? fromBase64(message.signature.value) : null;
  if (!cms) throw new Refusal('SIGNATURE_INVALID', 'The notice is not signed.');
  try {
    const verified = verifyJudged({ cms, content: canonicalBytes(message.payload), trust, expectedIin: notice.iin, now, crypto, receipt });
    requireSignerRole(verified.signer, 'notice', null);
  } catch (error) {
    if (error instanceof ArmError) throw new Refusal(error.code, error.message);
    throw error;
  }
  db.transaction(() => {
    if (notice.kind === 'extended') {
      db.prepare('UPDATE requests SET due_by = ?, updated_at = ? WHERE id = ?').run(notice.dueBy ?? request.due_by, now.toISOString(), request.id);
      db.prepare('INSERT INTO term_extensions (request_id, at, from_due_by, to_due_by, reason, by_id) VALUES (?, ?, ?, ?, ?, NULL)').run(request.id, notice.at, request.due_by, notice.dueBy ?? request.due_by, notice.reason);
      addTask(db, request, 'extended', now, { reason: notice.reason, newDueBy: notice.dueBy ?? null });
    } else {
      if (checkMove(request.state, 'returned', 'system') !== 'ok') throw new Refusal('STATE_CONFLICT', `The request is ${request.state}; it cannot come back.`);
      const moved = moveRequest(db, request.id, 'returned', { userId: null, actor: 'system' }, now, { comment: `${notice.reason} (${notice.by}, ${notice.at})` });
      addTask(db, moved, 'returned', now, { reason: notice.reason });
      addRecall(db, moved, 'providerReturned', now, { reason: notice.reason });
    }
    appendAudit(db, { userId: null, action: 'request.notice', objectType: 'request', objectId: request.id, details: { kind: notice.kind, at: notice.at, from: message.from, ...(notice.dueBy ? { dueBy: notice.dueBy } : {}) } }, now);
  })();
}

function refuse(db: Db, message: GatewayMessage, refusal: Refusal, now: Date, receipt: Receipt, deliveryAttempt: number): void {
  db.transaction(() => {
    // A retry that fails again replaces the earlier reason.
    db.prepare(
      'INSERT OR REPLACE INTO inbox_refused (message_id, received_at, sender, kind, code, reason, message, receipt, delivery_attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(message.id, now.toISOString(), message.from, message.kind, refusal.code, refusal.message, JSON.stringify(message), JSON.stringify(receipt), deliveryAttempt);
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
export async function pullInbox(options: PullOptions): Promise<PullResult> {
  const { db, client } = options;
  const inboxes = inboxesOf(db);
  const apply = applier(options);
  const result: PullResult = { received: 0, refused: 0, duplicates: 0, waiting: 0, results: 0, statuses: 0 };
  for (const organisation of inboxes) {
    for (;;) {
      const { messages: leased } = await client.lease({ org: organisation, limit: BATCH, leaseSeconds: LEASE_SECONDS });
      const done: string[] = [];
      for (const { message, receipt, deliveryAttempt } of leased) {
        const applied = known(db, message.id) ? 'duplicates' : await apply(organisation, message, receipt, deliveryAttempt);
        result[applied]++;
        if (applied !== 'waiting') done.push(message.id);
      }
      if (done.length > 0) await client.ack({ org: organisation, body: { ids: done } });
      if (leased.length < BATCH) break;
    }
  }
  return result;
}

/**
 * Applies one message as it arrived: checks, stores once, or records the refusal on receipt. The
 * caller has made sure it is not applied yet.
 */
function applier({ db, client, dataDir, now, log, crypto }: PullOptions) {
  const trust = readTrust(db);
  return async function apply(organisation: string, message: GatewayMessage, receipt: Receipt, deliveryAttempt: number): Promise<Applied> {
    try {
      if (message.kind === 'status') {
        applyStatus(db, message, organisation, now());
        return 'statuses';
      }
      if (message.kind === 'notice') {
        applyNotice(db, message, receipt, organisation, trust, now(), crypto);
        return 'statuses';
      }
      if (message.kind === 'result' || message.kind === 'refusal') {
        storeResult(db, message, checkResult(db, message, receipt, organisation, trust, now(), crypto), now());
        return 'results';
      }
      if (message.kind !== 'request') throw new Refusal('MESSAGE_UNEXPECTED', `A ${message.kind} message in this inbox.`);
      const { content, verified } = checkRequest(message, receipt, organisation, trust, now(), crypto);
      // A number seen before is a conflict, unless this department returned that request for defects and the centre resent it.
      const earlier = db.prepare("SELECT id, state FROM requests WHERE number = ? AND side = 'provider'").get(content.number) as { id: string; state: string } | undefined;
      if (earlier && earlier.state !== 'returned') throw new Refusal('MESSAGE_ID_CONFLICT', 'A request with this number came in another message.');
      try {
        await fetchScans(client, dataDir, message.attachments);
      } catch (error) {
        log.warn('inbox.scan_waiting', { message: message.id, code: error instanceof ArmError ? error.code : 'INTERNAL' });
        return 'waiting';
      }
      (earlier ? (received: Received, at: Date) => reopenReturned(db, earlier.id, received, at) : (received: Received, at: Date) => insertReceived(db, received, at))(
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
            // The gateway's own duplicate look on receipt (any centre, any provider it carried for).
            ...(receipt.possibleDuplicates ? { possibleDuplicates: receipt.possibleDuplicates.map((duplicate) => duplicate.number) } : {}),
            ...(receipt.stamp ? { stamp: { tsa: receipt.stamp.tsa, genTime: receipt.stamp.genTime } } : {}),
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
      refuse(db, message, error, now(), receipt, deliveryAttempt);
      log.warn('inbox.refused', { message: message.id, code: error.code });
      return 'refused';
    }
  };
}

interface RefusedRow {
  message: string;
  receipt: string | null;
  delivery_attempt: number | null;
  returned_at: string | null;
  code: string;
  reason: string;
}

function refusedRow(db: Db, messageId: string): RefusedRow {
  const row = db.prepare('SELECT message, receipt, delivery_attempt, returned_at, code, reason FROM inbox_refused WHERE message_id = ?').get(messageId) as RefusedRow | undefined;
  if (!row) throw new ArmError('NOT_FOUND', 'No message refused on receipt has this id.');
  if (row.returned_at) throw new ArmError('STATE_CONFLICT', 'The message was returned to its sender.');
  return row;
}

/**
 * Applies a message refused on receipt again, as if it had just arrived (after the supervisor
 * fixed the organisation or the trusted roots). Applied, it leaves the refused list; refused
 * again, it stays with the new reason. Audited either way.
 */
export async function retryRefused(options: PullOptions, messageId: string, userId: string): Promise<Applied> {
  const { db, now } = options;
  const row = refusedRow(db, messageId);
  if (!row.receipt) throw new ArmError('STATE_CONFLICT', 'This refusal was recorded without its receipt and cannot be applied again.');
  const message = JSON.parse(row.message) as GatewayMessage;
  const organisation = inboxesOf(db).find((code) => code === message.to);
  let applied: Applied;
  if (!organisation) {
    refuse(db, message, new Refusal('MESSAGE_UNEXPECTED', `The message is for ${message.to}, not for this workstation.`), now(), JSON.parse(row.receipt) as Receipt, row.delivery_attempt ?? 1);
    applied = 'refused';
  } else {
    applied = await applier(options)(organisation, message, JSON.parse(row.receipt) as Receipt, row.delivery_attempt ?? 1);
  }
  db.transaction(() => {
    if (applied !== 'refused' && applied !== 'waiting') db.prepare('DELETE FROM inbox_refused WHERE message_id = ?').run(messageId);
    appendAudit(db, { userId, action: 'inbox.retried', objectType: 'message', objectId: messageId, details: { outcome: applied } }, now());
  })();
  return applied;
}

/**
 * Returns a message refused on receipt to its sender: a status notice `returned` with the code
 * and the reason goes through the outbox; the sender's journal shows its request returned.
 */
export function returnRefused(db: Db, messageId: string, userId: string, now: Date): void {
  const row = refusedRow(db, messageId);
  const message = JSON.parse(row.message) as GatewayMessage;
  const number = message.payload.number;
  db.transaction(() => {
    queueReturn(db, { id: message.id, from: message.from, to: message.to, service: message.service, requestNumber: typeof number === 'string' ? number : null }, { code: row.code, reason: row.reason }, now);
    db.prepare('UPDATE inbox_refused SET returned_at = ? WHERE message_id = ?').run(now.toISOString(), messageId);
    appendAudit(db, { userId, action: 'inbox.returned', objectType: 'message', objectId: messageId, details: { to: message.from, code: row.code } }, now);
  })();
}
