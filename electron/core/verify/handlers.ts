import { ArmError, type Contract } from '../../../shared/api';
import { requireDb, type CoreContext } from '../context';
import { scanPage } from '../documents/scanner';
import type { Handlers } from '../handler';
import { readTrust } from '../inbox/settings';
import { writeSettings } from '../settings/store';
import { knownSigners, parseSigners, rsaRoots, signerView, verifyPrint, type VerifyTrust } from './check';

/** This workstation's trust: the roots and CRLs the inbox uses (offline, cached), the signers of the results it holds. */
export function workstationTrust(ctx: CoreContext): VerifyTrust {
  const db = requireDb(ctx);
  const { roots, crls } = readTrust(db);
  return { roots: rsaRoots(roots), crls, certificates: knownSigners(db), training: ctx.gateway.mode === 'training' };
}

export const verifyHandlers: Handlers<Contract>['verify'] = {
  print: async ({ bytes }, ctx) => verifyPrint(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), workstationTrust(ctx)),
  scan: async ({ device }, ctx) => verifyPrint(await scanPage(device, { resolution: 300, mode: 'Gray' }), workstationTrust(ctx)),
  signers: (_input, ctx) => knownSigners(requireDb(ctx)).map(signerView),
  setSigners: ({ pem }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // Parsed before anything is written: a bad PEM changes nothing.
    const parsed = parseSigners(pem);
    if (pem.trim() && parsed.length === 0) throw new ArmError('TRUST_INVALID', 'No certificate in the PEM text.');
    writeSettings(db, { 'trust.signers': parsed.length ? pem : null }, { userId: caller!.userId }, ctx.now());
    return knownSigners(db).map(signerView);
  },
};
