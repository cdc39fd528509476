import { ArmError, updateUrlSchema, type Connections, type Contract } from '../../../shared/api';
import { requireDb, type CoreContext } from '../context';
import type { Handlers } from '../handler';
import { readSetting, writeSettings } from '../settings/store';
import { currentCatalog } from '../../../shared/catalog/catalog';
import { mobileCentreAllowed } from '../../../shared/catalog/reach';

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
  mobileCentre: (_input, ctx) => readSetting(requireDb(ctx), 'workstation.mobileCentre'),
  // A mobile centre only where a regulation of its district names mobile centres (000 п.1 «допускается
  // оказание государственных услуг через Мобильные центры», 004 §1); 003 (Kokpekty) names none.
  setMobileCentre: async ({ mobileCentre }, ctx, { caller }) => {
    const db = requireDb(ctx);
    if (mobileCentre) {
      const variants = currentCatalog().services.flatMap((service) => service.variants);
      if (!mobileCentreAllowed(variants, mobileCentre.district)) {
        throw new ArmError('MOBILE_CENTRE_NOT_ALLOWED', `No regulation in force in ${mobileCentre.district} names mobile centres.`, [{ path: 'mobileCentre.district', message: 'no mobile centres' }]);
      }
      // As for the counter's centre: checked against the directory when the gateway answers.
      if (ctx.gatewayClient) {
        try {
          const organisation = await ctx.gatewayClient.organisation({ code: mobileCentre.code });
          if (organisation.kind !== 'centre' || organisation.district !== mobileCentre.district) {
            throw new ArmError('ORGANISATION_NOT_FOUND', `${mobileCentre.code} is not a centre of ${mobileCentre.district}.`);
          }
        } catch (error) {
          if (!(error instanceof ArmError) || error.code !== 'GATEWAY_UNAVAILABLE') throw error;
        }
      }
    }
    writeSettings(db, { 'workstation.mobileCentre': mobileCentre }, { userId: caller!.userId }, ctx.now());
    return readSetting(db, 'workstation.mobileCentre');
  },
};
