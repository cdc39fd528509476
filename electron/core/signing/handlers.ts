import { ArmError, type Contract } from '../../../shared/api';
import { certificateCard, fromBase64, toBase64 } from '../../../shared/signing';
import { appendAudit } from '../audit/log';
import { findById } from '../auth/accounts';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { openKey } from './keys';
import { signPayload } from './sign';

function keyFileBytes(base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  if (!bytes) throw new ArmError('KEY_FILE_INVALID', 'The key file is not valid base64.');
  return bytes;
}

export const signingHandlers: Handlers<Contract>['signing'] = {
  inspectKey: ({ keyFile, password }) => certificateCard(openKey(keyFileBytes(keyFile), password).certificate),
  sign: ({ keyFile, password, payload }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // The signer is whoever is signed in: the IIN comes from the account, never from the page.
    const user = findById(db, caller!.userId);
    if (!user) throw new ArmError('UNAUTHORIZED', 'The signed-in account no longer exists.');
    const signed = signPayload({ keyFile: keyFileBytes(keyFile), password, payload, expectedIin: user.iin, now: ctx.now() });
    appendAudit(db, { userId: user.id, action: 'signing.sign', details: { contentSha256: signed.contentSha256, certificate: signed.card.fingerprintSha256 } }, ctx.now());
    return { cms: toBase64(signed.cms), contentSha256: signed.contentSha256, signingTime: signed.signingTime.toISOString(), card: signed.card };
  },
};
