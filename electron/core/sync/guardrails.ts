import { statfsSync } from 'node:fs';
import { ArmError, type ErrorParams, type Guardrails } from '../../../shared/api';
import { OFFLINE_WINDOW_DAYS } from '../../../shared/time';
import type { Db } from '../db/database';
import { readSetting } from '../settings/store';
import { readReference } from '../refdata/store';

// Offline guardrails (issue 14 item 5): a mobile centre away from the network for days knows when
// it is too stale to keep taking requests. The supervisor sets the longest time since the last
// answer from the gateway (default: the offline window of the one time policy, past which the
// gateway would refuse what is signed now), the most requests waiting to be sent, the least free
// disk. Past one, new intake is refused with the reason; sync, printing and issuance go on.

export function guardrails(db: Db, dataDir: string, now: Date): Guardrails {
  // The supervisor's own limits stay on top; where none is set, the gateway's reference limits (item 5).
  const published = readReference(db, 'limits');
  const offlineHours = readSetting(db, 'guardrails.offlineHours') ?? published?.offlineHours ?? OFFLINE_WINDOW_DAYS * 24;
  const maxUnsent = readSetting(db, 'guardrails.maxUnsent') ?? published?.maxUnsent ?? null;
  const minFreeMb = readSetting(db, 'guardrails.minFreeMb') ?? published?.minFreeMb ?? null;
  const lastContactAt = db.prepare<[], { local_at: string }>('SELECT local_at FROM gateway_clock WHERE id = 1').get()?.local_at ?? null;
  const unsent = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE (state = 'pending' AND exported_at IS NULL) OR (state = 'rejected' AND withdrawn_at IS NULL)").get()!.n;
  let freeMb: number | null = null;
  try {
    const disk = statfsSync(dataDir);
    freeMb = Math.floor((disk.bavail * disk.bsize) / 1_048_576);
  } catch {
    freeMb = null;
  }
  const offlineFor = lastContactAt ? (now.getTime() - Date.parse(lastContactAt)) / 3_600_000 : null;
  // A workstation that never reached a gateway is not stale: it cannot sign without a CRL anyway.
  const blocked =
    offlineFor !== null && offlineFor > offlineHours
      ? 'OFFLINE_TOO_LONG'
      : maxUnsent !== null && unsent >= maxUnsent
        ? 'OUTBOX_TOO_FULL'
        : minFreeMb !== null && freeMb !== null && freeMb < minFreeMb
          ? 'DISK_TOO_FULL'
          : null;
  return { offlineHours, maxUnsent, minFreeMb, lastContactAt, unsent, freeMb, blocked };
}

/** Before new intake: the first limit passed, as its own code with the numbers for the message. */
export function requireWithinGuardrails(db: Db, dataDir: string, now: Date): void {
  const state = guardrails(db, dataDir, now);
  if (!state.blocked) return;
  const params: ErrorParams =
    state.blocked === 'OFFLINE_TOO_LONG'
      ? { hours: state.offlineHours, since: state.lastContactAt ?? '' }
      : state.blocked === 'OUTBOX_TOO_FULL'
        ? { unsent: state.unsent, limit: state.maxUnsent ?? 0 }
        : { freeMb: state.freeMb ?? 0, limit: state.minFreeMb ?? 0 };
  throw new ArmError(state.blocked, `New intake is stopped: ${state.blocked}.`, undefined, params);
}
