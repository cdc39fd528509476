import { mkdirSync, openSync, closeSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { ArmError } from '../../../shared/api';
import { checkFile } from './files';

// A watched folder any office MFP can "scan to" (SMB share or local folder, every OS): the pages
// are the files that appear there. Polled rather than fs.watch: watch events are unreliable on
// network shares and say nothing about whether the MFP has finished writing a file.
// A file counts once it is non-empty, its size and time have not moved between two looks nor for
// settleMs, and it opens for writing (a Windows MFP service keeps it locked while writing). Read
// pages move to taken/ once stored; a file that is not a scan moves to refused/ with its error.

export interface FolderOptions {
  /** How long to wait for the MFP (ms). */
  waitMs?: number;
  pollMs?: number;
  /** How long a file must have been left untouched (ms): an MFP pauses between pages of a PDF. */
  settleMs?: number;
}

const TEMPORARY = /^(\.|~\$)|\.(tmp|part|crdownload)$/i;

interface Seen {
  size: number;
  mtimeMs: number;
}

/** The folder exists now (an absolute path: the host's working folder means nothing to an operator). */
export function requireFolder(folder: string): void {
  if (!path.isAbsolute(folder)) throw new ArmError('VALIDATION_FAILED', 'The scan folder must be a full path.', [{ path: 'device', message: 'not an absolute path' }]);
  let directory = false;
  try {
    directory = statSync(folder).isDirectory();
  } catch {
    // Missing or unreadable: the same message.
  }
  if (!directory) throw new ArmError('SCANNER_NOT_FOUND', `The scan folder ${folder} is not there (unplugged share or renamed folder).`);
}

function unlocked(file: string): boolean {
  try {
    closeSync(openSync(file, 'r+'));
    return true;
  } catch {
    return false;
  }
}

function candidates(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !TEMPORARY.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

function moveTo(folder: string, sub: string, name: string): void {
  mkdirSync(path.join(folder, sub), { recursive: true });
  renameSync(path.join(folder, name), path.join(folder, sub, `${Date.now()}-${name}`));
}

export interface FolderPages {
  pages: Array<{ name: string; bytes: Uint8Array }>;
  /** Moves the pages to taken/ (call once they are stored). */
  done(): void;
}

/**
 * Waits for the MFP's files and answers them as pages, oldest name first. Empty or half-written
 * files are waited for; past the wait, an empty one is FILE_EMPTY and nothing is taken.
 */
export async function takeFolderPages(folder: string, options: FolderOptions = {}): Promise<FolderPages> {
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const settleMs = options.settleMs ?? 2000;
  const deadline = Date.now() + waitMs;
  let previous = new Map<string, Seen>();
  for (;;) {
    requireFolder(folder);
    const names = candidates(folder);
    const seen = new Map<string, Seen>();
    for (const name of names) {
      try {
        const stat = statSync(path.join(folder, name));
        seen.set(name, { size: stat.size, mtimeMs: stat.mtimeMs });
      } catch {
        // Gone between the listing and the look (the MFP renamed it): next round.
      }
    }
    const ready = [...seen].filter(([name, now]) => {
      const before = previous.get(name);
      const untouched = Date.now() - now.mtimeMs >= settleMs;
      return now.size > 0 && before?.size === now.size && before.mtimeMs === now.mtimeMs && untouched && unlocked(path.join(folder, name));
    });
    // Every file settled: take them together (a multi-page scan is several files).
    if (ready.length > 0 && ready.length === seen.size) {
      const pages: FolderPages['pages'] = [];
      for (const [name] of ready) {
        const bytes = new Uint8Array(readFileSync(path.join(folder, name)));
        try {
          await checkFile(bytes);
        } catch (error) {
          moveTo(folder, 'refused', name);
          throw error;
        }
        pages.push({ name, bytes });
      }
      return { pages, done: () => pages.forEach((page) => moveTo(folder, 'taken', page.name)) };
    }
    if (Date.now() >= deadline) {
      if ([...seen.values()].some((file) => file.size === 0)) throw new ArmError('FILE_EMPTY', 'The MFP left an empty file in the scan folder.');
      if (seen.size) throw new ArmError('SCAN_FOLDER_WRITING', 'The MFP is still writing to the scan folder.');
      throw new ArmError('SCAN_FOLDER_EMPTY', `Nothing arrived in the scan folder within ${Math.round(waitMs / 1000)} s.`, undefined, { seconds: Math.round(waitMs / 1000) });
    }
    previous = seen;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
