import path from 'node:path';
import { ArmError, contract } from '../../shared/api';
import type { CoreContext, GatewayConfig } from './context';
import { openDatabase } from './db/database';
import { SessionStore } from './auth/sessions';
import { createDispatch, type Dispatch } from './dispatch';
import { ATTACHMENTS_DIR, readAttachment } from './documents/store';
import { lockFolder, privateDir, privateFile, removeTemporaryFiles } from './folder';
import { createGatewayClient } from './gateway/client';
import { createSync } from './outbox/outbox';
import { createHandlers } from './handlers';
import { readSetting } from './settings/store';
import { refreshTrust } from './signing/trust';
import { nodeCrypto } from './crypto/node';
import type { CryptoProvider } from '../../shared/crypto';
import { seedTrainingAccounts } from './training/accounts';
import { createLogger, type Logger } from './log';
import { assetsDir, openResources } from './resources';
import type { UpdateService } from './update/service';
import type { SystemState } from './system/handlers';

export interface CoreOptions {
  appVersion: string;
  dataDir: string;
  /** From --gateway or ARM_GATEWAY_URL: overrides the stored setting `gateway.url` for this run. */
  gatewayUrl?: string | null;
  /** The bundled emulator was started for this session (training mode). */
  training?: boolean;
  nativeBinding?: string;
  /** Hashes, signatures, random bytes (shared/crypto); the Node implementation unless given. */
  crypto?: CryptoProvider;
  /** The installed app's resources folder (process.resourcesPath); absent: the repository's assets/. */
  resourcesPath?: string | null;
  /** The Electron host's updater; the web host has none. */
  updates?: UpdateService | null;
  log?: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
  /** How often the outbox is sent by itself; 0 only when asked (tests). */
  syncIntervalMs?: number;
}

export interface Core {
  dispatch: Dispatch;
  context: CoreContext;
  /** Who is signed in in which window. */
  sessions: SessionStore;
  /** Settles when start-up work is done (training mode: the demo accounts); hosts serve after it. */
  ready: Promise<void>;
  close(): void;
}

export const DATABASE_FILE = 'arm.sqlite';

/** The flag or environment wins over the stored setting; neither means no gateway (offline). */
function gatewayConfig(options: CoreOptions, stored: string | null): GatewayConfig {
  const url = options.gatewayUrl || stored;
  if (!url) return { mode: 'none', url: null };
  return { mode: options.training && options.gatewayUrl ? 'training' : 'live', url };
}

/**
 * Locks the data folder (DATA_DIR_IN_USE when another АРМ has it), opens it and the database and
 * builds the dispatcher. A damaged or newer database does not stop the host: the core starts
 * without it and system.health says why.
 */
export function startCore(options: CoreOptions): Core {
  privateDir(options.dataDir);
  const lock = lockFolder(options.dataDir, options.nativeBinding);
  const ownLog = options.log ? null : createLogger(options.dataDir);
  const log = options.log ?? ownLog!;
  // Under the lock no write can be under way: what an interrupted upload left is garbage.
  const leftovers = removeTemporaryFiles(path.join(options.dataDir, ATTACHMENTS_DIR));
  if (leftovers > 0) log.warn('attachments.temporary_removed', { count: leftovers });
  const state: SystemState = { startError: null };
  let db = null;
  try {
    const file = path.join(options.dataDir, DATABASE_FILE);
    privateFile(file);
    db = openDatabase(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    log.error('db.open_failed', { code: error.code, message: error.message });
    state.startError = error.code === 'DB_TOO_NEW' || error.code === 'DB_CORRUPT' ? error.code : 'DB_UNAVAILABLE';
  }
  const resources = openResources(assetsDir(options.resourcesPath));
  // The app keeps working without its fonts; only printing refuses (RESOURCES_MISSING).
  if (resources.missing.length > 0) log.error('resources.missing', { dir: resources.dir, files: resources.missing });
  // Settings come first: what the rest of the core starts with (the gateway) is decided by them.
  const gateway = gatewayConfig(options, db ? readSetting(db, 'gateway.url') : null);
  const now = options.now ?? (() => new Date());
  const gatewayClient = gateway.url ? createGatewayClient({ url: gateway.url, clientVersion: options.appVersion, ...(options.fetch ? { fetch: options.fetch } : {}) }) : null;
  const sync =
    db && gatewayClient ? createSync({ db, client: gatewayClient, readAttachment: (sha256) => readAttachment(options.dataDir, sha256), now, log }) : null;
  const context: CoreContext = {
    appVersion: options.appVersion,
    dataDir: options.dataDir,
    db,
    gateway,
    gatewayClient,
    sync,
    log,
    crypto: options.crypto ?? nodeCrypto(),
    resources,
    updates: options.updates ?? null,
    fetch: options.fetch ?? fetch,
    now,
  };
  const interval = options.syncIntervalMs ?? 30_000;
  // The roots and the CRL follow the gateway in the background too, so a workstation that goes
  // offline later still signs against the latest list it saw (signing/trust.ts).
  const followTrust = () => {
    if (db && gatewayClient) void refreshTrust(db, gatewayClient, now()).catch((error: unknown) => log.warn('trust.refresh_failed', { error: String(error) }));
  };
  if (interval > 0) followTrust();
  const timer =
    sync && interval > 0
      ? setInterval(() => {
          followTrust();
          void sync.run().catch((error: unknown) => log.error('outbox.sync_failed', { error: String(error) }));
        }, interval)
      : null;
  timer?.unref();
  const sessions = new SessionStore();
  const ready =
    db && gateway.mode === 'training'
      ? seedTrainingAccounts(db, now()).then((created) => {
          if (created > 0) log.info('training.accounts_created', { count: created });
        })
      : Promise.resolve();
  return {
    ready,
    dispatch: createDispatch(contract, createHandlers(state), context, sessions),
    context,
    sessions,
    close: () => {
      if (timer) clearInterval(timer);
      context.db?.close();
      void ownLog?.close();
      lock.release();
    },
  };
}
