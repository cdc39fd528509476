import { existsSync } from 'node:fs';
import path from 'node:path';
import { ArmError, contract } from '../../shared/api';
import type { CoreContext, GatewayConfig } from './context';
import { openDatabase, readHeader } from './db/database';
import { SessionStore } from './auth/sessions';
import { createDispatch, type Dispatch } from './dispatch';
import { ATTACHMENTS_DIR, readAttachment, sealPlainAttachments, useAttachmentKey } from './documents/store';
import { lockFolder, privateDir, privateFile, removeTemporaryFiles } from './folder';
import { deriveKey, KEY_FILE, keyFileProtector, loadMasterKey, type KeyProtector } from './vault/masterKey';
import { recoverRestore } from './backup/backup';
import { runScheduledBackup } from './backup/handlers';
import { runScheduledPurge } from './retention/handlers';
import { createGatewayClient } from './gateway/client';
import { pullInbox, inboxesConfigured } from './inbox/pull';
import { createSync } from './outbox/outbox';
import { createScheduler } from './sync/scheduler';
import { anchorAudit } from './audit/anchor';
import { createHandlers } from './handlers';
import { readSetting } from './settings/store';
import { refreshTrust } from './signing/trust';
import { putInForce } from './refdata/store';
import { refreshReference } from './refdata/refresh';
import { nodeCrypto } from './crypto/node';
import type { CryptoProvider } from '../../shared/crypto';
import { seedTrainingAccounts } from './training/accounts';
import { enrollTrainingMachine } from './training/enroll';
import { clockTrust, recordGatewayTime } from './workstation/clock';
import { machineIdentity, markEnrolled } from './workstation/machine';
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
  /**
   * Who protects the master key: Electron passes the OS store (safeStorage), the web host and
   * tests the key file (the default). Null: no encryption at rest (only a test that says so).
   */
  keyProtector?: KeyProtector | (() => KeyProtector) | null;
  /** Where the sealed master key lies; default <dataDir>/arm.key. */
  keyFile?: string;
  /** How often the backup schedule and the retention purge are checked; 0 never (tests). */
  dataCareIntervalMs?: number;
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

