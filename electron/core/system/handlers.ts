import { kzCalendarYears } from '../../../shared/calendar/calendar';
import { ArmError, type Contract } from '../../../shared/api';
import { schemaVersion } from '../db/database';
import type { CoreContext } from '../context';
import { logDir } from '../log';
import type { Handlers } from '../handler';
import type { SystemState } from './state';

export type { SystemState } from './state';


/** Does the gateway answer, and if it answers with a refusal of this АРМ (its version floor), which. */
async function gatewayStatus(ctx: CoreContext): Promise<{ reachable: boolean; refusal?: 'CLIENT_TOO_OLD' }> {
  if (!ctx.gatewayClient) return { reachable: false };
  try {
    await ctx.gatewayClient.health({}, { timeoutMs: 2000 });
    return { reachable: true };
  } catch (error) {
    return error instanceof ArmError && error.code === 'CLIENT_TOO_OLD' ? { reachable: false, refusal: 'CLIENT_TOO_OLD' } : { reachable: false };
  }
}

function workstationId(ctx: CoreContext): string {
  const row = ctx.db?.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined;
  return row?.value ?? '';
}

export function systemHandlers(state: SystemState): Handlers<Contract>['system'] {
  return {
    health: async (_input, ctx) => ({
      status: state.startError ? 'failed' : 'ok',
      ...(state.startError ? { error: state.startError } : {}),
      schemaVersion: ctx.db ? schemaVersion(ctx.db) : 0,
      gateway: { mode: ctx.gateway.mode, ...(await gatewayStatus(ctx)) },
      atRest: state.atRest,
    }),
    info: (_input, ctx) => ({
      appVersion: ctx.appVersion,
      dataDir: ctx.dataDir,
      logDir: logDir(ctx.dataDir),
      workstationId: workstationId(ctx),
      schemaVersion: ctx.db ? schemaVersion(ctx.db) : 0,
      gateway: { mode: ctx.gateway.mode, url: ctx.gateway.url },
      calendar: kzCalendarYears(),
    }),
  };
}
