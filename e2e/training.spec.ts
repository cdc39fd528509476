import path from 'node:path';
import { expect } from '@playwright/test';
import { DEMO_KEYS, DEMO_PASSWORD } from '../shared/signing/testPki';
import { ru } from './accounts';
import { launchHost, step, test as base, type RunningHost } from './host';

// Training mode as a trainee meets it: `npm run web -- --training` starts the bundled gateway
// emulator on the TEST PKI; the demo operator logs in with the documented password (docs/training.md).
const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    // The first training start makes the TEST PKI (every demo RSA key): give it time on a busy machine.
    const host = await launchHost({ args: ['--training'], startTimeoutMs: 90_000 });
    await use(host);
    await host.stop();
  },
});

const OPERATOR_IIN = DEMO_KEYS.find((key) => key.id === 'operator')!.person.iin;

test('training mode: demo operator, training badge, gateway online, CRL age in the signing dialog', async ({ page, host }, info) => {
  test.setTimeout(180_000);
  await step(page, info, 'login as the demo operator', async () => {
    await page.goto(host.url);
    await page.getByLabel(ru['account.login']!).fill('operator');
    await page.getByLabel(ru['login.password']!).fill('training-2026');
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await expect(page.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
  });

  await step(page, info, 'training badge and the gateway online', async () => {
    await expect(page.locator('.badge-training')).toHaveText(ru['header.training']!);
    await expect(page.getByTestId('gateway-indicator')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  });

  // The training emulator answers enrolled machines only: a sync that succeeded means this АРМ
  // enrolled itself and signs its calls (issue 16).
  await step(page, info, 'the header says when the last sync succeeded', async () => {
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'ok', { timeout: 20_000 });
    await expect(page.getByTestId('sync-indicator')).toContainText(ru['sync.header.ok']!.replace(' {time}', ''));
  });

  await step(page, info, 'signing dialog shows the CRL age', async () => {
    await page.getByRole('link', { name: ru['nav.signing']! }).click();
    const crl = page.getByTestId('crl-status');
    await expect(crl).toHaveAttribute('data-stale', 'false');
    await expect(crl).toContainText('Список отозванных регистрационных свидетельств выпущен');
  });

  await step(page, info, 'the demo operator key opens with the demo password', async () => {
    await page.getByTestId('key-file').setInputFiles(path.join(host.dataDir, 'training-pki', 'operator.p12'));
    await page.getByTestId('key-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: ru['signing.inspect']! }).click();
    await expect(page.getByTestId('certificate-iin')).toHaveText(OPERATOR_IIN);
  });
});

test('training mode: the supervisor’s sync screen shows this workstation enrolled, its clock, and keeps a guardrail set', async ({ page, host }, info) => {
  test.setTimeout(180_000);
  await step(page, info, 'login as the demo supervisor and open the sync screen', async () => {
    await page.goto(host.url);
    await page.getByLabel(ru['account.login']!).fill('supervisor');
    await page.getByLabel(ru['login.password']!).fill('training-2026');
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await page.getByRole('link', { name: ru['nav.sync']! }).click();
    await expect(page.getByRole('heading', { name: ru['sync.title']! })).toBeVisible();
  });

  await step(page, info, 'the workstation is enrolled and its clock agrees with the gateway', async () => {
    const machine = page.getByTestId('sync-machine');
    await expect(machine).toContainText(ru['sync.machine.enrolled']!.split(' (')[0]!, { timeout: 20_000 });
    await expect(page.getByTestId('sync-clock')).not.toHaveClass(/error/);
    await expect(machine.locator('input')).toHaveValue(/^[0-9a-f]{64}$/);
  });

  await step(page, info, 'a guardrail set is kept when the screen is opened again', async () => {
    const form = page.getByTestId('sync-guardrails');
    await form.getByLabel(ru['sync.guardrails.maxUnsent']!).fill('50');
    await form.getByRole('button', { name: ru['sync.guardrails.save']! }).click();
    await expect(page.getByTestId('sync-guardrails').getByRole('alert')).toHaveCount(0);
    await page.getByRole('link', { name: ru['nav.status']! }).click();
    await page.getByRole('link', { name: ru['nav.sync']! }).click();
    await expect(page.getByTestId('sync-guardrails').getByLabel(ru['sync.guardrails.maxUnsent']!)).toHaveValue('50', { timeout: 15_000 });
  });
});
