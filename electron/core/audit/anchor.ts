import { ArmError, type AuditAnchorState } from '../../../shared/api';
import type { AuditAnchor } from '../../../shared/gateway/api';
import type { Db } from '../db/database';
import type { GatewayClient } from '../gateway/client';
import { appendAudit } from './log';

// Audit anchoring (issue 14 item 7). The hash chain (log.ts) shows an entry edited or taken out of
// the middle, but not the newest entries deleted: the chain is simply shorter. So on each sync the
// head — the newest entry's sequence and hash — goes to the gateway, which keeps the last one per
// workstation (gateway/anchors.ts). Before sending a new head the chain here is compared with the
// gateway's: when it no longer holds the anchored entry (shorter) or holds another one there
// (diverged) nothing is sent — that would bury the evidence — and the problem is kept for
// `npm run audit:verify`, the audit screen and the sync console. A restore from backup leaves a
// re-anchor request (`requestReanchor`) that the next sync hands to the gateway, which records it.

export interface AuditHead {
  seq: number;
  hash: string;
}

export type AnchorProblem = 'shorter' | 'diverged';

interface StateRow {
  seq: number | null;
  hash: string | null;
  anchored_at: string | null;
  checked_at: string | null;
  problem: AnchorProblem | null;
  reanchor: string | null;
}

export interface Reanchor {
  reason: 'restore';
  confirmedBy: string | null;
  backupCreatedAt: string;
}

export function auditHead(db: Db): AuditHead | null {
  return db.prepare<[], AuditHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;
}

/** Whether the chain here still holds the anchored entry as the gateway saw it. */
export function anchorProblem(db: Db, anchor: { seq: number; hash: string }): AnchorProblem | null {
  const entry = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.seq);
  if (!entry) return 'shorter';
  return entry.hash === anchor.hash ? null : 'diverged';
}

function stateRow(db: Db): StateRow | undefined {
  return db.prepare<[], StateRow>('SELECT seq, hash, anchored_at, checked_at, problem, reanchor FROM audit_anchor WHERE id = 1').get();
}

function saveAnchor(db: Db, anchor: AuditAnchor | null, problem: AnchorProblem | null, checkedAt: Date): void {
  db.prepare(
    `INSERT INTO audit_anchor (id, seq, hash, anchored_at, checked_at, problem) VALUES (1, @seq, @hash, @at, @checked, @problem)
     ON CONFLICT (id) DO UPDATE SET seq = @seq, hash = @hash, anchored_at = @at, checked_at = @checked, problem = @problem`,
  ).run({ seq: anchor?.seq ?? null, hash: anchor?.hash ?? null, at: anchor?.anchoredAt ?? null, checked: checkedAt.toISOString(), problem });
}

/** Written by the restore into the restored database: the next sync re-anchors at the gateway. */
export function requestReanchor(db: Db, reanchor: Reanchor): void {
  db.prepare("INSERT INTO audit_anchor (id, reanchor) VALUES (1, @json) ON CONFLICT (id) DO UPDATE SET reanchor = @json, problem = NULL").run({ json: JSON.stringify(reanchor) });
}

/**
 * What this workstation knows of its anchor, checked against the chain as it is now: the last
 * anchor the gateway answered, and whether the chain still extends it (a restore waiting to be
 * re-anchored is not a problem).
 */
export function anchorState(db: Db): AuditAnchorState | null {
  const row = stateRow(db);
  if (!row) return null;
  const reanchorPending = row.reanchor !== null;
  const anchor = row.seq !== null && row.hash !== null ? { seq: row.seq, hash: row.hash } : null;
  const problem = anchor && !reanchorPending ? anchorProblem(db, anchor) : null;
  return { seq: row.seq, hash: row.hash, anchoredAt: row.anchored_at, checkedAt: row.checked_at, problem, reanchorPending };
}

/** The sync job: compare with the gateway's anchor, then anchor the head (or re-anchor after a restore). */
export async function anchorAudit(options: { db: Db; client: GatewayClient; now: () => Date }): Promise<AuditAnchor | null> {
  const { db, client, now } = options;
  const { anchor } = await client.auditAnchor();
  const head = auditHead(db);
  if (!head) return anchor;
  const pending = stateRow(db)?.reanchor;
  const previous = anchor ? { seq: anchor.seq, hash: anchor.hash } : null;
  if (pending) {
    const reanchor = JSON.parse(pending) as Reanchor;
    const answer = await client.anchorAudit({ body: { seq: head.seq, hash: head.hash, previous, reanchor } });
    db.transaction(() => {
      saveAnchor(db, answer.anchor, null, now());
      db.prepare('UPDATE audit_anchor SET reanchor = NULL WHERE id = 1').run();
      appendAudit(db, { userId: null, action: 'audit.reanchored', details: { seq: head.seq, previousSeq: anchor?.seq ?? null, backupCreatedAt: reanchor.backupCreatedAt } }, now());
    })();
    return answer.anchor;
  }
  const problem = anchor ? anchorProblem(db, anchor) : null;
  saveAnchor(db, anchor, problem, now());
  if (problem) {
    throw new ArmError('AUDIT_ANCHOR_BROKEN', `The audit chain here ${problem === 'shorter' ? 'is shorter than' : 'differs from'} the head anchored at the gateway (entry ${anchor!.seq}).`, undefined, {
      seq: anchor!.seq,
    });
  }
  if (anchor && anchor.seq === head.seq && anchor.hash === head.hash) return anchor;
  const answer = await client.anchorAudit({ body: { seq: head.seq, hash: head.hash, previous } });
  saveAnchor(db, answer.anchor, null, now());
  return answer.anchor;
}
