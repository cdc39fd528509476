import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstRun, ru, SUPERVISOR } from './accounts';
import { expect, launchHost, step, test } from './host';

const BACKUP_PASSWORD = 'Копия-резерв-2026';

test('the supervisor backs up, purges and downloads a support bundle; a dead database is restored from the last backup at start', async ({ page }, info) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-care-'));
  const usb = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-usb-'));
  let host = await launchHost({ dataDir });
  try {
    await step(page, info, 'first run, then the data screen warns that the web host keeps the key in a file', async () => {
      await firstRun(page, host.url);
      await page.getByRole('link', { name: ru['nav.data']! }).click();
      await expect(page.getByRole('heading', { name: ru['backup.title']! })).toBeVisible();
      await expect(page.getByTestId('at-rest')).toHaveText(ru['backup.atRest.key-file']!);
    });
    await step(page, info, 'a backup to a folder that does not exist is refused', async () => {
      await page.getByTestId('backup-folder').fill(path.join(usb, 'absent'));
      await page.getByTestId('backup-password').fill(BACKUP_PASSWORD);
      await page.getByTestId('backup-now').click();
      await expect(page.getByRole('region', { name: ru['backup.nowTitle']! }).getByRole('alert')).toHaveText(ru['errors.BACKUP_FOLDER_INVALID']!);
      expect(readdirSync(usb)).toEqual([]);
    });
    await step(page, info, 'the folder and a daily schedule are saved, and a backup is made now', async () => {
      await page.getByTestId('backup-folder').fill(usb);
      await page.getByTestId('backup-hours').fill('24');
      await page.getByTestId('backup-schedule-password').fill(BACKUP_PASSWORD);
      await page.getByTestId('backup-save').click();
      await page.getByTestId('backup-password').fill(BACKUP_PASSWORD);
      await page.getByTestId('backup-now').click();
      await expect(page.getByTestId('backup-result')).toContainText(usb);
      await expect(page.getByTestId('backup-last')).toContainText(usb);
      expect(readdirSync(usb)).toHaveLength(1);
    });
    await step(page, info, 'retention terms are saved and a purge reports what it did', async () => {
      await page.getByTestId('retention-issuedDays').fill('365');
      await page.getByTestId('retention-refusedDays').fill('30');
      await page.getByTestId('retention-save').click();
      await page.getByTestId('retention-purge').click();
      await expect(page.getByTestId('retention-report')).toContainText('0');
    });
    await step(page, info, 'one click downloads the support bundle', async () => {
      const download = page.waitForEvent('download');
      await page.getByTestId('support-bundle').click();
      expect((await download).suggestedFilename()).toMatch(/^arm-support-\d{8}-\d{6}\.zip$/);
    });
  } finally {
    await host.stop();
  }

  // The disk damages the database while the АРМ is off.
  writeFileSync(path.join(dataDir, 'arm.sqlite'), Buffer.alloc(32_768, 0x51));
  host = await launchHost({ dataDir });
  try {
    await step(page, info, 'at start the damaged database is reported and the last backup offered', async () => {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: ru['startup.failedTitle']! })).toBeVisible();
      await expect(page.getByTestId('restore-offer')).toContainText(usb);
      await expect(page.getByTestId('restore-path')).toHaveValue(new RegExp(usb));
    });
    await step(page, info, 'a wrong backup password is refused', async () => {
      await page.getByTestId('restore-password').fill('не тот пароль');
      await page.getByTestId('restore').click();
      await expect(page.getByTestId('restore-offer').getByRole('alert')).toHaveText(ru['errors.BACKUP_PASSWORD_WRONG']!);
    });
    await step(page, info, 'the backup password restores it', async () => {
      await page.getByTestId('restore-password').fill(BACKUP_PASSWORD);
      await page.getByTestId('restore').click();
      await expect(page.getByTestId('restored')).toBeVisible();
    });
  } finally {
    await host.stop();
  }
  host = await launchHost({ dataDir });
  try {
    await step(page, info, 'after the restart the supervisor logs in to the restored data', async () => {
      await page.goto(host.url);
      await page.getByLabel(ru['account.login']!).fill(SUPERVISOR.login);
      await page.getByLabel(ru['login.password']!, { exact: true }).fill(SUPERVISOR.password);
      await page.getByRole('button', { name: ru['login.submit']! }).click();
      await expect(page.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
    });
  } finally {
    await host.stop();
  }
});
