import { ArmError, updateUrlSchema, type Connections, type Contract } from '../../../shared/api';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { readSetting, writeSettings } from '../settings/store';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http to this computer only; no credentials in it. */
function secureUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) && !url.username && !url.password;
  } catch {
    return false;
  }
}

async function answers(ctx: CoreContext, url: string): Promise<boolean> {
  try {
    const response = await ctx.fetch(new URL('health', url.replace(/\/?$/, '/')), { signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

function connections(ctx: CoreContext): Connections {
  const db = requireDb(ctx);
  return { gatewayUrl: readSetting(db, 'gateway.url'), updatesUrl: readSetting(db, 'updates.url'), activeGatewayUrl: ctx.gateway.url, organisationBin: readSetting(db, 'workstation.bin') };
}

export const workstationHandlers: Handlers<Contract>['workstation'] = {
  connections: (_input, ctx) => connections(ctx),
  // Checked before anything is written: a refused URL leaves the stored ones as they were.
  setConnections: async ({ gatewayUrl, updatesUrl, organisationBin }, ctx, { caller }) => {
    const db = requireDb(ctx);
    const gateway = gatewayUrl || null;
    const updates = updatesUrl || null;
    if (gateway !== null && !secureUrl(gateway)) throw new ArmError('GATEWAY_URL_INVALID', 'The gateway URL must be https (http on loopback only).');
    if (updates !== null && !updateUrlSchema.safeParse(updates).success) throw new ArmError('UPDATE_URL_INVALID', 'The update URL must be https (http on loopback only).');
    if (gateway !== null && gateway !== readSetting(db, 'gateway.url') && !(await answers(ctx, gateway))) {
      throw new ArmError('GATEWAY_URL_UNREACHABLE', 'The gateway does not answer at that URL.');
    }
    writeSettings(db, { 'gateway.url': gateway, 'updates.url': updates, 'workstation.bin': organisationBin }, { userId: caller!.userId }, ctx.now());
    return connections(ctx);
  },
};
