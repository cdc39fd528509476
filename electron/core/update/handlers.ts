import { ArmError, type Contract, type UpdateStatus } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import type { CoreContext } from '../context';
import type { Handlers } from '../handler';
import { outboxStatus } from '../outbox/outbox';
import { updateGate } from './service';

function pendingRequests(ctx: CoreContext): number {
  return ctx.db ? outboxStatus(ctx.db, null).pending : 0;
}

function withOutbox(ctx: CoreContext, status: Omit<UpdateStatus, 'outboxPending'>): UpdateStatus {
  return { ...status, outboxPending: pendingRequests(ctx) };
}

const offHere = (ctx: CoreContext): Omit<UpdateStatus, 'outboxPending'> => ({ state: 'off', reason: 'unsupported', current: ctx.appVersion });

export const updateHandlers: Handlers<Contract>['update'] = {
  status: (_input, ctx) => withOutbox(ctx, ctx.updates?.status() ?? offHere(ctx)),
  check: async (_input, ctx) => withOutbox(ctx, ctx.updates ? await ctx.updates.check() : offHere(ctx)),
  install: ({ confirm }, ctx, { caller }) => {
    const status = ctx.updates?.status() ?? offHere(ctx);
    if (!ctx.updates || status.state !== 'ready') throw new ArmError('UPDATE_NOT_READY', 'No downloaded update to install.');
    const pending = pendingRequests(ctx);
    if (updateGate(pending, confirm) === 'wait') throw new ArmError('UPDATE_OUTBOX_PENDING', 'Requests are waiting in the outbox.', undefined, { count: pending });
    if (ctx.db) {
      appendAudit(ctx.db, { userId: caller!.userId, action: 'update.install', objectType: 'workstation', objectId: status.available ?? '', details: { from: status.current, to: status.available ?? null, outboxPending: pending } }, ctx.now());
    }
    ctx.updates.install();
    return withOutbox(ctx, status);
  },
};
