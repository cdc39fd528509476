import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ArmError, contract } from '../../shared/api';
import type { CoreContext, GatewayConfig } from './context';
import { openDatabase } from './db/database';
import { SessionStore } from './auth/sessions';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createLogger, type Logger } from './log';
import type { SystemState } from './system/handlers';

export interface CoreOptions {
  appVersion: string;
  dataDir: string;
  gatewayUrl?: string | null;
  /** The bundled emulator was started for this session (training mode). */
  training?: boolean;
  nativeBinding?: string;
  log?: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface Core {
  dispatch: Dispatch;
  context: CoreContext;
  /** Who is signed in in which window. */
  sessions: SessionStore;
  close(): void;
}

export const DATABASE_FILE = 'arm.sqlite';

function gatewayConfig(options: CoreOptions): GatewayConfig {
  const url = options.gatewayUrl ?? null;
  if (!url) return { mode: 'none', url: null };
  return { mode: options.training ? 'training' : 'live', url };
}

/**
 * Opens the data folder and the database and builds the dispatcher. A damaged or newer database
 * does not stop the host: the core starts without it and system.health says why.
 */
export function startCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? createLogger(options.dataDir);
  const state: SystemState = { startError: null };
  let db = null;
  try {
    db = openDatabase(path.join(options.dataDir, DATABASE_FILE), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    log.error('db.open_failed', { code: error.code, message: error.message });
    state.startError = error.code === 'DB_TOO_NEW' || error.code === 'DB_CORRUPT' ? error.code : 'DB_UNAVAILABLE';
  }
  const context: CoreContext = {
    appVersion: options.appVersion,
    dataDir: options.dataDir,
    db,
    gateway: gatewayConfig(options),
    log,
    fetch: options.fetch ?? fetch,
    now: options.now ?? (() => new Date()),
  };
  const sessions = new SessionStore();
  return {
    dispatch: createDispatch(contract, createHandlers(state), context, sessions),
    context,
    sessions,
    close: () => context.db?.close(),
  };
}
