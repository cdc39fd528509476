import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { recordAct, sendToStage } from './acts';
import { chainView } from './clocks';

export const chainHandlers: Handlers<Contract>['chain'] = {
  get: ({ requestId }, ctx) => chainView(requireDb(ctx), requestId, ctx.now()),
  sendToStage: ({ requestId }, ctx, { caller }) => {
    const db = requireDb(ctx);
    sendToStage(db, requestId, caller!, ctx.now());
    return chainView(db, requestId, ctx.now());
  },
  recordAct: (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    recordAct(db, input, caller!, ctx.now());
    return chainView(db, input.requestId, ctx.now());
  },
};
