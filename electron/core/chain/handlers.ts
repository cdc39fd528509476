import { ArmError, type Contract } from '../../../shared/api';
import { fromBase64 } from '../../../shared/signing';
import { requireDb } from '../context';
import { resultFromAct } from '../decision/repository';
import { inspectFile } from '../documents/files';
import { writeAttachment } from '../documents/store';
import type { Handlers } from '../handler';
import { openAct, recordAct, sendToStage } from './acts';
import { centreChain } from './centre';
import { chainView } from './clocks';

export const chainHandlers: Handlers<Contract>['chain'] = {
  get: ({ requestId }, ctx) => chainView(requireDb(ctx), requestId, ctx.now()),
  centre: ({ requestId }, ctx) => centreChain(requireDb(ctx), requestId, ctx.now()),
  sendToStage: ({ requestId }, ctx, { caller }) => {
    const db = requireDb(ctx);
    sendToStage(db, requestId, caller!, ctx.now());
    return chainView(db, requestId, ctx.now());
  },
  recordAct: async ({ scan, ...input }, ctx, { caller }) => {
    const db = requireDb(ctx);
    // A closed stage or a missing scan is refused before the file is read; the scan passes the
    // checks of any document upload (base64, kind, size, pages) before it is stored.
    openAct(db, input.requestId, caller!, scan !== undefined);
    let scanSha256: string | null = null;
    if (scan) {
      const bytes = fromBase64(scan.bytes);
      if (!bytes) throw new ArmError('VALIDATION_FAILED', 'The scan is not base64.', [{ path: 'scan.bytes', message: 'not base64' }]);
      await inspectFile(bytes);
      scanSha256 = writeAttachment(ctx.dataDir, bytes);
    }
    db.transaction(() => {
      const act = recordAct(db, { ...input, scanSha256 }, caller!, ctx.now());
      // The akimat's resolution is the result (001 Рег.3 п.3): no second decision by the executor.
      if (act.kind === 'akimatResolution') resultFromAct(db, act, caller!, ctx.now(), ctx.gateway.mode === 'training');
    })();
    return chainView(db, input.requestId, ctx.now());
  },
};
