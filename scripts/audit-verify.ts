import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../electron/core/app';
import { verifyAudit } from '../electron/core/audit/log';
import { resolveDataDir } from '../electron/core/dataDir';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';

// `npm run audit:verify -- --data-dir <dir>`: exit 0 when the chain holds, 1 naming the first bad
// entry — or a chain shorter than, or rewritten since, the head the gateway anchored at the last
// sync (electron/core/audit/anchor.ts) — 2 when there is nothing to check. Opens the database read-only, under the folder's key file
// (--key-file as the web host's); a key the desktop АРМ sealed with the OS opens only in the АРМ.
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' } } });
const dataDir = resolveDataDir(values['data-dir']);
const file = path.join(dataDir, DATABASE_FILE);
if (!existsSync(file)) {
  console.error(`No database at ${file}`);
  process.exit(2);
}
let db: ReturnType<typeof openDataFolderDatabase>;
try {
  db = openDataFolderDatabase(dataDir, { readonly: true, ...(values['key-file'] ? { keyFile: path.resolve(values['key-file']) } : {}) });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const result = verifyAudit(db);
db.close();
if (result.ok) {
  const anchor = result.anchor;
  const anchored =
    anchor?.seq != null
      ? ` The chain extends the head anchored at the gateway (entry ${anchor.seq}, ${anchor.anchoredAt ?? '?'}).`
      : ' Not anchored at a gateway yet.';
  const pending = anchor?.reanchorPending ? ' A restore from backup is to be re-anchored at the next sync.' : '';
  console.log(`Audit log intact: ${result.entries} entries.${anchored}${pending}`);
} else {
  console.error(`Audit log broken at entry ${result.firstBad}: ${result.reason}.`);
  process.exit(1);
}
