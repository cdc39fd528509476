import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import type { Receipt } from '../shared/gateway/api';
import { timeStampSigningBytes, type TimeStamp, type TimeStampKey } from '../shared/gateway/timestamp';
import type { GatewayDb } from './db/database';

// The emulator as time-stamp authority (issue 16 item 3): every receipt leaves with the gateway's
// own signed time (shared/gateway/timestamp.ts says why a signed receipt and not RFC 3161). The
// key is made once per gateway data folder, so a second gateway stamps with another key, which
// the АРМ refuses (TIMESTAMP_UNTRUSTED). An emulator keeps it in its own database; a real ШЭП's
// stamping key lives in its HSM.

/** The authority's name in each stamp. */
export const TSA_NAME = 'ШЭП (эмулятор)';

export function createTimeStamper(db: GatewayDb, now: () => Date) {
  let row = db.prepare<[], { private_key: string; public_key: string }>('SELECT private_key, public_key FROM time_stamp_key WHERE id = 1').get();
  if (!row) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    row = {
      private_key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      public_key: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    };
    db.prepare('INSERT INTO time_stamp_key (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?)').run(row.private_key, row.public_key, now().toISOString());
  }
  const privateKey = createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' });
  const key: TimeStampKey = { tsa: TSA_NAME, keyId: createHash('sha256').update(Buffer.from(row.public_key, 'base64')).digest('hex'), publicKey: row.public_key };

  return {
    /** What GET /reference/trust publishes. */
    key,
    /** The stamp for a receipt: genTime is its receivedAt; signedNotBefore the window's start the gateway vouched for. */
    stamp(receipt: Receipt, signedNotBefore: Date): TimeStamp {
      const fields = { tsa: key.tsa, keyId: key.keyId, genTime: receipt.receivedAt, signedNotBefore: signedNotBefore.toISOString() };
      const signature = sign('sha256', timeStampSigningBytes(receipt, fields), privateKey).toString('base64');
      return { ...fields, signature };
    },
  };
}

export type TimeStamper = ReturnType<typeof createTimeStamper>;
