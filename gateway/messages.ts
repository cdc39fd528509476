import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { PORTAL_CODE } from '../shared/api/requests';
import { type GatewayMessage, type Receipt, type Recheck, type UnverifiedPerson } from '../shared/gateway/api';
import type { GatewayDb } from './db/database';
import { offlineWindowStart } from '../shared/time';
import { windowAt } from '../shared/signing/window';
import type { TimeStamper } from './timestamp';
import { groupCommit } from '../shared/db/groupCommit';
import { GatewayError } from './errors';
import type { MessageSignatureVerifier } from './signature';

// Messages between centres and providers, and their inboxes. A message is stored once by its
// client-made id; its recipient pulls it with a lease and acknowledges it after its own commit.

export interface Accepted {
  receipt: Receipt;
  /** False when this was a resend of a message already accepted. */
  created: boolean;
}

function canonical(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Nothing to canonicalize');
  return text;
}

/** The workstation's last contact before its current stretch online (gateway/machines.ts), for the signing window. */
export interface SigningWindow {
  lastContact: Date | null;
}

export interface MessageOptions {
  now: () => Date;
  verifySignature: MessageSignatureVerifier | null;
  /** ГБД ФЛ re-check of persons typed by hand offline. */
  recheck: (person: UnverifiedPerson) => Recheck;
  /** A notice or result for the portal must be for a request in the cabinet of the applicant it names (gateway/portal.ts). */
  checkCabinet: (message: GatewayMessage) => void;
  /** Signs each new receipt with the gateway's time (gateway/timestamp.ts). */
  stamper: TimeStamper;
}

/** A message checked and ready to store: what the store's transaction needs of it. */
interface Prepared {
  message: GatewayMessage;
  contentSha256: string;
  body: string;
  signatureSha256: string | null;
  signedNotBefore: Date;
  storeWith?: () => void;
}

/** The portal's own sending (gateway/portal.ts): what it stores in the same transaction as the message. */
export interface PortalSend {
  storeWith: () => void;
}

