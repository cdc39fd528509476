import { ArmError, requestContentSchema, type Contract, type ErrorCode } from '../../../shared/api';
import type { Db } from '../db/database';
import { trustedRootCard } from '../../../shared/signing';
import { appendAudit } from '../audit/log';
import { requireDb, requireGateway } from '../context';
import { readAttachment } from '../documents/store';
import type { Handlers } from '../handler';
import { type RequestRow } from '../requests/repository';
import { localDateTime } from '../../../shared/time';
import { activeClerks, assign, requireAssignee, take } from './assignment';
import { findVariant } from './variant';
import { pullInbox, retryRefused, returnRefused } from './pull';
import { departmentRequest, listInbox, requestView } from './repository';
import { readSetting, writeSettings } from '../settings/store';
import { parseCrls, parseRoots, readTrust } from './settings';

function mimeOf(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'application/pdf' | 'application/octet-stream' {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return 'application/octet-stream';
}

function listRefused(db: Db) {
  return db
    .prepare('SELECT message_id AS messageId, received_at AS receivedAt, sender, kind, code, reason, returned_at AS returnedAt FROM inbox_refused ORDER BY received_at DESC')
    .all() as Array<{ messageId: string; receivedAt: string; sender: string; kind: string; code: ErrorCode; reason: string; returnedAt: string | null }>;
}

function settingsOf(db: Db) {
  const trust = readTrust(db);
  return {
    organisation: readSetting(db, 'workstation.organisation'),
    roots: trust.roots.map((root) => {
      const card = trustedRootCard(root);
      return { subject: card.subject.dn, notAfter: card.notAfter };
    }),
    crls: trust.crls.length,
    crlGraceHours: trust.crlGraceMs / 3_600_000,
  };
}

/** A line of the regulation's list (the catalog variant) or of the operator's checklist. */
function checkDocument(request: RequestRow, document: number): void {
  const content = requestContentSchema.parse(JSON.parse(request.content ?? 'null'));
  const variant = findVariant(content.serviceId, content.variantId);
  const lines = new Set([...Array.from({ length: variant?.documents.items.length ?? 0 }, (_, index) => index), ...content.checklist.map((item) => item.document)]);
  if (!lines.has(document)) throw new ArmError('VALIDATION_FAILED', 'No such document in the list.', [{ path: 'document', message: 'not in the list' }]);
}

export const inboxHandlers: Handlers<Contract>['inbox'] = {
  pull: (_input, ctx) => pullInbox({ db: requireDb(ctx), client: requireGateway(ctx), dataDir: ctx.dataDir, now: ctx.now, log: ctx.log, crypto: ctx.crypto }),

  settings: (_input, ctx) => settingsOf(requireDb(ctx)),

  configure: ({ organisation, rootsPem, crlsPem, crlGraceHours }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // Parsed before anything is written: a bad PEM changes nothing.
    if (rootsPem !== undefined) parseRoots(rootsPem);
    if (crlsPem !== undefined) parseCrls(crlsPem);
    // Audited by the settings store, the grace period included.
    writeSettings(db, { 'workstation.organisation': organisation, 'trust.roots': rootsPem, 'trust.crls': crlsPem, 'trust.crlGraceHours': crlGraceHours }, caller!, ctx.now());
    return settingsOf(db);
  },

  list: (filter, ctx) => listInbox(requireDb(ctx), filter, localDateTime(ctx.now())),

  get: ({ requestId }, ctx) => requestView(requireDb(ctx), requestId, localDateTime(ctx.now())),

  refused: (_input, ctx) => listRefused(requireDb(ctx)),

  retryRefused: async ({ messageId }, ctx, { caller }) => ({
    outcome: await retryRefused({ db: requireDb(ctx), client: requireGateway(ctx), dataDir: ctx.dataDir, now: ctx.now, log: ctx.log, crypto: ctx.crypto }, messageId, caller!.userId),
  }),

  returnRefused: ({ messageId }, ctx, { caller }) => {
    const db = requireDb(ctx);
    returnRefused(db, messageId, caller!.userId, ctx.now());
    return listRefused(db).find((message) => message.messageId === messageId)!;
  },

  scan: ({ requestId, sha256 }, ctx) => {
    const request = departmentRequest(requireDb(ctx), requestId);
    if (!request.content?.includes(sha256)) throw new ArmError('NOT_FOUND', 'The request names no such scan.');
    const bytes = readAttachment(ctx.dataDir, sha256);
    if (!bytes) throw new ArmError('ATTACHMENT_NOT_FOUND', 'The scan is missing from this workstation.');
    return { mime: mimeOf(bytes), base64: Buffer.from(bytes).toString('base64') };
  },

  take: ({ requestId }, ctx, { caller }) => {
    const db = requireDb(ctx);
    take(db, requestId, caller!, ctx.now());
    return requestView(db, requestId, localDateTime(ctx.now()));
  },

  assign: (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    assign(db, input, caller!, ctx.now());
    return requestView(db, input.requestId, localDateTime(ctx.now()));
  },

  clerks: (_input, ctx) => activeClerks(requireDb(ctx)),

  mark: ({ requestId, document, mark, note }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const request = departmentRequest(db, requestId);
    checkDocument(request, document);
    if (request.state !== 'inWork') throw new ArmError('STATE_CONFLICT', 'Documents are checked while the request is in work.', undefined, { from: request.state, to: 'inWork' });
    requireAssignee(db, request, caller!);
    db.transaction(() => {
      db.prepare(
        'INSERT INTO request_marks (request_id, document, mark, note) VALUES (?, ?, ?, ?) ON CONFLICT (request_id, document) DO UPDATE SET mark = excluded.mark, note = excluded.note',
      ).run(requestId, document, mark, note);
      appendAudit(db, { userId: caller!.userId, action: 'request.mark', objectType: 'request', objectId: requestId, details: { document, mark } }, ctx.now());
    })();
    return requestView(db, requestId, localDateTime(ctx.now()));
  },
};
