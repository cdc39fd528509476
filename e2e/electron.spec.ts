import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { CORE_JS_FLAGS_SWITCH } from '../electron/core/memory';
import { DEMO_PASSWORD } from '../shared/signing/testPki';
import { ru } from './accounts';
import { expect, test } from './host';

// The desktop app itself, where Electron's binary exists (scripts/native.mjs fetches it and builds
// better-sqlite3 for its ABI): training mode as the installed app runs it (its own emulator under
// Electron's Node, data in <data-dir>-training), the demo supervisor sets the centre, the demo
// operator takes in one request and signs it. Skipped here: the binary cannot be downloaded.
const electronDir = path.join(process.cwd(), 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const present = binary !== null && existsSync(binary);
const TRAINING_PASSWORD = 'training-2026';
const MOTHER = '900412400014';

test('the Electron app in training mode: sandboxed preload, demo login, one intake signed and queued', async () => {
  if (!present) console.log('Electron e2e skipped: the Electron binary is absent here (node_modules/electron has no dist).');
  test.skip(!present, 'Electron binary absent: the web host e2e tests cover the renderer here');
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-electron-'));
  const env = { ...process.env };
  delete env.ARM_GATEWAY_URL;
  const app = await electron.launch({ executablePath: binary!, args: ['.', CORE_JS_FLAGS_SWITCH, '--data-dir', dataDir, '--training'], env: env as Record<string, string>, timeout: 120_000 });
  try {
    const window = await app.firstWindow();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { armBridge: object }).armBridge))).toEqual(['invoke']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/^АРМ ЦОН \d+\.\d+\.\d+ — УЧЕБНЫЙ РЕЖИМ$/);

    const signIn = async (login: string) => {
      await expect(window.getByRole('heading', { name: ru['login.title']! })).toBeVisible({ timeout: 120_000 });
      await window.getByLabel(ru['account.login']!).fill(login);
      await window.getByLabel(ru['login.password']!).fill(TRAINING_PASSWORD);
      await window.getByRole('button', { name: ru['login.submit']! }).click();
      await expect(window.locator('.badge-training')).toHaveText(ru['header.training']!);
    };

    await signIn('supervisor');
    await window.getByRole('link', { name: ru['nav.centre']! }).click();
    await window.getByLabel(ru['intake.centreCode']!).fill('con-kokpekty');
    await window.getByLabel(ru['intake.centreDistrict']!).fill('kokpekty');
    await window.getByRole('button', { name: ru['intake.centreSave']! }).click();
    await expect(window.getByTestId('centre-current')).toContainText('con-kokpekty');
    await window.getByRole('button', { name: ru['header.logout']! }).click();

    await signIn('operator');
    await window.getByRole('link', { name: ru['nav.intake']! }).click();
    await window.getByTestId('service-search').fill('опек справ');
    await window.locator('[data-service="guardianship-certificate"]').click();
    await window.getByLabel(ru['intake.applicantIin']!).fill(MOTHER);
    await window.getByLabel(ru['intake.applicantIin']!).press('Enter');
    await expect(window.getByTestId('applicant-step').getByTestId('person-card')).toContainText(MOTHER);
    await window.getByTestId('to-signing').click();
    await window.getByTestId('key-file').setInputFiles(path.join(`${dataDir}-training`, 'training-pki', 'operator.p12'));
    await window.getByTestId('key-password').fill(DEMO_PASSWORD);
    await window.getByTestId('sign').click();
    await expect(window.getByTestId('receipt-step')).toContainText('con-kokpekty-');
  } finally {
    await app.close();
  }
});
