import type { Contract } from '../../../shared/api';
import { requireDb, type CoreContext } from '../context';
import { scanPage } from '../documents/scanner';
import type { Handlers } from '../handler';
import { readTrust } from '../inbox/settings';
import { knownSigners, rsaRoots, verifyPrint, type VerifyTrust } from './check';
import { decodeUpload } from '../upload';

/** This workstation's trust: the roots and CRLs the inbox uses (offline, cached), the signers of the results it holds. */
export function workstationTrust(ctx: CoreContext): VerifyTrust {
  const db = requireDb(ctx);
  const { roots, crls } = readTrust(db);
  return { roots: rsaRoots(roots), crls, certificates: knownSigners(db), training: ctx.gateway.mode === 'training' };
}

export const verifyHandlers: Handlers<Contract>['verify'] = {
  print: async ({ bytes }, ctx) => verifyPrint(decodeUpload(bytes), workstationTrust(ctx)),
  scan: async ({ device }, ctx) => verifyPrint(await scanPage(device, { resolution: 300, mode: 'Gray' }), workstationTrust(ctx)),
};
