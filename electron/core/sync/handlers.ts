import { ArmError, type Contract, type SyncStatus } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';

function status(ctx: CoreContext): SyncStatus {
  const db = requireDb(ctx);
  const parked = db
    .prepare(
      `SELECT id, request_id AS requestId, json_extract(message, '$.kind') AS kind, json_extract(message, '$.to') AS "to", attempts,
         last_error AS lastError, created_at AS createdAt
       FROM outbox WHERE state = 'rejected' ORDER BY rowid`,
    )
    .all() as SyncStatus['parked'];
  return { jobs: (ctx.scheduler?.status() ?? []) as SyncStatus['jobs'], parked };
}

export const syncHandlers: Handlers<Contract>['sync'] = {
  status: (_input, ctx) => status(ctx),

  run: async ({ job }, ctx) => {
    if (!ctx.scheduler) throw new ArmError('GATEWAY_UNAVAILABLE', 'No gateway is configured on this workstation.');
    await ctx.scheduler.runNow(job);
    return status(ctx);
  },

  retryParked: ({ id }, ctx, { caller }) => {
    const db = requireDb(ctx);
    db.transaction(() => {
      const { changes } = db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = NULL WHERE id = ? AND state = 'rejected'").run(ctx.now().toISOString(), id);
      if (changes === 0) throw new ArmError('NOT_FOUND', 'No parked message has this id.');
      appendAudit(db, { userId: caller!.userId, action: 'outbox.retry', objectType: 'message', objectId: id }, ctx.now());
    })();
    return status(ctx);
  },
};
