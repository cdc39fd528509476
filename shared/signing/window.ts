import { ALLOWED_CLOCK_DRIFT_MS, offlineWindowStart } from '../time/time';

// Trusted time (issue 16 item 3): the signing time a CMS carries is the signer's own claim. A
// verifier believes it only inside a window it can vouch for, and then judges the certificate at
// that time: validity at the signing time, revocation by the revocation date in the CRL. The
// gateway (gateway/signature.ts), the provider's and the centre's АРМ (electron/core/signing/
// judged.ts) all take their window from here.

/** The signing times a verifier can vouch for. */
export interface SigningWindow {
  earliest: Date;
  latest: Date;
}

/** How a verifier bounds a claimed signing time, given when the signer's certificate ends. */
export type TrustedTime = (notAfter: Date) => SigningWindow;

/**
 * The earliest signing time a workstation can claim now: the offline window of the time policy,
 * and — for a certificate that has expired by now — no earlier than the workstation's last
 * contact with the gateway before its current stretch online (`lastContact`): whatever it signed
 * since then it signed offline, after that contact. A key still valid gains nothing by
 * backdating; an expired one could otherwise claim any earlier time.
 */
export function earliestSigningTime(lastContact: Date | null, notAfter: Date, now: Date): Date {
  const offline = offlineWindowStart(now);
  const expired = notAfter.getTime() < now.getTime();
  return expired && lastContact && lastContact > offline ? lastContact : offline;
}

/** The gateway's window at receipt: from earliestSigningTime to its own clock (plus the allowed drift). */
export function windowAt(now: Date, lastContact: Date | null): TrustedTime {
  return (notAfter) => ({ earliest: earliestSigningTime(lastContact, notAfter, now), latest: new Date(now.getTime() + ALLOWED_CLOCK_DRIFT_MS) });
}

/** True when `at` lies inside the window. */
export function withinWindow(window: SigningWindow, at: Date): boolean {
  return at.getTime() >= window.earliest.getTime() && at.getTime() <= window.latest.getTime();
}