export function createMessages(db: GatewayDb, { now, verifySignature, recheck, checkCabinet, stamper }: MessageOptions) {
  const byId = db.prepare<[string], { content_sha256: string; receipt: string }>('SELECT content_sha256, receipt FROM messages WHERE id = ?');
  const organisationExists = db.prepare<[string], { kind: string }>('SELECT kind FROM organisations WHERE code = ?');
  const attachmentExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM attachments WHERE sha256 = ?');
  const insertMessage = db.prepare(
    'INSERT INTO messages (id, sender, recipient, content_sha256, body, receipt, received_at, signature_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const bySignature = db.prepare<[string], { id: string }>('SELECT id FROM messages WHERE signature_sha256 = ?');
  const setReceipt = db.prepare('UPDATE messages SET receipt = ? WHERE seq = ?');
  const insertDelivery = db.prepare('INSERT INTO deliveries (message_seq, recipient) VALUES (?, ?)');
  const due = db.prepare<[string, string, number], { seq: number; body: string; receipt: string; attempts: number }>(`
    SELECT m.seq, m.body, m.receipt, d.attempts FROM deliveries d JOIN messages m ON m.seq = d.message_seq
    WHERE d.recipient = ? AND d.acked_at IS NULL AND (d.lease_until IS NULL OR d.lease_until <= ?)
    ORDER BY m.seq LIMIT ?`);
  const takeLease = db.prepare('UPDATE deliveries SET attempts = attempts + 1, lease_until = ? WHERE message_seq = ?');
  const deliveryOf = db.prepare<[string, string], { seq: number }>(
    'SELECT d.message_seq AS seq FROM deliveries d JOIN messages m ON m.seq = d.message_seq WHERE m.id = ? AND d.recipient = ?',
  );
  const acknowledge = db.prepare('UPDATE deliveries SET acked_at = ? WHERE message_seq = ? AND acked_at IS NULL');
  // Open requests of the same applicant and service under another number (the indexes of 0004).
  const openRequests = db.prepare<[string, string, string], { number: string; centre: string; receivedAt: string }>(`
    SELECT json_extract(m.body, '$.payload.number') AS number, m.sender AS centre, m.received_at AS receivedAt FROM messages m
    WHERE json_extract(m.body, '$.kind') = 'request' AND json_extract(m.body, '$.payload.applicant.iin') = ? AND json_extract(m.body, '$.payload.serviceId') = ?
      AND json_extract(m.body, '$.payload.number') <> ?
      AND NOT EXISTS (SELECT 1 FROM messages c
        WHERE json_extract(c.body, '$.kind') <> 'request' AND coalesce(json_extract(c.body, '$.payload.request.messageId'), json_extract(c.body, '$.payload.messageId')) = m.id
          AND (json_extract(c.body, '$.kind') IN ('result', 'refusal') OR json_extract(c.body, '$.payload.state') = 'returned' OR json_extract(c.body, '$.payload.kind') = 'returned'))
      AND NOT EXISTS (SELECT 1 FROM messages later WHERE json_extract(later.body, '$.kind') = 'request' AND json_extract(later.body, '$.payload.applicant.iin') = json_extract(m.body, '$.payload.applicant.iin')
          AND json_extract(later.body, '$.payload.serviceId') = json_extract(m.body, '$.payload.serviceId') AND json_extract(later.body, '$.payload.number') = json_extract(m.body, '$.payload.number') AND later.seq > m.seq)
    ORDER BY m.seq`);

  /** The gateway's own look on receipt: another open request of the applicant for the service (any centre). */
  const duplicatesOf = (message: GatewayMessage): Receipt['possibleDuplicates'] => {
    if (message.kind !== 'request') return undefined;
    const payload = message.payload as { number?: unknown; serviceId?: unknown; applicant?: { iin?: unknown } };
    if (typeof payload.number !== 'string' || typeof payload.serviceId !== 'string' || typeof payload.applicant?.iin !== 'string') return undefined;
    const found = openRequests.all(payload.applicant.iin, payload.serviceId, payload.number);
    return found.length > 0 ? found : undefined;
  };

  const requireOrganisation = (code: string, path: string) => {
    if (!organisationExists.get(code)) throw new GatewayError('ORGANISATION_NOT_FOUND', `No centre or provider ${code}.`, { status: 422, issues: [{ path, message: 'unknown code' }] });
  };

  // Runs inside a group commit's transaction (shared/db/groupCommit.ts): the receipt leaves after the fsync.
  const store = ({ message, contentSha256, body, signatureSha256, signedNotBefore, storeWith }: Prepared): Accepted => {
    const existing = byId.get(message.id);
    if (existing) {
      if (existing.content_sha256 !== contentSha256) {
        throw new GatewayError('MESSAGE_ID_CONFLICT', `Message ${message.id} was accepted earlier with other content.`);
      }
      return { receipt: JSON.parse(existing.receipt) as Receipt, created: false };
    }
    // The same signature under a new id is a replay, not a second request: a request resent after
    // a return is signed anew, so its signature differs.
    const replayOf = signatureSha256 ? bySignature.get(signatureSha256) : undefined;
    if (replayOf) throw new GatewayError('MESSAGE_REPLAYED', `This signed content was accepted as message ${replayOf.id}.`, { status: 409 });
    const receivedAt = now().toISOString();
    const { lastInsertRowid } = insertMessage.run(message.id, message.from, message.to, contentSha256, body, '{}', receivedAt, signatureSha256);
    const seq = Number(lastInsertRowid);
    const unstamped: Receipt = {
      messageId: message.id,
      // Регистрация с присвоением номера: the gateway's own running number.
      receiptNumber: `${receivedAt.slice(0, 4)}-${String(seq).padStart(8, '0')}`,
      receivedAt,
      contentSha256,
      from: message.from,
      to: message.to,
      signature: verifySignature ? 'verified' : 'not-checked',
      recheck: (message.unverifiedPersons ?? []).map(recheck),
    };
    const possibleDuplicates = duplicatesOf(message);
    if (possibleDuplicates) unstamped.possibleDuplicates = possibleDuplicates;
    const receipt: Receipt = { ...unstamped, stamp: stamper.stamp(unstamped, signedNotBefore) };
    setReceipt.run(JSON.stringify(receipt), seq);
    insertDelivery.run(seq, message.to);
    storeWith?.();
    return { receipt, created: true };
  };
  const accept = groupCommit(db, store, setImmediate);
  // A batch (gateway/batch.ts): its scans and every message in one transaction, each message in a
  // savepoint of its own, so one the store refuses (an id conflict, a replay) is rolled back alone.
  const acceptBatch = groupCommit(
    db,
    ({ items, storeFirst }: { items: Prepared[]; storeFirst: () => void }): Array<Accepted | GatewayError> => {
      storeFirst();
      return items.map((item) => {
        try {
          return db.transaction(() => store(item))();
        } catch (error) {
          if (error instanceof GatewayError) return error;
          throw error;
        }
      });
    },
    setImmediate,
  );

  /**
   * Checks what the schema cannot (organisations, attachments, the person's signature) and makes
   * the stored form; `arriving`: scans that come in the same transaction (a batch's).
   */
  const prepare = (message: GatewayMessage, portal: PortalSend | undefined, window: SigningWindow, arriving: ReadonlySet<string> = new Set()): Prepared => {
    requireOrganisation(message.from, 'from');
    requireOrganisation(message.to, 'to');
    // Only the portal speaks as the portal and files the applicant's own requests (ПЭП → ШЭП).
    const portalRequest = message.kind === 'request' && message.payload.channel === 'portal';
    if (!portal && (message.from === PORTAL_CODE || portalRequest)) {
      throw new GatewayError('MESSAGE_UNEXPECTED', 'Only the portal sends portal requests.', { status: 422, issues: [{ path: 'from', message: message.from }] });
    }
    if (message.to === PORTAL_CODE) checkCabinet(message);
    // The portal stores the request's files in the transaction of the message itself.
    const missing = portal ? [] : message.attachments.filter((sha256) => !arriving.has(sha256) && !attachmentExists.get(sha256));
    if (missing.length > 0) {
      throw new GatewayError('ATTACHMENT_NOT_FOUND', 'Upload the attachments before the message.', {
        status: 422,
        issues: missing.map((sha256) => ({ path: 'attachments', message: sha256 })),
      });
    }
    // Trusted time (issue 16 item 3): the signature is judged at the signing time its signer
    // claims only inside the window the gateway can vouch for (shared/signing/window.ts); the
    // receipt's stamp carries that window's start to the recipient.
    const trustedTime = windowAt(now(), window.lastContact);
    let signedNotBefore = offlineWindowStart(now());
    if (verifySignature) {
      const verdict = verifySignature(message, trustedTime);
      if (!verdict.ok) throw new GatewayError(verdict.code, verdict.reason, { status: 422 });
      if (verdict.notAfter) signedNotBefore = trustedTime(new Date(verdict.notAfter)).earliest;
    }
    const body = canonical(message);
    // The envelope's countersignature is made anew on each resend: the content is the rest.
    const { envelope: _countersignature, ...content } = message;
    return {
      message,
      contentSha256: createHash('sha256').update(canonical(content)).digest('hex'),
      body,
      signatureSha256: message.signature ? createHash('sha256').update(message.signature.value).digest('hex') : null,
      signedNotBefore,
      ...(portal ? { storeWith: portal.storeWith } : {}),
    };
  };

  return {
    /** Checks what the schema cannot, then stores once: a resend with the same content gets the first receipt back. */
    send(message: GatewayMessage, portal?: PortalSend, window: SigningWindow = { lastContact: null }): Promise<Accepted> {
      return accept(prepare(message, portal, window));
    },

    prepare,

    /** Prepared messages stored in one commit after `storeFirst` (the batch's scans); per message its receipt or the store's refusal. */
    acceptBatch: (items: Prepared[], storeFirst: () => void) => acceptBatch({ items, storeFirst }),

    /** The oldest unacknowledged messages whose lease (if any) has run out, leased anew. */
    lease(organisation: string, limit: number, leaseSeconds: number) {
      if (!organisationExists.get(organisation)) throw new GatewayError('ORGANISATION_NOT_FOUND', `No inbox for ${organisation}.`);
      return db.transaction(() => {
        const at = now();
        const leaseUntil = new Date(at.getTime() + leaseSeconds * 1000).toISOString();
        const rows = due.all(organisation, at.toISOString(), limit);
        for (const row of rows) takeLease.run(leaseUntil, row.seq);
        return {
          messages: rows.map((row) => ({
            message: JSON.parse(row.body) as GatewayMessage,
            receipt: JSON.parse(row.receipt) as Receipt,
            deliveryAttempt: row.attempts + 1,
            leaseUntil,
          })),
        };
      })();
    },

    /** All or nothing: one id that is not in this inbox refuses the whole acknowledgement. */
    ack(organisation: string, { ids }: { ids: string[] }) {
      if (!organisationExists.get(organisation)) throw new GatewayError('ORGANISATION_NOT_FOUND', `No inbox for ${organisation}.`);
      return db.transaction(() => {
        const found = ids.map((id) => ({ id, seq: deliveryOf.get(id, organisation)?.seq }));
        const unknown = found.filter((entry) => entry.seq === undefined);
        if (unknown.length > 0) {
          throw new GatewayError('MESSAGE_NOT_FOUND', `Not in the inbox of ${organisation}.`, { issues: unknown.map((entry) => ({ path: 'ids', message: entry.id })) });
        }
        const at = now().toISOString();
        let acknowledged = 0;
        for (const entry of found) acknowledged += acknowledge.run(at, entry.seq).changes;
        return { acknowledged };
      })();
    },
  };
}

export type Messages = ReturnType<typeof createMessages>;
