import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../electron/core/app';
import { appendAudit } from '../electron/core/audit/log';
import { testCore } from '../electron/core/testing';

// The real command, bundled as `npm run audit:verify` runs it.
// Bundling takes seconds, more on a loaded CI machine than vitest's 10 s hook default.
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-node.mjs']);
}, 120_000);

function run(dataDir: string) {
  return spawnSync(process.execPath, ['build/node/audit-verify.cjs', '--data-dir', dataDir], { encoding: 'utf8' });
}

describe('audit:verify', () => {
  it('passes an intact log and names the first bad entry of a tampered one', () => {
    const { db, core, dataDir } = testCore();
    for (let i = 0; i < 4; i++) appendAudit(db, { userId: null, action: 'auth.failure', details: { i } }, new Date(Date.UTC(2026, 0, 5, 10, i)));
    core.close();
    const intact = run(dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('4 entries');

    const raw = new Database(path.join(dataDir, DATABASE_FILE));
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'auth.login' WHERE seq = 2;");
    raw.close();
    const broken = run(dataDir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('entry 2');
  });

  it('says so when there is no database', () => {
    const result = run(path.join(process.cwd(), 'build', 'no-such-data-dir'));
    expect(result.status).toBe(2);
  });
});
