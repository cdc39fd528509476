import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../electron/core/audit/log';
import { testCore } from '../electron/core/testing';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';

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

    const raw = openDataFolderDatabase(dataDir);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'auth.login' WHERE seq = 2;");
    raw.close();
    const broken = run(dataDir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('entry 2');
  });

  it('reports a chain shorter than the head the gateway anchored, though what is left still links', () => {
    const { db, core, dataDir } = testCore();
    for (let i = 0; i < 5; i++) appendAudit(db, { userId: null, action: 'auth.failure', details: { i } }, new Date(Date.UTC(2026, 0, 5, 10, i)));
    // What the last sync left: the gateway's anchor of entry 5 (audit/anchor.ts).
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    db.prepare("INSERT INTO audit_anchor (id, seq, hash, anchored_at, checked_at) VALUES (1, ?, ?, '2026-01-05T10:05:00.000Z', '2026-01-05T10:05:00.000Z')").run(head.seq, head.hash);
    core.close();
    expect(run(dataDir).stdout).toContain('extends the head anchored at the gateway (entry 5');

    const raw = openDataFolderDatabase(dataDir);
    raw.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= 4;');
    raw.close();
    const cut = run(dataDir);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('entry 4');
    expect(cut.stderr).toContain('the gateway anchored entry 5');
  });

  it('says so when there is no database', () => {
    const result = run(path.join(process.cwd(), 'build', 'no-such-data-dir'));
    expect(result.status).toBe(2);
  });
});
