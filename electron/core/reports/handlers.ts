import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { dashboard } from './dashboard';

export const reportsHandlers: Handlers<Contract>['reports'] = {
  dashboard: (_input, ctx) => dashboard(requireDb(ctx), ctx.now()),
};
