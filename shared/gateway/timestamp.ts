import { z } from 'zod';
import { ArmError } from '../api/errors';
import type { CryptoProvider } from '../crypto';
import { fromBase64, utf8Bytes } from '../signing/bytes';
import { canonicalJson } from '../signing/canonical';
import type { SigningWindow } from '../signing/window';

// The gateway's time-stamp on each receipt (issue 16 item 3; the emulator plays the time-stamp
// authority). A signed receipt with genTime rather than an RFC 3161 TimeStampToken: the receipt
// is JSON the АРМ already keeps and shows, and the stamp must bind all of it (number, sender,
// recipient, the hash of the signed content and its signature) plus the signing window the
// gateway vouched for — a TSTInfo would carry only a hash of that in its messageImprint and need
// a second ASN.1 parser on the АРМ. The fields follow TSTInfo's: tsa, genTime, serialNumber (the
// receipt number), messageImprint (contentSha256). The key is ECDSA P-256 like the machine keys;
// the gateway publishes it with its roots (GET /reference/trust, timeStampKeys).

export const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

export const timeStampSchema = z.object({
  /** The time-stamp authority: which gateway stamped. */
  tsa: z.string().min(1).max(200),
  /** hex SHA-256 of the stamping key's SubjectPublicKeyInfo DER. */
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  /** The gateway's own time of receipt (= the receipt's receivedAt). */
  genTime: z.iso.datetime(),
  /** The earliest signing time the gateway vouched for this message's signer (shared/signing/window.ts). */
  signedNotBefore: z.iso.datetime(),
  /** base64 ECDSA-SHA256 (DER) over timeStampSigningBytes. */
  signature: z.base64().max(200),
});
export type TimeStamp = z.infer<typeof timeStampSchema>;

/** A stamping key as the gateway publishes it. */
export const timeStampKeySchema = z.object({ tsa: z.string(), keyId: z.string().regex(/^[0-9a-f]{64}$/), publicKey: z.base64().max(1000) });
export type TimeStampKey = z.infer<typeof timeStampKeySchema>;

/** What the stamp signs: the receipt without its stamp, and the stamp without its signature. */
export function timeStampSigningBytes(receipt: Record<string, unknown>, stamp: Omit<TimeStamp, 'signature'>): Uint8Array {
  const { stamp: _previous, ...rest } = receipt;
  const { signature: _signature, ...fields } = stamp as TimeStamp;
  return utf8Bytes(`ARM-TIMESTAMP-1\n${canonicalJson({ ...rest, stamp: fields })}`);
}

/**
 * The window a verified stamp vouches for: from the gateway's earliest to its genTime. A stamp by
 * a key the gateway does not publish (another gateway's) is TIMESTAMP_UNTRUSTED; one that does not
 * verify over this receipt, or whose genTime is not the receipt's, TIMESTAMP_INVALID.
 */
export function verifyTimeStamp(receipt: { receivedAt: string; stamp?: TimeStamp | undefined } & Record<string, unknown>, keys: readonly TimeStampKey[], crypto: CryptoProvider): SigningWindow {
  const stamp = receipt.stamp;
  if (!stamp) throw new ArmError('TIMESTAMP_INVALID', 'The receipt carries no time-stamp of the gateway.');
  const key = keys.find((candidate) => candidate.keyId === stamp.keyId);
  if (!key) throw new ArmError('TIMESTAMP_UNTRUSTED', `Stamped by ${stamp.tsa}, a key this workstation's gateway does not publish.`);
  const publicKey = fromBase64(key.publicKey);
  const signature = fromBase64(stamp.signature);
  let good = false;
  try {
    good = Boolean(publicKey && signature && crypto.verify(ECDSA_SHA256, publicKey, timeStampSigningBytes(receipt, stamp), signature));
  } catch {
    good = false;
  }
  if (!good || stamp.genTime !== receipt.receivedAt) throw new ArmError('TIMESTAMP_INVALID', 'The time-stamp does not verify over this receipt.');
  return { earliest: new Date(stamp.signedNotBefore), latest: new Date(stamp.genTime) };
}
