import { ArmError, type Contract, type SyncStatus } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { findRequest, moveRequest } from '../requests/repository';
import { writeSettings } from '../settings/store';
import { clockTrust } from '../workstation/clock';
import { enrolledAt, machineIdentity } from '../workstation/machine';
import { guardrails } from './guardrails';
import { sendWaitingNow } from '../outbox/outbox';
import { referenceStatus } from '../refdata/store';

function machine(ctx: CoreContext): SyncStatus['machine'] {
  const db = requireDb(ctx);
  const identity = machineIdentity(db, ctx.crypto, ctx.now());
  const clock = clockTrust(db, ctx.now());
  return {
    machineId: identity.machineId,
    publicKey: identity.publicKey,
    enrolledAt: enrolledAt(db),
    clockOffsetMs: clock.offsetMs,
    clockCheckedAt: clock.checkedAt,
    clockProblem: clock.problem,
  };
}

function status(ctx: CoreContext): SyncStatus {
  const db = requireDb(ctx);
  const parked = db
    .prepare(
      `SELECT id, request_id AS requestId, json_extract(message, '$.kind') AS kind, json_extract(message, '$.to') AS "to", attempts,
         last_error AS lastError, created_at AS createdAt
       FROM outbox WHERE state = 'rejected' AND withdrawn_at IS NULL ORDER BY rowid`,
    )
    .all() as SyncStatus['parked'];
  return { jobs: (ctx.scheduler?.status() ?? []) as SyncStatus['jobs'], reference: referenceStatus(db, ctx.now()), parked, machine: machine(ctx), guardrails: guardrails(db, ctx.dataDir, ctx.now()) };
}

export const syncHandlers: Handlers<Contract>['sync'] = {
  status: (_input, ctx) => status(ctx),

  run: async ({ job }, ctx) => {
    if (!ctx.scheduler) throw new ArmError('GATEWAY_UNAVAILABLE', 'No gateway is configured on this workstation.');
    if (!job || job === 'outbox') sendWaitingNow(requireDb(ctx), ctx.now());
    await ctx.scheduler.runNow(job);
    return status(ctx);
  },

  retryParked: ({ id }, ctx, { caller }) => {
    const db = requireDb(ctx);
    db.transaction(() => {
      const { changes } = db
        .prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = NULL WHERE id = ? AND state = 'rejected' AND withdrawn_at IS NULL")
        .run(ctx.now().toISOString(), id);
      if (changes === 0) throw new ArmError('NOT_FOUND', 'No parked message has this id.');
      appendAudit(db, { userId: caller!.userId, action: 'outbox.retry', objectType: 'message', objectId: id }, ctx.now());
    })();
    return status(ctx);
  },

  // Given up: the message stays on record (a resend of its request starts from it); the request
  // goes back to the operator as returned with the gateway's reason, as a provider's return does.
  withdrawParked: ({ id }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const now = ctx.now();
    db.transaction(() => {
      const row = db.prepare("SELECT request_id, last_error FROM outbox WHERE id = ? AND state = 'rejected' AND withdrawn_at IS NULL").get(id) as
        | { request_id: string | null; last_error: string | null }
        | undefined;
      if (!row) throw new ArmError('NOT_FOUND', 'No parked message has this id.');
      db.prepare('UPDATE outbox SET withdrawn_at = ? WHERE id = ?').run(now.toISOString(), id);
      if (row.request_id && findRequest(db, row.request_id).state === 'queued') {
        moveRequest(db, row.request_id, 'returned', { userId: null, actor: 'system' }, now, { comment: `${row.last_error ?? 'GATEWAY_REFUSED'}: withdrawn from the parked messages` });
      }
      appendAudit(db, { userId: caller!.userId, action: 'outbox.withdraw', objectType: 'message', objectId: id, details: { reason: row.last_error } }, now);
    })();
    return status(ctx);
  },

  setGuardrails: ({ offlineHours, maxUnsent, minFreeMb }, ctx, { caller }) => {
    writeSettings(requireDb(ctx), { 'guardrails.offlineHours': offlineHours, 'guardrails.maxUnsent': maxUnsent, 'guardrails.minFreeMb': minFreeMb }, { userId: caller!.userId }, ctx.now());
    return status(ctx);
  },
};
