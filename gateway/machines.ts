import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalSha256 } from '../shared/signing/canonical';
import type { GatewayMessage } from '../shared/gateway/api';
import { envelopeSigningText, machineIdPattern, requestSigningText } from '../shared/gateway/machine';
import { ALLOWED_CLOCK_DRIFT_MS, clockDrift } from '../shared/time';
import type { GatewayDb } from './db/database';
import { GatewayError } from './errors';

// The workstations the gateway knows (issue 16 item 1): enrolled by the gateway's admin (the
// emulator: its control endpoint with the admin secret; training mode enrolls its own АРМ), each
// authenticated on every call by the signature of its machine key (shared/gateway/machine.ts).

export interface Caller {
  machineId: string;
  organisations: string[];
  publicKey: KeyObject;
  /** The machine's last call before its current stretch online (null: none yet): the trusted-time window. */
  lastContact: Date | null;
}

/** Calls further apart than this start a new stretch online (the АРМ's sync backs off to 10 minutes at most). */
export const ONLINE_GAP_MS = 15 * 60_000;
/** How stale a machine's stored last call may get before it is written again. */
export const SEEN_WRITE_EVERY_MS = 60_000;

export interface SignedCall {
  machineId: string | undefined;
  time: string | undefined;
  signature: string | undefined;
  method: string;
  /** The path and query as sent. */
  path: string;
  body: Buffer;
}

interface MachineRow {
  id: string;
  public_key: string;
  organisations: string;
  previous: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  offline_since: string | null;
}

const refused = (code: 'MACHINE_NOT_ENROLLED' | 'MACHINE_SIGNATURE_INVALID' | 'CLOCK_DRIFT', message: string) => new GatewayError(code, message, { status: 401 });

/** The machine id of a public key (SPKI DER): hex SHA-256. */
export const machineIdOf = (spkiDer: Buffer): string => createHash('sha256').update(spkiDer).digest('hex');

