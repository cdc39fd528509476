import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { appendAudit } from '../audit/log';
import { checkCounters, dashboard } from './dashboard';
import { periodFile } from './files';
import { periodReport } from './period';
import { answerQuestionnaire } from './questionnaire';

export const reportsHandlers: Handlers<Contract>['reports'] = {
  dashboard: (_input, ctx) => dashboard(requireDb(ctx), ctx.now()),
  checkCounters: (_input, ctx, { caller }) => {
    const db = requireDb(ctx);
    const result = checkCounters(db, ctx.now());
    appendAudit(db, { userId: caller!.userId, action: 'reports.checkCounters', details: result }, ctx.now());
    return result;
  },
  period: ({ from, to }, ctx) => periodReport(requireDb(ctx), from, to, ctx.now()),
  answer: (input, ctx, { caller }) => {
    answerQuestionnaire(requireDb(ctx), input, caller!.userId, ctx.now());
    return null;
  },
  periodFile: ({ from, to, format, language }, ctx) => periodFile(periodReport(requireDb(ctx), from, to, ctx.now()), format, language, ctx.now(), () => ctx.resources.fonts()),
};
