import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ArmError } from '../shared/api';
import { resolveDataDir } from '../electron/core/dataDir';
import type { Db } from '../electron/core/db/database';
import { supportBundle } from '../electron/core/support/bundle';
import { KEY_FILE } from '../electron/core/vault/masterKey';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';
import pkg from '../package.json' with { type: 'json' };

// `npm run support-bundle -- --data-dir <dir> [--out <file.zip>] [--key-file <file>]`: the same zip
// as the supervisor's button, for a workstation whose АРМ does not start. Read-only. Without the
// key (the desktop АРМ's key is sealed by the OS) the zip holds versions and logs, not the database.
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, 'key-file': { type: 'string' } } });
const dataDir = resolveDataDir(values['data-dir']);
const keyFile = values['key-file'] ? path.resolve(values['key-file']) : path.join(dataDir, KEY_FILE);
let db: Db | null = null;
let startError: string | null = null;
try {
  db = openDataFolderDatabase(dataDir, { readonly: true, keyFile });
  db.prepare('SELECT count(*) FROM sqlite_master').get();
} catch (error) {
  db?.close();
  db = null;
  startError = error instanceof ArmError ? error.code : ((error as { code?: string }).code ?? 'DB_UNAVAILABLE');
}
let secrets: string[] = [];
try {
  secrets = [readFileSync(keyFile, 'utf8').trim()];
} catch {
  // No key file: nothing of it to keep out.
}
const { fileName, zip } = supportBundle({ db, dataDir, appVersion: pkg.version, now: new Date(), startError, secrets });
db?.close();
const out = path.resolve(values.out ?? fileName);
writeFileSync(out, zip);
console.log(`Support bundle: ${out} (${zip.length} bytes)${startError ? `; database not read: ${startError}` : ''}`);
