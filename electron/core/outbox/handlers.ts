import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { outboxStatus } from './outbox';

export const outboxHandlers: Handlers<Contract>['outbox'] = {
  status: (_input, ctx) => ctx.sync?.status() ?? outboxStatus(requireDb(ctx), null),
  /** "Send now" after the network is back, instead of waiting for the next round. */
  syncNow: async (_input, ctx) => {
    if (!ctx.sync) return outboxStatus(requireDb(ctx), null);
    await ctx.sync.run();
    return ctx.sync.status();
  },
};
