import { ArmError } from '../../../shared/api';
import { ALLOWED_CLOCK_DRIFT_MS, clockDrift } from '../../../shared/time';
import type { Db } from '../db/database';

// Clock trust (issue 14 item 6, through the one time policy of shared/time): the gateway's clock
// comes with every answer (x-gateway-time); its offset from this clock is kept. Past the allowed
// drift intake and signing are refused until the PC's clock is fixed, and a clock that went back
// behind the last answer it saw is caught (at start and before signing): what it signs would be
// dated before what it already knew.

export interface ClockTrust {
  /** This clock minus the gateway's at the last answer; null: never reached a gateway. */
  offsetMs: number | null;
  /** The gateway's time of that answer. */
  checkedAt: string | null;
  /** 'drift': the offset is past the allowed drift; 'backwards': this clock is now behind that answer. */
  problem: 'drift' | 'backwards' | null;
}

interface Row {
  gateway_at: string;
  local_at: string;
  offset_ms: number;
}

/**
 * A durable write per answer cost the outbox an fsync per call; the row changes only when the
 * offset moves by a second or a minute has passed. The clock checks allow minutes of drift, so
 * an answer a minute old judges them the same.
 */
export const CLOCK_WRITE_EVERY_MS = 60_000;
const lastWritten = new WeakMap<Db, { localAt: number; offsetMs: number }>();

export function recordGatewayTime(db: Db, gatewayAt: Date, localAt: Date): void {
  if (!Number.isFinite(gatewayAt.getTime())) return;
  const offsetMs = Math.round(clockDrift(localAt, gatewayAt));
  const last = lastWritten.get(db);
  if (last && Math.abs(offsetMs - last.offsetMs) < 1000 && localAt.getTime() - last.localAt >= 0 && localAt.getTime() - last.localAt < CLOCK_WRITE_EVERY_MS) return;
  db.prepare(
    `INSERT INTO gateway_clock (id, gateway_at, local_at, offset_ms) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET gateway_at = excluded.gateway_at, local_at = excluded.local_at, offset_ms = excluded.offset_ms`,
  ).run(gatewayAt.toISOString(), localAt.toISOString(), offsetMs);
  lastWritten.set(db, { localAt: localAt.getTime(), offsetMs });
}

export function clockTrust(db: Db, now: Date): ClockTrust {
  const row = db.prepare<[], Row>('SELECT gateway_at, local_at, offset_ms FROM gateway_clock WHERE id = 1').get();
  if (!row) return { offsetMs: null, checkedAt: null, problem: null };
  const problem =
    Math.abs(row.offset_ms) > ALLOWED_CLOCK_DRIFT_MS ? 'drift' : now.getTime() < Date.parse(row.gateway_at) - ALLOWED_CLOCK_DRIFT_MS ? 'backwards' : null;
  return { offsetMs: row.offset_ms, checkedAt: row.gateway_at, problem };
}

/** Before intake and signing: CLOCK_DRIFT with the offset in minutes when this clock cannot be trusted. */
export function requireTrustedClock(db: Db, now: Date): void {
  const trust = clockTrust(db, now);
  if (!trust.problem) return;
  const minutes = trust.problem === 'drift' ? Math.round(trust.offsetMs! / 60_000) : Math.round((now.getTime() - Date.parse(trust.checkedAt!)) / 60_000);
  throw new ArmError(
    'CLOCK_DRIFT',
    trust.problem === 'drift' ? `This clock is ${minutes} min off the gateway's.` : `This clock went back behind the gateway's last answer (${trust.checkedAt}).`,
    undefined,
    { minutes, problem: trust.problem },
  );
}
