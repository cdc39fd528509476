import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../electron/core/app';
import { verifyAudit } from '../electron/core/audit/log';
import { resolveDataDir } from '../electron/core/dataDir';

// `npm run audit:verify -- --data-dir <dir>`: exit 0 when the chain holds, 1 naming the first bad
// entry, 2 when there is nothing to check. Opens the database read-only.
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const file = path.join(resolveDataDir(values['data-dir']), DATABASE_FILE);
if (!existsSync(file)) {
  console.error(`No database at ${file}`);
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const result = verifyAudit(db);
db.close();
if (result.ok) {
  console.log(`Audit log intact: ${result.entries} entries.`);
} else {
  console.error(`Audit log broken at entry ${result.firstBad}: ${result.reason}.`);
  process.exit(1);
}
