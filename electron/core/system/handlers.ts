import { kzCalendarYears } from '../../../shared/calendar/calendar';
import type { Contract } from '../../../shared/api';
import { schemaVersion } from '../db/database';
import type { CoreContext } from '../context';
import { logDir } from '../log';
import type { Handlers } from '../handler';
import type { SystemState } from './state';

export type { SystemState } from './state';


async function gatewayReachable(ctx: CoreContext): Promise<boolean> {
  if (!ctx.gatewayClient) return false;
  try {
    await ctx.gatewayClient.health({}, { timeoutMs: 2000 });
    return true;
  } catch {
    return false;
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
      gateway: { mode: ctx.gateway.mode, reachable: await gatewayReachable(ctx) },
      atRest: state.atRest,
    }),
    info: (_input, ctx) => ({
      appVersion: ctx.appVersion,
      dataDir: ctx.dataDir,
      logDir: logDir(ctx.dataDir),
      workstationId: workstationId(ctx),
      schemaVersion: ctx.db ? schemaVersion(ctx.db) : 0,
      gateway: { mode: ctx.gateway.mode, url: ctx.gateway.url },
      calendar: kzCalendarYears,
    }),
  };
}
