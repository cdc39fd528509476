import type { Db } from '../db/database';
import { readSetting, writeSettings } from '../settings/store';
import { requireFolder, takeFolderPages, type FolderOptions } from './scanFolder';
import { listScanners, scanPage, type Scanner } from './scanner';
import { listWia, scanWia, spawnRunner, type Runner } from './wia';

// One scanner interface over three sources, told apart by the device name: SANE devices as
// scanimage names them (Linux), `wia:<id>` (Windows Image Acquisition through PowerShell) and
// `folder:<path>` (a folder an MFP scans to, any OS). The workstation remembers its choice.

const FOLDER = 'folder:';
const WIA = 'wia:';

export interface SourceOptions {
  runner?: Runner;
  platform?: NodeJS.Platform;
  folder?: FolderOptions;
  /** Training mode: the SANE test device is listed without ARM_SANE_TEST_DEVICE. */
  training?: boolean;
}

export function rememberedScanner(db: Db): string | null {
  return readSetting(db, 'documents.scanner');
}

/** Remembers this workstation's scanner (audited by the settings store); a folder must exist now. */
export function rememberScanner(db: Db, device: string, by: { userId: string }, now: Date): void {
  if (device.startsWith(FOLDER)) requireFolder(device.slice(FOLDER.length));
  writeSettings(db, { 'documents.scanner': device }, by, now);
}

export async function allScanners(db: Db, options: SourceOptions = {}): Promise<Scanner[]> {
  const platform = options.platform ?? process.platform;
  const wia = platform === 'win32' ? await listWia(options.runner ?? spawnRunner).catch(() => []) : [];
  const remembered = rememberedScanner(db);
  const folder = remembered?.startsWith(FOLDER) ? [{ device: remembered, description: remembered.slice(FOLDER.length) }] : [];
  return [...folder, ...wia, ...(await listScanners(options.training ? { ...process.env, ARM_SANE_TEST_DEVICE: '1' } : process.env))];
}

/** The pages one press of "Scan" brings; `done` runs after they are stored. */
export async function scanPages(device: string, scan: { resolution: number; mode: 'Color' | 'Gray' }, options: SourceOptions = {}): Promise<{ pages: Uint8Array[]; done(): void }> {
  if (device.startsWith(FOLDER)) {
    const taken = await takeFolderPages(device.slice(FOLDER.length), options.folder);
    return { pages: taken.pages.map((page) => page.bytes), done: taken.done };
  }
  if (device.startsWith(WIA)) return { pages: [await scanWia(options.runner ?? spawnRunner, device.slice(WIA.length), scan)], done: () => undefined };
  return { pages: [await scanPage(device, scan)], done: () => undefined };
}
