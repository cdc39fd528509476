import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { leaveQueue, listQueue, lookupQueue } from './register';

export const queueHandlers: Handlers<Contract>['queue'] = {
  lookup: (input, ctx) => lookupQueue(requireDb(ctx), input),
  list: ({ serviceId, register }, ctx) => listQueue(requireDb(ctx), serviceId, register),
  leave: (input, ctx, { caller }) => leaveQueue(requireDb(ctx), input, caller!, ctx.now()),
};
