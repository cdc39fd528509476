import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { listRecalls, markRecall } from './recalls';

export const recallHandlers: Handlers<Contract>['recall'] = {
  list: ({ includeClosed }, ctx) => listRecalls(requireDb(ctx), includeClosed, ctx.now()),
  mark: (input, ctx, { caller }) => markRecall(requireDb(ctx), input, caller!.userId, ctx.now()),
};
