import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../testing';
import { takeFolderPages } from './scanFolder';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082', 'hex');
const fast = { pollMs: 20, waitMs: 600, settleMs: 0 };
const folder = () => mkdtempSync(path.join(os.tmpdir(), 'arm-scan-folder-'));

describe('the watched scan folder', () => {
  it('takes the settled files as pages, oldest name first, and moves them to taken/ once stored', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'scan-002.png'), PNG);
    writeFileSync(path.join(dir, 'scan-001.png'), PNG);
    writeFileSync(path.join(dir, '.DS_Store'), 'x');
    writeFileSync(path.join(dir, 'scan-003.png.tmp'), 'half');
    const taken = await takeFolderPages(dir, fast);
    expect(taken.pages.map((page) => [page.name, Buffer.from(page.bytes).equals(PNG)])).toEqual([
      ['scan-001.png', true],
      ['scan-002.png', true],
    ]);
    expect(readdirSync(dir).sort()).toContain('scan-001.png');
    taken.done();
    expect(readdirSync(dir).sort()).toEqual(['.DS_Store', 'scan-003.png.tmp', 'taken']);
    expect(readdirSync(path.join(dir, 'taken'))).toHaveLength(2);
  });

  it('waits for a file the MFP is still writing, and for one that arrives later', async () => {
    const dir = folder();
    // The MFP writes 4 bytes every 5 ms: the size moves between every two looks until it is done.
    let written = 0;
    writeFileSync(path.join(dir, 'page.png'), '');
    const growing = setInterval(() => {
      appendFileSync(path.join(dir, 'page.png'), PNG.subarray(written, written + 4));
      written += 4;
      if (written >= PNG.length) clearInterval(growing);
    }, 5);
    const taken = await takeFolderPages(dir, { pollMs: 20, waitMs: 5000, settleMs: 200 });
    expect(Buffer.from(taken.pages[0]!.bytes).equals(PNG)).toBe(true);

    const empty = folder();
    setTimeout(() => writeFileSync(path.join(empty, 'late.png'), PNG), 100);
    await expect(takeFolderPages(empty, { pollMs: 20, waitMs: 3000, settleMs: 0 })).resolves.toMatchObject({ pages: [{ name: 'late.png' }] });
  });

  it('refuses an empty file past the wait and a file that is not a scan, taking nothing', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'empty.png'), '');
    expect(await codeOf(takeFolderPages(dir, fast))).toBe('FILE_EMPTY');
    expect(readdirSync(dir)).toEqual(['empty.png']);

    const bad = folder();
    writeFileSync(path.join(bad, 'virus.png'), 'MZ this is an executable');
    expect(await codeOf(takeFolderPages(bad, fast))).toBe('FILE_TYPE');
    expect(readdirSync(bad)).toEqual(['refused']);
  });

  it('says so when nothing arrives, when the folder is gone (also mid-wait) or not a full path', async () => {
    expect(await codeOf(takeFolderPages(folder(), fast))).toBe('SCAN_FOLDER_EMPTY');
    // An MFP that never finishes its file: said so, and the half-written file is left where it is.
    const busy = folder();
    const writer = setInterval(() => appendFileSync(path.join(busy, 'page.png'), 'x'), 5);
    try {
      expect(await codeOf(takeFolderPages(busy, { pollMs: 20, waitMs: 300, settleMs: 100 }))).toBe('SCAN_FOLDER_WRITING');
    } finally {
      clearInterval(writer);
    }
    expect(readdirSync(busy)).toEqual(['page.png']);
    expect(await codeOf(takeFolderPages(path.join(os.tmpdir(), 'arm-no-such-folder'), fast))).toBe('SCANNER_NOT_FOUND');
    expect(await codeOf(takeFolderPages('relative/scans', fast))).toBe('VALIDATION_FAILED');
    const vanishing = folder();
    setTimeout(() => rmSync(vanishing, { recursive: true }), 60);
    expect(await codeOf(takeFolderPages(vanishing, { pollMs: 20, waitMs: 2000, settleMs: 0 }))).toBe('SCANNER_NOT_FOUND');
    expect(existsSync(vanishing)).toBe(false);
  });
});
