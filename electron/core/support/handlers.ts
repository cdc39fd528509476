import type { Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { supportBundle } from './bundle';

export const supportHandlers: Handlers<Contract>['support'] = {
  bundle: (_input, ctx, { caller }) => {
    const db = requireDb(ctx);
    const secrets = [ctx.keys.database, ctx.keys.attachments].flatMap((key) => (key ? [key.toString('hex'), key.toString('base64')] : []));
    const { fileName, zip } = supportBundle({ db, dataDir: ctx.dataDir, appVersion: ctx.appVersion, now: ctx.now(), secrets });
    appendAudit(db, { userId: caller!.userId, action: 'support.bundle', details: { bytes: zip.length } }, ctx.now());
    return { fileName, base64: Buffer.from(zip).toString('base64') };
  },
};
