import type { CryptoProvider } from '../../../shared/crypto';
import type { Receipt } from '../../../shared/gateway/api';
import { verifyTimeStamp, type TimeStampKey } from '../../../shared/gateway/timestamp';
import { verifyDetached, windowAt, type TrustedRoot, type Crl, type TrustedTime, type VerifiedSignature } from '../../../shared/signing';
import { ALLOWED_CLOCK_DRIFT_MS } from '../../../shared/time';

// The one check of a person's signature on this workstation's side of a message (issue 16 item
// 3): the operator's on a request at the provider, the head's on a result at the centre and at
// the head's own approval. It judges the certificate as the gateway does (shared/signing/window.ts):
// validity at the signing time and revocation by the CRL date, both only inside a window someone
// vouches for — the gateway's time-stamp on the receipt, or, without one, this moment.

export interface JudgedTrust {
  roots: TrustedRoot[];
  crls: Crl[];
  crlGraceMs: number;
  /** The gateway's published stamping keys (signing/trust.ts). */
  timeStampKeys: TimeStampKey[];
}

export interface JudgeInput {
  cms: Uint8Array;
  content: Uint8Array;
  trust: JudgedTrust;
  expectedIin: string | null;
  now: Date;
  crypto: CryptoProvider;
  /** The gateway's receipt the message came with; null for a signature made here and now. */
  receipt: Receipt | null;
}

/**
 * The window a signature is judged in. A receipt is believed only through its stamp, checked
 * against the keys this workstation's gateway publishes: another gateway's stamp is
 * TIMESTAMP_UNTRUSTED, a stamp that does not cover the receipt (or none, where the gateway
 * publishes keys) TIMESTAMP_INVALID. Without a receipt, or before this workstation has fetched
 * its gateway's keys, no stamp is believed and the only time vouched for is now: a key expired
 * by now can claim no earlier signing time.
 */
export function trustedTimeOf(receipt: Receipt | null, keys: readonly TimeStampKey[], crypto: CryptoProvider, now: Date): TrustedTime {
  if (receipt && keys.length > 0) {
    const window = verifyTimeStamp(receipt, keys, crypto);
    return () => ({ earliest: window.earliest, latest: new Date(window.latest.getTime() + ALLOWED_CLOCK_DRIFT_MS) });
  }
  return windowAt(now, now);
}

export function verifyJudged(input: JudgeInput): VerifiedSignature {
  const { trust } = input;
  return verifyDetached({
    cms: input.cms,
    content: input.content,
    trustedRoots: trust.roots,
    crls: trust.crls,
    crlGraceMs: trust.crlGraceMs,
    expectedIin: input.expectedIin,
    now: input.now,
    crypto: input.crypto,
    trustedTime: trustedTimeOf(input.receipt, trust.timeStampKeys, input.crypto, input.now),
  });
}
