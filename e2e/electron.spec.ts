import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { catalogs, flatten } from '../shared/i18n';
import { expect, test } from './host';

const electronDir = path.join(process.cwd(), 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const present = binary !== null && existsSync(binary);

test('the Electron app opens the shell with the sandboxed preload', async () => {
  if (!present) console.log('Electron e2e skipped: the Electron binary is absent here (node_modules/electron has no dist).');
  test.skip(!present, 'Electron binary absent: the web host e2e tests cover the renderer here');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--data-dir', dataDir] });
  try {
    const window = await app.firstWindow();
    const ru = flatten(catalogs.ru);
    await expect(window.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { armBridge: object }).armBridge))).toEqual(['invoke']);
  } finally {
    await app.close();
  }
});
