import { ArmError, type Contract } from '../../../shared/api';
import { canonicalBytes, fromBase64, toBase64, verifyDetached, type VerifiedSignature } from '../../../shared/signing';
import { appendAudit } from '../audit/log';
import { findById } from '../auth/accounts';
import { rememberSignKey } from '../auth/keyExpiry';
import { requireTrustedClock } from '../workstation/clock';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { keyCard, openSigningKey, signPayload } from './sign';
import { forgetSigningKey } from '../auth/sessions';
import { readTrust, type Trust } from '../inbox/settings';
import { askOcsp, type Revocation } from './ocsp';
import { refreshTrust, trustStatus } from './trust';

function keyFileBytes(base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  if (!bytes) throw new ArmError('KEY_FILE_INVALID', 'The key file is not valid base64.');
  return bytes;
}

/** True when the gateway answered; offline the cache stays as it was. */
async function tryRefresh(ctx: CoreContext): Promise<boolean> {
  if (!ctx.gatewayClient) return false;
  try {
    await refreshTrust(requireDb(ctx), ctx.gatewayClient, ctx.now());
    return true;
  } catch (error) {
    if (error instanceof ArmError && error.code === 'GATEWAY_UNAVAILABLE') return false;
    throw error;
  }
}

/**
 * The check of a signature made here (key file or NCALayer) before anything is queued: the
 * signer's certificate asked online (OCSP) first, else the cached CRL decides; then the whole
 * check with the one trust. No OCSP answer and no CRL at all → CRL_UNAVAILABLE.
 */
async function verifyOwn(ctx: CoreContext, trust: Trust, cms: Uint8Array, payload: unknown, iin: string): Promise<{ verified: VerifiedSignature; revocation: Revocation }> {
  const online = await askOcsp(ctx, cms, trust.roots);
  if (!online && trust.crls.length === 0) throw new ArmError('CRL_UNAVAILABLE', 'No revocation list from the gateway yet: connect to the gateway once.');
  const verified = verifyDetached({ cms, content: canonicalBytes(payload), trustedRoots: trust.roots, crls: trust.crls, crlGraceMs: trust.crlGraceMs, expectedIin: iin, now: ctx.now(), crypto: ctx.crypto, ocspGood: online });
  const revocation: Revocation = online ? { method: 'ocsp', checkedAt: online.producedAt.toISOString() } : { method: 'crl', checkedAt: verified.crlIssuedAt };
  return { verified, revocation };
}

export const signingHandlers: Handlers<Contract>['signing'] = {
  inspectKey: ({ keyFile, password }) => keyCard(keyFileBytes(keyFile), password),
  sign: async ({ keyFile, password, payload }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // The signing time is this clock's: refused while it cannot be trusted (issue 14, clock trust).
    requireTrustedClock(db, ctx.now());
    // The signer is whoever is signed in: the IIN comes from the account, never from the page.
    const user = findById(db, caller!.userId);
    if (!user) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
    let trust = readTrust(db);
    // A workstation that has not fetched the CRL yet asks the gateway once before refusing.
    if (trust.crls.length === 0 && (await tryRefresh(ctx))) trust = readTrust(db);
    const signed = signPayload({ crypto: ctx.crypto, keyFile: keyFileBytes(keyFile), password, payload, expectedIin: user.iin, now: ctx.now() });
    // The gateway runs the same check; refusing here keeps a revoked or untrusted key out of the outbox.
    const { revocation } = await verifyOwn(ctx, trust, signed.cms, payload, user.iin);
    db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'signing.sign', details: { contentSha256: signed.contentSha256, certificate: signed.card.fingerprintSha256, revocation: revocation.method } }, ctx.now());
      rememberSignKey(db, user.id, signed.card.notAfter);
    })();
    return { cms: toBase64(signed.cms), contentSha256: signed.contentSha256, signingTime: signed.signingTime.toISOString(), card: signed.card, revocation };
  },
  signBytes: (input, ctx, { caller, session }) => {
    const bytes = fromBase64(input.data);
    if (!bytes) throw new ArmError('VALIDATION_FAILED', 'The data to sign is not base64.', [{ path: 'data', message: 'base64' }]);
    if ('kept' in input) {
      const kept = session.signingKey;
      if (!kept || kept.userId !== caller!.userId) throw new ArmError('SIGNING_KEY_NOT_KEPT', 'No signing key is kept unlocked in this session.');
      return { cms: toBase64(kept.sign(bytes, ctx.now())) };
    }
    const key = openSigningKey(keyFileBytes(input.keyFile), input.password, ctx.crypto);
    // Not kept unless asked, each time: unticking the box drops a key kept before.
    session.signingKey = input.keep ? { userId: caller!.userId, card: key.card, sign: key.sign } : null;
    return { cms: toBase64(key.sign(bytes, ctx.now())) };
  },
  keptKey: (_input, _ctx, { caller, session }) => (session.signingKey?.userId === caller!.userId ? session.signingKey.card : null),
  forgetKey: (_input, _ctx, { session }) => {
    forgetSigningKey(session);
    return null;
  },
  prepareExternal: ({ payload }, ctx, { caller }) => {
    const user = findById(requireDb(ctx), caller!.userId);
    if (!user) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
    return { data: toBase64(canonicalBytes(payload)), iin: user.iin };
  },
  acceptExternal: async ({ cms, payload }, ctx, { caller, session }) => {
    const db = requireDb(ctx);
    requireTrustedClock(db, ctx.now());
    const user = findById(db, caller!.userId);
    if (!user) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
    const bytes = fromBase64(cms);
    if (!bytes) throw new ArmError('SIGNATURE_INVALID', 'The signature is not base64.');
    let trust = readTrust(db);
    if (trust.crls.length === 0 && (await tryRefresh(ctx))) trust = readTrust(db);
    let checked;
    try {
      checked = await verifyOwn(ctx, trust, bytes, payload, user.iin);
    } catch (error) {
      // A key whose signature failed its check (revoked, another IIN…) is not kept unlocked.
      forgetSigningKey(session);
      throw error;
    }
    const { verified, revocation } = checked;
    db.transaction(() => {
      appendAudit(db, { userId: user.id, action: 'signing.external', details: { contentSha256: verified.contentSha256, certificate: verified.signer.fingerprintSha256, revocation: revocation.method } }, ctx.now());
      rememberSignKey(db, user.id, verified.signer.notAfter);
    })();
    return { cms, contentSha256: verified.contentSha256, signingTime: verified.signingTime, card: verified.signer, revocation };
  },
  trustStatus: async (_input, ctx) => {
    const refreshed = await tryRefresh(ctx);
    return trustStatus(requireDb(ctx), ctx.now(), refreshed);
  },
};
