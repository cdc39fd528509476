import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { testCore, codeOf } from '../testing';
import { anchorAudit, auditHead } from './anchor';
import { appendAudit, listAudit, verifyAudit } from './log';
import type { Db } from '../db/database';

// Audit anchoring (issue 14 item 7), through the real client and the emulator: each sync anchors
// the chain head; deleting the newest entries or rewriting the chain is caught against the
// gateway's anchor; a supervisor-confirmed restore re-anchors, recorded at the gateway.

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.dispose());

const PASSWORD = 'Резерв-копия-2026';

function entries(db: Db, count: number, at: Date) {
  for (let i = 0; i < count; i++) appendAudit(db, { userId: null, action: 'auth.failure', details: { i } }, at);
}

/** What a tamperer with the database does: the append-only triggers dropped, then rows deleted. */
function deleteNewest(db: Db, fromSeq: number) {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
  db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(fromSeq);
}

const gatewayAnchor = () => gateway.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_anchors').all();

describe('audit anchoring', () => {
  it('anchors the head on each sync; a chain cut short is refused by the job, shown by verify, and not anchored', async () => {
    gateway.db.exec('DELETE FROM audit_anchors; DELETE FROM audit_anchor_events');
    const t = testCore({ gateway });
    const run = () => t.core.context.scheduler!.runNow('audit');
    const job = () => t.core.context.scheduler!.status().find((state) => state.name === 'audit')!;
    entries(t.db, 3, t.core.context.now());
    await run();
    expect(job()).toMatchObject({ failures: 0, lastError: null });
    expect(gatewayAnchor()).toEqual([auditHead(t.db)]);

    entries(t.db, 4, t.core.context.now());
    await run();
    const anchored = auditHead(t.db)!;
    expect(gatewayAnchor()).toEqual([anchored]);
    expect(verifyAudit(t.db)).toMatchObject({ ok: true, anchor: { seq: anchored.seq, hash: anchored.hash, problem: null, reanchorPending: false } });

    // Today's gap: the newest two entries deleted, the chain still links from 1.
    deleteNewest(t.db, anchored.seq - 1);
    const verdict = verifyAudit(t.db);
    expect(verdict).toMatchObject({ ok: false, firstBad: anchored.seq - 1, anchor: { problem: 'shorter' } });
    expect(verdict.reason).toContain('newest entries were removed');
    entries(t.db, 5, t.core.context.now());
    await run();
    expect(job()).toMatchObject({ failures: 1, lastError: 'AUDIT_ANCHOR_BROKEN' });
    // The longer chain now has other entries where the anchor was: rewritten, and still not anchored.
    expect(verifyAudit(t.db)).toMatchObject({ ok: false, firstBad: anchored.seq, anchor: { problem: 'diverged' } });
    expect(gatewayAnchor()).toEqual([anchored]);
    t.close();
  });

  it('the gateway refuses a head that does not extend its anchor even when this workstation forgot it', async () => {
    gateway.db.exec('DELETE FROM audit_anchors; DELETE FROM audit_anchor_events');
    const t = testCore({ gateway });
    entries(t.db, 3, t.core.context.now());
    await anchorAudit({ db: t.db, client: t.core.context.gatewayClient!, now: t.core.context.now });
    const head = auditHead(t.db)!;
    expect(await codeOf(t.core.context.gatewayClient!.anchorAudit({ body: { seq: head.seq + 1, hash: 'f'.repeat(64), previous: null } }))).toBe('AUDIT_ANCHOR_CONFLICT');
    expect(gatewayAnchor()).toEqual([head]);
    t.close();
  });

  it('a supervisor-confirmed restore from backup re-anchors: recorded at the gateway, not reported as tampering', async () => {
    gateway.db.exec('DELETE FROM audit_anchors; DELETE FROM audit_anchor_events');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-anchor-'));
    const first = testCore({ gateway, dataDir });
    const supervisor = first.window(first.signIn('supervisor', '880315400010', 'boss'));
    const usb = mkdtempSync(path.join(os.tmpdir(), 'arm-usb-'));
    const backup = await supervisor.backup.create({ folder: usb, password: PASSWORD });
    // Work goes on after the backup and is anchored: the backup's chain is now behind the anchor.
    entries(first.db, 6, first.core.context.now());
    await first.core.context.scheduler!.runNow('audit');
    const before = auditHead(first.db)!;
    expect(gatewayAnchor()).toEqual([before]);
    await supervisor.backup.restore({ path: backup.path, password: PASSWORD });
    first.close();

    const again = testCore({ gateway, dataDir });
    expect(verifyAudit(again.db)).toMatchObject({ ok: true, anchor: { reanchorPending: true, problem: null } });
    await again.core.context.scheduler!.runNow('audit');
    expect(again.core.context.scheduler!.status().find((state) => state.name === 'audit')).toMatchObject({ failures: 0 });
    const event = gateway.db.prepare<[], { kind: string; seq: number; anchored_seq: number; detail: string }>('SELECT kind, seq, anchored_seq, detail FROM audit_anchor_events').get()!;
    expect(event).toMatchObject({ kind: 'reanchored', anchored_seq: before.seq });
    expect(JSON.parse(event.detail)).toEqual({ reason: 'restore', confirmedBy: 'boss', backupCreatedAt: backup.createdAt });
    expect(listAudit(again.db, { limit: 5, action: 'audit.reanchored' })).toHaveLength(1);
    // The re-anchor entry itself goes out with the next sync, extending the new anchor.
    await again.core.context.scheduler!.runNow('audit');
    expect(gatewayAnchor()).toEqual([auditHead(again.db)]);
    expect(verifyAudit(again.db)).toMatchObject({ ok: true, anchor: { problem: null, reanchorPending: false } });
    again.close();
  });
});
