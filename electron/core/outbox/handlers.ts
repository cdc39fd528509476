import { randomUUID } from 'node:crypto';
import { ArmError, type Contract } from '../../../shared/api';
import { messageSchema } from '../../../shared/gateway/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { canonicalBytes, fromBase64 } from '../../../shared/signing';
import { findById } from '../auth/accounts';
import { verifyOperatorSignature } from '../intake/signature';
import { findRequest, moveRequest } from '../requests/repository';
import { outboxStatus, sendWaitingNow } from './outbox';
import { enqueue } from './queue';

export const outboxHandlers: Handlers<Contract>['outbox'] = {
  status: (_input, ctx) => ctx.sync?.status() ?? outboxStatus(requireDb(ctx), null),
  /** "Send now" after the network is back, instead of waiting for the next round. */
  syncNow: async (_input, ctx) => {
    if (!ctx.sync) return outboxStatus(requireDb(ctx), null);
    sendWaitingNow(requireDb(ctx), ctx.now());
    await ctx.sync.run();
    return ctx.sync.status();
  },
  resend: ({ requestId, cms }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const request = findRequest(db, requestId);
    if (request.side !== 'centre') throw new ArmError('FORBIDDEN', 'Only the centre resends its own requests.');
    const last = db.prepare('SELECT message FROM outbox WHERE request_id = ? ORDER BY rowid DESC LIMIT 1').get(requestId) as { message: string } | undefined;
    if (!last) throw new ArmError('STATE_CONFLICT', 'The request was never sent.', undefined, { from: request.state, to: 'queued' });
    if (request.state !== 'returned') throw new ArmError('STATE_CONFLICT', 'Only a returned request is resent.', undefined, { from: request.state, to: 'queued' });
    const operator = findById(db, caller!.userId);
    if (!operator) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
    const signature = fromBase64(cms);
    if (!signature) throw new ArmError('SIGNATURE_INVALID', 'The signature is not base64.');
    const message = messageSchema.parse(JSON.parse(last.message));
    // The same content signed anew by the signed-in operator (the gateway wants the payload's operator).
    verifyOperatorSignature(db, ctx.crypto, signature, canonicalBytes(message.payload), operator.iin, ctx.now());
    const now = ctx.now();
    db.transaction(() => {
      moveRequest(db, requestId, 'queued', { userId: caller!.userId, actor: caller!.role }, now, { comment: 'resend' });
      enqueue(db, { ...message, id: randomUUID(), createdAt: now.toISOString(), signature: { format: 'cms', value: cms } }, requestId, now);
    })();
    return ctx.sync?.status() ?? outboxStatus(db, null);
  },
};
