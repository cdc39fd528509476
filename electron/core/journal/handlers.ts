import type { Contract, JournalFilter } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { journalFile } from './export';
import { allMatching, journalOperators, searchJournal } from './search';

/** One file's worth: more is refused with JOURNAL_EXPORT_TOO_LARGE (the base64 must cross IPC and HTTP). */
export const MAX_EXPORT_ROWS = 20_000;

/** Who looked up which IIN in the journal (a person's requests are personal data). */
function auditIin(ctx: CoreContext, userId: string, action: 'journal.search' | 'journal.export', filter: JournalFilter, found: number): void {
  if (!filter.iin) return;
  appendAudit(requireDb(ctx), { userId, action, objectType: 'person', objectId: filter.iin, details: { found } }, ctx.now());
}

export const journalHandlers: Handlers<Contract>['journal'] = {
  search: (input, ctx, { caller }) => {
    const db = requireDb(ctx);
    return db.transaction(() => {
      const page = searchJournal(db, input, ctx.now());
      auditIin(ctx, caller!.userId, 'journal.search', input, page.rows.length);
      return page;
    })();
  },
  export: async ({ filter, format, language }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const rows = db.transaction(() => {
      const found = allMatching(db, filter, MAX_EXPORT_ROWS, ctx.now());
      auditIin(ctx, caller!.userId, 'journal.export', filter, found.length);
      return found;
    })();
    return journalFile(rows, format, language, ctx.now());
  },
  operators: (_input, ctx) => journalOperators(requireDb(ctx)),
};