export function createMachines(db: GatewayDb, now: () => Date) {
  const byId = db.prepare<[string], MachineRow>('SELECT id, public_key, organisations, previous, revoked_at, last_seen_at, offline_since FROM machines WHERE id = ?');
  const organisationExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM organisations WHERE code = ?');
  const upsert = db.prepare(`
    INSERT INTO machines (id, public_key, organisations, previous, enrolled_at) VALUES (@id, @key, @organisations, '[]', @at)
    ON CONFLICT (id) DO UPDATE SET organisations = @organisations, previous = @previous, enrolled_at = @at, revoked_at = NULL`);
  const revokeRow = db.prepare('UPDATE machines SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const seen = db.prepare('UPDATE machines SET last_seen_at = ?, offline_since = ? WHERE id = ?');
  // A machine's public key parsed once, not on every call (a millisecond each).
  const keys = new Map<string, KeyObject>();
  const keyOf = (spki: string) => {
    let key = keys.get(spki);
    if (!key) {
      key = createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
      keys.set(spki, key);
    }
    return key;
  };

  return {
    /** Enrolls a machine to its organisations, or remaps an enrolled one (its old ones become `previous`). */
    enroll(input: { publicKey: string; organisations: string[] }): { machineId: string; organisations: string[] } {
      const der = Buffer.from(input.publicKey, 'base64');
      let key: KeyObject;
      try {
        key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      } catch {
        throw new GatewayError('VALIDATION_FAILED', 'The machine key is not a public key (SubjectPublicKeyInfo, DER, base64).', { issues: [{ path: 'publicKey', message: 'not a public key' }] });
      }
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new GatewayError('VALIDATION_FAILED', 'Machine keys are ECDSA P-256.', { issues: [{ path: 'publicKey', message: 'not P-256' }] });
      }
      const unknown = input.organisations.filter((code) => !organisationExists.get(code));
      if (unknown.length > 0) {
        throw new GatewayError('ORGANISATION_NOT_FOUND', `No centre or provider ${unknown.join(', ')}.`, { status: 422, issues: unknown.map((code) => ({ path: 'organisations', message: code })) });
      }
      const machineId = machineIdOf(key.export({ format: 'der', type: 'spki' }));
      const organisations = [...new Set(input.organisations)].sort();
      const before = byId.get(machineId);
      const previous = before ? (JSON.parse(before.organisations) as string[]).filter((code) => !organisations.includes(code)) : [];
      upsert.run({ id: machineId, key: input.publicKey, organisations: JSON.stringify(organisations), previous: JSON.stringify(previous), at: now().toISOString() });
      return { machineId, organisations };
    },

    /** Whether the gateway has this machine at all (enrolled or revoked). */
    known(machineId: string): boolean {
      return machineIdPattern.test(machineId) && byId.get(machineId) !== undefined;
    },

    revoke(machineId: string): { machineId: string; revoked: boolean } {
      return { machineId, revoked: revokeRow.run(now().toISOString(), machineId).changes > 0 };
    },

    /** Who signed this call, or a refusal that says what to do; the call's time must be the gateway's within the allowed drift. */
    authenticate(call: SignedCall): Caller {
      if (!call.machineId || !call.time || !call.signature) {
        throw refused('MACHINE_NOT_ENROLLED', 'The gateway answers enrolled workstations only: this call carries no machine signature.');
      }
      if (!machineIdPattern.test(call.machineId)) throw refused('MACHINE_NOT_ENROLLED', 'The machine id is malformed.');
      const row = byId.get(call.machineId);
      if (!row || row.revoked_at) {
        throw refused('MACHINE_NOT_ENROLLED', row ? `Workstation ${call.machineId.slice(0, 16)} was revoked: have it enrolled again.` : `Workstation ${call.machineId.slice(0, 16)} is not enrolled at this gateway.`);
      }
      const publicKey = keyOf(row.public_key);
      const text = requestSigningText({ machineId: call.machineId, method: call.method, path: call.path, time: call.time, bodySha256: createHash('sha256').update(call.body).digest('hex') });
      let valid = false;
      try {
        valid = verify('sha256', Buffer.from(text), publicKey, Buffer.from(call.signature, 'base64'));
      } catch {
        valid = false;
      }
      if (!valid) throw refused('MACHINE_SIGNATURE_INVALID', 'The machine signature of this call does not verify.');
      const signedAt = new Date(call.time);
      const at = now();
      // A call signed far from the gateway's clock is either replayed or from a clock that is off:
      // both refused, and the answer's x-gateway-time lets the АРМ say by how much.
      if (!Number.isFinite(signedAt.getTime()) || Math.abs(clockDrift(signedAt, at)) > ALLOWED_CLOCK_DRIFT_MS) {
        throw refused('CLOCK_DRIFT', `The workstation's clock (${call.time}) is more than ${ALLOWED_CLOCK_DRIFT_MS / 60_000} minutes from the gateway's (${at.toISOString()}).`);
      }
      const lastSeen = row.last_seen_at ? new Date(row.last_seen_at) : null;
      const lastContact = lastSeen && at.getTime() - lastSeen.getTime() > ONLINE_GAP_MS ? lastSeen : row.offline_since ? new Date(row.offline_since) : null;
      // Last seen is written when it is a minute old or the stretch online changed, not on every
      // call (an fsync each, which capped the outbox's drain): the window it opens is then at
      // most a minute wider, against the 15 minutes that start a new stretch.
      const contactIso = lastContact?.toISOString() ?? null;
      if (!lastSeen || at.getTime() - lastSeen.getTime() >= SEEN_WRITE_EVERY_MS || at < lastSeen || contactIso !== row.offline_since) seen.run(at.toISOString(), contactIso, row.id);
      return { machineId: row.id, organisations: JSON.parse(row.organisations) as string[], publicKey, lastContact };
    },

    /** A call for an organisation's inbox or on its behalf: only its own machines. */
    requireOrganisation(caller: Caller, organisation: string): void {
      if (caller.organisations.includes(organisation)) return;
      const previous = JSON.parse(byId.get(caller.machineId)?.previous ?? '[]') as string[];
      const enrolled = caller.organisations.join(', ') || '—';
      throw new GatewayError(
        'MACHINE_REMAPPED',
        previous.includes(organisation)
          ? `This workstation was moved from ${organisation} to ${enrolled}: set the workstation's organisation to match, or have it enrolled again.`
          : `This workstation is enrolled for ${enrolled}, not ${organisation}.`,
        { status: 403, issues: [{ path: 'organisation', message: organisation }] },
      );
    },

    /** The envelope countersignature: made by the calling machine, over this very envelope. */
    verifyEnvelope(caller: Caller, message: GatewayMessage): void {
      const envelope = message.envelope;
      if (!envelope) throw new GatewayError('ENVELOPE_INVALID', 'The message envelope is not countersigned by the workstation.', { status: 422 });
      if (envelope.machine !== caller.machineId) throw new GatewayError('ENVELOPE_INVALID', 'The envelope was countersigned by another workstation.', { status: 422 });
      const text = envelopeSigningText({ ...message, contentSha256: canonicalSha256(message.payload) });
      let valid = false;
      try {
        valid = verify('sha256', Buffer.from(text), caller.publicKey, Buffer.from(envelope.signature, 'base64'));
      } catch {
        valid = false;
      }
      if (!valid) throw new GatewayError('ENVELOPE_INVALID', 'The envelope (sender, recipient, service, id, time or content) does not match its countersignature.', { status: 422 });
    },
  };
}

export type Machines = ReturnType<typeof createMachines>;
