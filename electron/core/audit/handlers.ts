import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { listAudit, verifyAudit } from './log';

export const auditHandlers: Handlers<Contract>['audit'] = {
  list: (input, ctx) => listAudit(requireDb(ctx), input),
  verify: (_input, ctx) => verifyAudit(requireDb(ctx)),
};
