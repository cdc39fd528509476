import type { Contract } from '../../../shared/api';
import { requireDb, type CoreContext } from '../context';
import { readLastReport, readRetentionTerms, writeLastReport, writeRetentionTerms } from '../backup/settings';
import type { Handlers } from '../handler';
import { purgeDue, type PurgeReport } from './purge';

export function purgeNow(ctx: CoreContext): PurgeReport {
  const db = requireDb(ctx);
  const report = purgeDue({ db, dataDir: ctx.dataDir, terms: readRetentionTerms(db), now: ctx.now() });
  writeLastReport(db, report);
  ctx.log.info('retention.purged', { ...report.requests, scans: report.scans });
  return report;
}

/** Once a day by itself: the schedule asks this after each backup check. */
export function runScheduledPurge(ctx: CoreContext): PurgeReport | null {
  if (!ctx.db) return null;
  const last = readLastReport(ctx.db);
  if (last && ctx.now().getTime() - Date.parse(last.at) < 86_400_000) return null;
  return purgeNow(ctx);
}

export const retentionHandlers: Handlers<Contract>['retention'] = {
  status: (_input, ctx) => {
    const db = requireDb(ctx);
    return { terms: readRetentionTerms(db), lastReport: readLastReport(db) };
  },
  configure: (terms, ctx, { caller }) => {
    const db = requireDb(ctx);
    // The settings store validates, writes and audits the change (settings.change).
    writeRetentionTerms(db, terms, { userId: caller!.userId }, ctx.now());
    return { terms: readRetentionTerms(db), lastReport: readLastReport(db) };
  },
  purge: (_input, ctx) => purgeNow(ctx),
};
