import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger, testCore } from './testing';
import { ASSET_FILES, assetsDir, openResources } from './resources';
import { renderReceipt } from './print/receipt';
import { SAMPLE_RECEIPT } from './print/sample';

const repoAssets = path.resolve(__dirname, '..', '..', 'assets');

describe('the resource resolver', () => {
  it("finds the repository's assets without a resourcesPath, whatever the working directory", () => {
    const before = process.cwd();
    process.chdir(os.tmpdir());
    try {
      const resources = openResources(assetsDir());
      expect(resources.dir).toBe(repoAssets);
      expect(resources.missing).toEqual([]);
      expect(resources.fonts().regular).toBe(path.join(repoAssets, 'fonts', 'DejaVuSans.ttf'));
    } finally {
      process.chdir(before);
    }
  });

  it("uses <resourcesPath>/assets for an installed app and renders a receipt from there", async () => {
    const resourcesPath = mkdtempSync(path.join(os.tmpdir(), 'arm-resources-'));
    for (const relative of Object.values(ASSET_FILES)) {
      mkdirSync(path.dirname(path.join(resourcesPath, 'assets', relative)), { recursive: true });
      copyFileSync(path.join(repoAssets, relative), path.join(resourcesPath, 'assets', relative));
    }
    const resources = openResources(assetsDir(resourcesPath));
    expect(resources.missing).toEqual([]);
    expect(resources.fonts().bold).toBe(path.join(resourcesPath, 'assets', 'fonts', 'DejaVuSans-Bold.ttf'));
    const pdf = await renderReceipt(SAMPLE_RECEIPT, 'kk', resources.fonts());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('DejaVuSans');
  });

  it('names the missing files and refuses to give fonts with RESOURCES_MISSING, without throwing on open', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'arm-resources-empty-'));
    const resources = openResources(assetsDir(empty));
    expect(resources.missing).toEqual(Object.values(ASSET_FILES));
    expect(() => resources.fonts()).toThrow(expect.objectContaining({ code: 'RESOURCES_MISSING' }));
  });

  it('lets the core start without its fonts, logging which are missing', async () => {
    const log = memoryLogger();
    const t = testCore({ resourcesPath: mkdtempSync(path.join(os.tmpdir(), 'arm-res-')), log });
    await expect(t.window().system.health()).resolves.toMatchObject({ status: 'ok' });
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'resources.missing' }));
  });
});