type StartError = NonNullable<SystemState['startError']>;
const START_ERRORS = new Set<string>(['DB_CORRUPT', 'DB_TOO_NEW', 'DB_READONLY', 'KEY_UNREADABLE', 'KEY_STORE_UNAVAILABLE']);

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
  const dbFile = path.join(options.dataDir, DATABASE_FILE);
  const keys: CoreContext['keys'] = { database: null, attachments: null };
  const given = options.keyProtector === undefined ? keyFileProtector : options.keyProtector;
  const keyFile = options.keyFile ?? path.join(options.dataDir, KEY_FILE);
  /** Loads or makes the master key and derives the data keys (once); ArmError when it cannot. */
  const unlock = (): CoreContext['keys'] => {
    if (keys.database) return keys;
    // A factory runs here so an OS store that is missing becomes system.health's reason, not a crash.
    const protector = typeof given === 'function' ? given() : given;
    if (!protector) return keys;
    const master = loadMasterKey(keyFile, protector);
    state.atRest = { encrypted: true, protection: master.protection };
    if (master.protection !== 'os') log.warn('vault.key_weakly_protected', { protection: master.protection });
    keys.database = deriveKey(master.key, 'database');
    keys.attachments = deriveKey(master.key, 'attachments');
    useAttachmentKey(options.dataDir, keys.attachments);
    return keys;
  };
  const state: SystemState = { startError: null, atRest: { encrypted: false, protection: null }, databaseFile: dbFile, unlock };
  let db = null;
  try {
    // A restore killed before it was confirmed: the data it had set aside comes back first.
    if (recoverRestore(options.dataDir, dbFile) === 'rolledBack') log.warn('backup.restore_rolled_back');
    // A file SQLite cannot read and no key file: damaged, or encrypted under a key that is gone;
    // either way only a backup helps, and a new key made now would help nobody.
    if (given && !existsSync(keyFile) && readHeader(dbFile).kind === 'other') {
      throw new ArmError('DB_CORRUPT', 'The database cannot be read and this folder has no key file for it.');
    }
    unlock();
    // A folder this process opened with encryption before (tests) keeps no stale scans' key.
    if (!keys.attachments) useAttachmentKey(options.dataDir, null);
    if (keys.attachments) {
      const sealed = sealPlainAttachments(options.dataDir, keys.attachments);
      if (sealed > 0) log.info('vault.attachments_sealed', { count: sealed });
    }
    privateFile(dbFile);
    db = openDatabase(dbFile, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      key: keys.database,
    });
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    log.error('db.open_failed', { code: error.code, message: error.message });
    state.startError = START_ERRORS.has(error.code) ? (error.code as StartError) : 'DB_UNAVAILABLE';
  }
  const resources = openResources(assetsDir(options.resourcesPath));
  // The app keeps working without its fonts; only printing refuses (RESOURCES_MISSING).
  if (resources.missing.length > 0) log.error('resources.missing', { dir: resources.dir, files: resources.missing });
  // Settings come first: what the rest of the core starts with (the gateway) is decided by them.
  const gateway = gatewayConfig(options, db ? readSetting(db, 'gateway.url') : null);
  const now = options.now ?? (() => new Date());
  const crypto = options.crypto ?? nodeCrypto();
  // This workstation's machine key signs every gateway call (issue 16); the gateway's clock that
  // comes back with each answer is kept for clock trust (issue 14).
  const machine = db ? machineIdentity(db, crypto, now()) : null;
  // The reference data applied earlier is in force from the start: the calendar and catalog the gateway last sent.
  if (db) putInForce(db);
  if (db) {
    const clock = clockTrust(db, now());
    if (clock.problem === 'backwards') log.warn('clock.backwards', { lastGatewayTime: clock.checkedAt });
  }
  const observe = ({ gatewayTime, localTime, status, signed }: { gatewayTime: Date | null; localTime: Date; status: number; signed: boolean }) => {
    if (!db?.open) return;
    try {
      if (gatewayTime) recordGatewayTime(db, gatewayTime, localTime);
      if (signed && ((status >= 200 && status < 300) || status === 304)) markEnrolled(db, localTime);
    } catch (error) {
      log.warn('clock.record_failed', { error: String(error) });
    }
  };
  const gatewayClient = gateway.url
    ? createGatewayClient({
        url: gateway.url,
        clientVersion: options.appVersion,
        now,
        observe,
        ...(machine ? { machine } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : null;
  const sync =
    db && gatewayClient ? createSync({ db, client: gatewayClient, readAttachment: (sha256) => readAttachment(options.dataDir, sha256), now, log, crypto }) : null;
  const context: CoreContext = {
    appVersion: options.appVersion,
    dataDir: options.dataDir,
    db,
    gateway,
    gatewayClient,
    sync,
    scheduler: null,
    log,
    crypto,
    resources,
    updates: options.updates ?? null,
    fetch: options.fetch ?? fetch,
    now,
    keys,
  };
  const interval = options.syncIntervalMs ?? 30_000;
  // Sync runs itself (sync/scheduler.ts): the outbox, the inbox (when this workstation has an
  // organisation or a centre), the audit anchor, and the roots and the CRL — so a workstation that goes offline
  // later still signs against the latest list it saw (signing/trust.ts).
  const scheduler =
    db && gatewayClient && sync
      ? createScheduler(
          [
            { name: 'outbox', everyMs: interval, run: () => sync.run() },
            {
              name: 'inbox',
              everyMs: interval,
              run: async () => {
                if (inboxesConfigured(db)) await pullInbox({ db, client: gatewayClient, dataDir: options.dataDir, now, log, crypto });
              },
            },
            // Roots, CRL and reference data change on the CA's and the ministries' schedule (hours,
            // days), and online each signature's key is asked by OCSP anyway: every ten periods (5 min)
            // keeps thousands of counters from asking the gateway twice a minute; "sync now" runs them at once.
            { name: 'trust', everyMs: interval * 10, run: () => refreshTrust(db, gatewayClient, now()) },
            // Signed reference data (refdata/refresh.ts): catalog, calendar, organisations, heads' certificates, limits.
            { name: 'refdata', everyMs: interval * 10, run: () => refreshReference({ db, client: gatewayClient, now, crypto, log }) },
            // The audit chain's head to the gateway (audit/anchor.ts): a chain cut short later is caught.
            { name: 'audit', everyMs: interval, run: () => anchorAudit({ db, client: gatewayClient, now }) },
          ],
          { now, onError: (job, error) => log.warn('sync.job_failed', { job, error: error instanceof ArmError ? error.code : String(error) }) },
        )
      : null;
  context.scheduler = scheduler;
  const startSync = () => {
    if (scheduler && interval > 0) {
      scheduler.start();
      // The roots and CRLs first: the reference data is checked against them.
      void scheduler.runNow('trust').then(() => scheduler.runNow('refdata'));
    }
  };
  // Data care runs by itself: a backup when the schedule says so, the retention purge once a day.
  const careInterval = options.dataCareIntervalMs ?? 60_000;
  const careTimer =
    db && careInterval > 0
      ? setInterval(() => {
          try {
            runScheduledBackup(context);
            runScheduledPurge(context);
          } catch (error) {
            log.error('datacare.failed', { code: error instanceof ArmError ? error.code : 'INTERNAL' });
          }
        }, careInterval)
      : null;
  careTimer?.unref();
  const sessions = new SessionStore();
  const ready =
    db && gateway.mode === 'training'
      ? seedTrainingAccounts(db, now())
          .then((created) => {
            if (created > 0) log.info('training.accounts_created', { count: created });
          })
          // Sync starts once this machine is enrolled at the training emulator, so its first calls are answered.
          .then(() => (machine ? enrollTrainingMachine(context, machine) : undefined))
          .catch((error: unknown) => log.error('training.enroll_failed', { error: error instanceof Error ? error.message : String(error) }))
          .finally(startSync)
      : Promise.resolve(startSync());
  return {
    ready,
    dispatch: createDispatch(contract, createHandlers(state), context, sessions),
    context,
    sessions,
    close: () => {
      scheduler?.stop();
      if (careTimer) clearInterval(careTimer);
      context.db?.close();
      void ownLog?.close();
      lock.release();
    },
  };
}
