import { ArmError } from '../../shared/api';
import type { CryptoProvider } from '../../shared/crypto';
import type { Db } from './db/database';
import type { GatewayClient } from './gateway/client';
import type { Logger } from './log';
import type { Sync } from './outbox/outbox';
import type { Resources } from './resources';
import type { UpdateService } from './update/service';

export type GatewayMode = 'none' | 'training' | 'live';

export interface GatewayConfig {
  mode: GatewayMode;
  url: string | null;
}

/** What every handler may use. The db is null when the core could not open it (see startError). */
export interface CoreContext {
  appVersion: string;
  dataDir: string;
  db: Db | null;
  gateway: GatewayConfig;
  /** Null when no gateway is configured: look-ups answer GATEWAY_UNAVAILABLE, the outbox waits. */
  gatewayClient: GatewayClient | null;
  sync: Sync | null;
  log: Logger;
  /** The one crypto provider (shared/crypto): Node's algorithms, and GOST once registered. */
  crypto: CryptoProvider;
  /** Fonts and other assets, from the repo or the installed app's resources folder. */
  resources: Resources;
  /** The installed app's updater (Electron host only); null elsewhere. */
  updates: UpdateService | null;
  fetch: typeof fetch;
  /** The clock: lockouts, idle locks and audit times read it, tests move it. */
  now: () => Date;
}

/** Handlers that need the database call this; the renderer already shows why it is missing. */
export function requireDb(ctx: CoreContext): Db {
  if (!ctx.db) throw new ArmError('DB_UNAVAILABLE', 'The local database is not open.');
  return ctx.db;
}

export function requireGateway(ctx: CoreContext): GatewayClient {
  if (!ctx.gatewayClient) throw new ArmError('GATEWAY_UNAVAILABLE', 'No gateway is configured on this workstation.');
  return ctx.gatewayClient;
}
