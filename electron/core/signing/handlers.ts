import { ArmError, type Contract } from '../../../shared/api';
import { certificateCard, fromBase64, toBase64 } from '../../../shared/signing';
import type { Handlers } from '../handler';
import { openKey } from './keys';
import { signPayload } from './sign';

function keyFileBytes(base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  if (!bytes) throw new ArmError('KEY_FILE_INVALID', 'The key file is not valid base64.');
  return bytes;
}

export function signingHandlers(clock: () => Date = () => new Date()): Handlers<Contract>['signing'] {
  return {
    inspectKey: ({ keyFile, password }) => certificateCard(openKey(keyFileBytes(keyFile), password).certificate),
    sign: ({ keyFile, password, payload, expectedIin }) => {
      const signed = signPayload({ keyFile: keyFileBytes(keyFile), password, payload, expectedIin, now: clock() });
      return { cms: toBase64(signed.cms), contentSha256: signed.contentSha256, signingTime: signed.signingTime.toISOString(), card: signed.card };
    },
  };
}
