import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { catalogs, flatten } from '../shared/i18n';
import { expect, launchHost, step, test } from './host';

const ru = flatten(catalogs.ru);
const kk = flatten(catalogs.kk);

test('a damaged database: a translated message on start, the file left untouched', async ({ page }, info) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-'));
  const file = path.join(dataDir, 'arm.sqlite');
  writeFileSync(file, Buffer.from('ЦОН — not a database '.repeat(400)));
  const before = readFileSync(file);
  const host = await launchHost({ dataDir });
  try {
    await step(page, info, 'open the app over a damaged database', async () => {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: ru['startup.failedTitle']! })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(ru['errors.DB_CORRUPT']!);
    });
    await step(page, info, 'the message in Kazakh', async () => {
      await page.evaluate(() => localStorage.setItem('arm.language', 'kk'));
      await page.reload();
      await expect(page.getByRole('alert')).toHaveText(kk['errors.DB_CORRUPT']!);
    });
  } finally {
    await host.stop();
  }
  expect(readFileSync(file).equals(before)).toBe(true);
});

test('a database from a newer АРМ: refused with its own message, file untouched', async ({ page }, info) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-'));
  const file = path.join(dataDir, 'arm.sqlite');
  const db = new Database(file);
  db.pragma('user_version = 999');
  db.close();
  const before = readFileSync(file);
  const host = await launchHost({ dataDir });
  try {
    await step(page, info, 'open the app over a newer database', async () => {
      await page.goto(host.url);
      await expect(page.getByRole('alert')).toHaveText(ru['errors.DB_TOO_NEW']!);
    });
  } finally {
    await host.stop();
  }
  expect(readFileSync(file).equals(before)).toBe(true);
});

test('a second АРМ on the same data folder is refused with a translated message; the first keeps working', async ({ page }, info) => {
  const first = await launchHost();
  try {
    await step(page, info, 'a second web host on the first one’s folder exits with the message', async () => {
      const error = await launchHost({ dataDir: first.dataDir }).then(
        async (second) => {
          await second.stop();
          return null;
        },
        (refused: Error) => refused.message,
      );
      expect(error).toContain(ru['errors.DATA_DIR_IN_USE']!.replace('{dir}', first.dataDir));
      expect(error).toContain(kk['errors.DATA_DIR_IN_USE']!.replace('{dir}', first.dataDir));
    });
    await step(page, info, 'the first one still answers', async () => {
      await page.goto(first.url);
      await expect(page.locator('body')).not.toBeEmpty();
    });
  } finally {
    await first.stop();
  }
});
