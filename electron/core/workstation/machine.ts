import { createHash, generateKeyPairSync } from 'node:crypto';
import type { CryptoProvider } from '../../../shared/crypto';
import type { MachineSigner } from '../../../shared/gateway/machine';
import type { Db } from '../db/database';

// This workstation's machine key (issue 16): made at the first start, kept in the encrypted
// database, enrolled with the gateway by its public key; it signs every gateway call and
// countersigns every message's envelope (shared/gateway/machine.ts). ECDSA P-256: small
// signatures on every call, and OpenSSL signs it in a fraction of a millisecond.

export interface MachineIdentity extends MachineSigner {
  /** base64 SPKI DER: what the gateway's admin enrolls. */
  publicKey: string;
  createdAt: string;
}

interface Row {
  machine_id: string;
  public_key: string;
  private_key: Buffer;
  created_at: string;
}

/** The key of this database, made on the first call. */
export function machineIdentity(db: Db, crypto: CryptoProvider, now: Date): MachineIdentity {
  const select = () => db.prepare<[], Row>('SELECT machine_id, public_key, private_key, created_at FROM machine_key WHERE id = 1').get();
  let row = select();
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    // OR IGNORE: a second core on the same folder cannot exist (the folder lock), but a key is never replaced.
    db.prepare('INSERT OR IGNORE INTO machine_key (id, machine_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)').run(
      createHash('sha256').update(spki).digest('hex'),
      spki.toString('base64'),
      privateKey.export({ format: 'der', type: 'pkcs8' }),
      now.toISOString(),
    );
    row = select()!;
  }
  const privateKey = new Uint8Array(row.private_key);
  return {
    machineId: row.machine_id,
    publicKey: row.public_key,
    createdAt: row.created_at,
    sign: (data) => crypto.sign('ecdsa-sha256', privateKey, data),
    sha256: (data) => crypto.digest('sha256', data),
  };
}

/** The gateway answered a call this key signed: it is enrolled (shown on the connections screen). */
const enrolledWritten = new WeakMap<Db, number>();

/** Written at most once a minute (an fsync per gateway answer slowed the outbox); the screen shows minutes. */
export function markEnrolled(db: Db, at: Date): void {
  const last = enrolledWritten.get(db);
  if (last !== undefined && at.getTime() - last >= 0 && at.getTime() - last < 60_000) return;
  db.prepare('UPDATE machine_key SET enrolled_at = ? WHERE id = 1').run(at.toISOString());
  enrolledWritten.set(db, at.getTime());
}

export function enrolledAt(db: Db): string | null {
  return db.prepare<[], { enrolled_at: string | null }>('SELECT enrolled_at FROM machine_key WHERE id = 1').get()?.enrolled_at ?? null;
}
