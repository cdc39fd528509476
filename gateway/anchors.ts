import type { AuditAnchor, AuditAnchorInput } from '../shared/gateway/api';
import type { GatewayDb } from './db/database';
import { GatewayError } from './errors';

// Audit anchoring (issue 14 item 7): the gateway keeps each workstation's last audit chain head.
// A new head must extend it — the workstation names the anchor it builds on, and its sequence does
// not go back — so a chain cut short or rewritten at home is refused here and stays refused (the
// АРМ reports it) instead of quietly becoming the new anchor. A supervisor-confirmed restore from
// backup re-anchors: the older head is replaced and the event is kept, so the restore is on record
// and not taken for tampering.

interface AnchorRow {
  seq: number;
  hash: string;
  anchored_at: string;
}

export function createAnchors(db: GatewayDb, now: () => Date) {
  const read = db.prepare<[string], AnchorRow>('SELECT seq, hash, anchored_at FROM audit_anchors WHERE machine_id = ?');
  const write = db.prepare(
    `INSERT INTO audit_anchors (machine_id, seq, hash, anchored_at) VALUES (@machine, @seq, @hash, @at)
     ON CONFLICT (machine_id) DO UPDATE SET seq = @seq, hash = @hash, anchored_at = @at`,
  );
  const event = db.prepare(
    `INSERT INTO audit_anchor_events (machine_id, at, kind, seq, hash, anchored_seq, anchored_hash, detail)
     VALUES (@machine, @at, @kind, @seq, @hash, @anchoredSeq, @anchoredHash, @detail)`,
  );
  const anchorOf = (row: AnchorRow | undefined): AuditAnchor | null => (row ? { seq: row.seq, hash: row.hash, anchoredAt: row.anchored_at } : null);

  /** Anchors are per workstation: a call that names no machine has none. */
  const machineOf = (machineId: string | null): string => {
    if (!machineId) throw new GatewayError('MACHINE_NOT_ENROLLED', 'Audit anchors are kept per enrolled workstation: sign the call with the machine key.', { status: 401 });
    return machineId;
  };

  return {
    get(machineId: string | null): { anchor: AuditAnchor | null } {
      return { anchor: anchorOf(read.get(machineOf(machineId))) };
    },

    put(machineId: string | null, input: AuditAnchorInput): { anchor: AuditAnchor | null } {
      const machine = machineOf(machineId);
      const at = now().toISOString();
      const outcome = db.transaction((): { anchor: AuditAnchor | null } | { refused: string } => {
        const held = read.get(machine);
        const record = (kind: 'reanchored' | 'refused', detail: Record<string, unknown>) =>
          event.run({ machine, at, kind, seq: input.seq, hash: input.hash, anchoredSeq: held?.seq ?? null, anchoredHash: held?.hash ?? null, detail: JSON.stringify(detail) });
        if (input.reanchor) {
          record('reanchored', input.reanchor);
        } else if (held) {
          const builtOn = input.previous;
          const reason = !builtOn
            ? 'names no anchor, but this workstation has one'
            : builtOn.seq !== held.seq || builtOn.hash !== held.hash
              ? 'builds on another anchor than the one kept'
              : input.seq < held.seq
                ? 'is shorter than the anchor'
                : input.seq === held.seq && input.hash !== held.hash
                  ? 'differs from the anchor at the same entry'
                  : null;
          if (reason) {
            // The refusal is kept even though the call fails: committed, then answered.
            record('refused', { reason });
            return { refused: reason };
          }
        }
        write.run({ machine, seq: input.seq, hash: input.hash, at });
        return { anchor: anchorOf(read.get(machine)) };
      })();
      if ('refused' in outcome) {
        throw new GatewayError('AUDIT_ANCHOR_CONFLICT', `The audit chain head ${input.seq} ${outcome.refused} (entry ${read.get(machine)?.seq ?? 0}): the audit was cut short or rewritten.`, {
          issues: [{ path: 'previous', message: outcome.refused }],
        });
      }
      return outcome;
    },
  };
}

export type Anchors = ReturnType<typeof createAnchors>;
