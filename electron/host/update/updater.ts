import { load } from 'js-yaml';
import type { UpdateStatus } from '../../../shared/api';
import { updateUrlSchema } from '../../../shared/api/update';
import type { Logger } from '../../core/log';
import type { UpdateService } from '../../core/update/service';
import { metadataSignatureValid, SIGNATURE_SUFFIX } from './signature';
import type { UpdatePolicy } from './policy';

// electron-updater with the generic provider (an HTTPS server, a LAN one is fine), driven so that
// nothing is downloaded before the metadata is checked against our update key, and nothing is
// installed without the supervisor (core/update/handlers.ts gates on the outbox). main.ts gives
// it the real autoUpdater; tests give a fake.

interface UpdateFile {
  url: string;
  sha512: string;
}
interface UpdateInfo {
  version: string;
  files: UpdateFile[];
}

/** The part of electron-updater's AppUpdater this module drives. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ updateInfo: UpdateInfo; isUpdateAvailable?: boolean } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

type Status = Omit<UpdateStatus, 'outboxPending'>;

/** electron-updater's metadata file for this platform (what the generic provider fetches). */
export function channelFile(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
}

const sameFiles = (signed: UpdateFile[], offered: UpdateFile[]) =>
  signed.length === offered.length && signed.every((file, index) => file.url === offered[index]?.url && file.sha512 === offered[index]?.sha512);

export function createUpdateService(options: {
  updater: AutoUpdaterLike;
  currentVersion: string;
  /** From the settings (flags and ARM_UPDATE_URL override); null: none configured. */
  url: string | null;
  /** Our update key; null when this build carries none. */
  publicKeyPem: string | null;
  policy: UpdatePolicy;
  fetch?: typeof fetch;
  platform?: NodeJS.Platform;
  arch?: string;
  log: Logger;
}): UpdateService {
  const { updater, log } = options;
  const fetchFn = options.fetch ?? fetch;
  const current = options.currentVersion;
  const urlOk = options.url !== null && updateUrlSchema.safeParse(options.url).success;
  let status: Status = !options.policy.updates
    ? { state: 'off', reason: 'policy', current }
    : !options.url
      ? { state: 'off', reason: 'noUrl', current }
      : !options.publicKeyPem
        ? { state: 'off', reason: 'noKey', current }
        : urlOk
          ? { state: 'idle', current }
          : { state: 'failed', failure: 'UPDATE_URL_INVALID', current };
  if (status.state === 'idle') {
    updater.autoDownload = false;
    // Never silent: an update is installed when the supervisor asks, never on quit by itself.
    updater.autoInstallOnAppQuit = false;
    updater.setFeedURL({ provider: 'generic', url: options.url! });
  }
  const base = (options.url ?? '').replace(/\/?$/, '/');

  async function signedInfo(): Promise<UpdateInfo | 'unreachable' | 'invalid'> {
    const file = channelFile(options.platform, options.arch);
    try {
      const [metadata, signature] = await Promise.all(
        [file, file + SIGNATURE_SUFFIX].map(async (name) => {
          const response = await fetchFn(new URL(name, base), { signal: AbortSignal.timeout(30_000) });
          return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
        }),
      );
      if (!metadata) return 'unreachable';
      if (!signature || !metadataSignatureValid(metadata, signature.toString('utf8'), options.publicKeyPem!)) return 'invalid';
      const info = load(metadata.toString('utf8')) as Partial<UpdateInfo> | null;
      return info && typeof info.version === 'string' && Array.isArray(info.files) ? (info as UpdateInfo) : 'invalid';
    } catch {
      return 'unreachable';
    }
  }

  const fail = (failure: NonNullable<Status['failure']>, fields: Record<string, unknown> = {}): Status => {
    log.warn('update.failed', { failure, ...fields });
    return (status = { state: 'failed', failure, current, ...(status.available ? { available: status.available } : {}) });
  };

  async function check(): Promise<Status> {
    if (status.state === 'off' || status.failure === 'UPDATE_URL_INVALID' || status.state === 'downloading' || status.state === 'ready') return status;
    status = { state: 'checking', current };
    let offered: Awaited<ReturnType<AutoUpdaterLike['checkForUpdates']>>;
    try {
      offered = await updater.checkForUpdates();
    } catch {
      return fail('UPDATE_UNREACHABLE');
    }
    if (!offered || offered.isUpdateAvailable === false || offered.updateInfo.version === current) return (status = { state: 'idle', current });
    const version = offered.updateInfo.version;
    // Checked before anything is downloaded: the signed metadata must be exactly what was offered.
    const signed = await signedInfo();
    if (signed === 'unreachable') return fail('UPDATE_UNREACHABLE');
    if (signed === 'invalid' || signed.version !== version || !sameFiles(signed.files, offered.updateInfo.files)) return fail('UPDATE_SIGNATURE_INVALID', { version });
    status = { state: 'downloading', current, available: version };
    try {
      await updater.downloadUpdate();
    } catch (error) {
      // A full disk (ENOSPC) or a dropped connection: the running version keeps working.
      return fail('UPDATE_DOWNLOAD_FAILED', { version, error: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    }
    log.info('update.ready', { version });
    return (status = { state: 'ready', current, available: version });
  }

  return {
    status: () => status,
    check,
    install: () => {
      log.info('update.install', { version: status.available ?? null });
      // isSilent false: the installer shows itself (and asks for rights on a per-machine install).
      updater.quitAndInstall(false, true);
    },
  };
}
