import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../shared/signing/testPki';
import { kk, ru } from './accounts';
import { launchHost, step, test as base, type RunningHost } from './host';

// Login with the AUTH key in training mode (issue 15 items 5 and 7): the demo head's AUTH key
// (20 days left) logs in and the expiry warning shows; the head's SIGN key is refused for a login
// with CERT_ROLE's login wording. ARM_KEY_SHOTS=<dir> also saves the 1366×768 ru/kk screenshots.
const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await launchHost({ args: ['--training'], startTimeoutMs: 120_000 });
    await use(host);
    await host.stop();
  },
});

const SHOTS = process.env.ARM_KEY_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('the head logs in with the AUTH key file, sees the expiry warning; a SIGN key is refused', async ({ page, host }, info) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const key = (name: string) => path.join(host.dataDir, 'training-pki', `${name}.p12`);

  for (const [language, text] of [['kk', kk], ['ru', ru]] as const) {
    await step(page, info, `${language}: a SIGN key for a login is refused`, async () => {
      await page.goto(host.url);
      await page.getByRole('button', { name: language === 'kk' ? 'Қаз' : 'Рус' }).click();
      await page.getByLabel(text['login.withKey']!).check();
      await page.getByLabel(text['account.login']!).fill('head');
      await page.getByTestId('login-key-file').setInputFiles(key('head'));
      await page.getByLabel(text['login.keyPassword']!).fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await expect(page.getByRole('alert')).toHaveText(text['errors.certRoleAuth']!);
      await shot(page, `${language}-01-login-key-refused`);
    });

    await step(page, info, `${language}: the AUTH key logs in; the key runs out in 20 days`, async () => {
      await page.getByTestId('login-key-file').setInputFiles(key('headAuth'));
      await page.getByLabel(text['login.keyPassword']!).fill(DEMO_PASSWORD);
      await shot(page, `${language}-02-login-key`);
      await page.getByTestId('login-submit').click();
      await expect(page.getByRole('heading', { name: text['status.title']! })).toBeVisible();
      const warning = page.getByTestId('key-expiry');
      await expect(warning).toBeVisible();
      const days = Number(await warning.getAttribute('data-days'));
      expect(days).toBeGreaterThanOrEqual(18);
      expect(days).toBeLessThan(20);
      await shot(page, `${language}-03-key-expiry`);
      // The signing dialog's certificate card says how many days the key has left.
      await page.getByRole('link', { name: text['nav.signing']! }).click();
      await page.getByTestId('key-file').setInputFiles(key('headAuth'));
      await page.getByTestId('key-password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: text['signing.inspect']! }).click();
      await expect(page.getByTestId('certificate-expires-in')).toBeVisible();
      await shot(page, `${language}-04-card-expires`);
      await page.getByRole('button', { name: text['header.logout']! }).click();
    });
  }

  await step(page, info, 'the supervisor sees the head’s key expiry and requires the key for the head', async () => {
    await page.getByLabel(ru['login.withPassword']!).check();
    await page.getByLabel(ru['account.login']!).fill('supervisor');
    await page.getByLabel(ru['login.password']!).fill('training-2026');
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await page.getByRole('link', { name: ru['nav.accounts']! }).click();
    const head = page.locator('tr[data-login="head"]');
    await expect(head.locator('[data-key="AUTH"]')).toHaveClass('error');
    await head.getByRole('button', { name: ru['accounts.setKey']! }).click();
    await expect(head).toContainText(ru['accounts.methodKey']!);
    await shot(page, 'ru-05-accounts-keys');
    await page.getByRole('button', { name: ru['header.logout']! }).click();
  });

  await step(page, info, 'the head’s password no longer logs in', async () => {
    await page.getByLabel(ru['account.login']!).fill('head');
    await page.getByLabel(ru['login.password']!).fill('training-2026');
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await expect(page.getByRole('alert')).toHaveText(ru['errors.LOGIN_KEY_REQUIRED']!);
  });

  await step(page, info, 'idle-locked, the key-only head unlocks with the AUTH key, not a password', async () => {
    await page.clock.install();
    await page.getByLabel(ru['login.withKey']!).check();
    await page.getByTestId('login-key-file').setInputFiles(key('headAuth'));
    await page.getByLabel(ru['login.keyPassword']!).fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
    await page.clock.fastForward('10:05');
    const lock = page.getByRole('dialog', { name: ru['lock.title']! });
    await expect(lock).toContainText(ru['lock.withKey']!);
    await expect(lock.getByLabel(ru['login.password']!, { exact: true })).toHaveCount(0);
    await lock.getByTestId('unlock-key-file').setInputFiles(key('headAuth'));
    await lock.getByLabel(ru['login.keyPassword']!).fill(DEMO_PASSWORD);
    await lock.getByTestId('unlock-submit').click();
    await expect(lock).toHaveCount(0);
  });
});
