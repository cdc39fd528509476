import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { exportOutbox, importOutbox } from './transfer';

export const transferHandlers: Handlers<Contract>['transfer'] = {
  export: ({ password }, ctx, { caller, session }) => {
    const now = ctx.now();
    const { file, fileName, requests } = exportOutbox(requireDb(ctx), ctx.dataDir, password, { userId: caller!.userId, login: session.user!.login }, now);
    return { fileName, base64: file.toString('base64'), requests };
  },
  import: async ({ file, password }, ctx, { caller }) => {
    const result = importOutbox(requireDb(ctx), ctx.dataDir, Buffer.from(file, 'base64'), password, { userId: caller!.userId }, ctx.now());
    // Deliver now if the gateway is there; otherwise the outbox's own rounds pick them up.
    if (result.imported > 0 && ctx.sync) await ctx.sync.run();
    return result;
  },
};
