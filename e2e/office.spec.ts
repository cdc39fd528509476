import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../shared/signing/testPki';
import { kk, ru } from './accounts';
import { expect, launchHost, step, test as base, type RunningHost } from './host';
import { choose } from './choose';

// Intake at the provider's own office (issue 17 items 1 and 5), in training mode as a trainee
// meets it: the demo supervisor makes this workstation Uralsk's education department (seed 001 is
// West Kazakhstan's regulation), the office worker takes 001 service 13 — «Решение об учете мнения
// ребенка», whose regulation names only the provider's office — in on the intake screen, the head
// appoints the executor, the executor decides, the head signs, and the office hands the result over.
const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await launchHost({ args: ['--training'], startTimeoutMs: 90_000 });
    await use(host);
    await host.stop();
  },
});

const MOTHER = '900412400014';

async function logIn(page: Page, login: string) {
  if (await page.getByRole('button', { name: ru['header.logout']! }).isVisible()) await page.getByRole('button', { name: ru['header.logout']! }).click();
  await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
  await expect(async () => {
    await page.getByLabel(ru['account.login']!).fill(login);
    await page.getByLabel(ru['login.password']!).fill('training-2026');
    await expect(page.getByLabel(ru['account.login']!)).toHaveValue(login, { timeout: 500 });
  }).toPass();
  await page.getByRole('button', { name: ru['login.submit']! }).click();
  await expect(page.getByTestId('user')).toBeVisible();
}

async function openRequest(page: Page, number: string) {
  await page.getByRole('link', { name: ru['nav.inbox']! }).click();
  await page.getByRole('button', { name: number }).first().click();
  await expect(page.getByTestId('request-view')).toBeVisible();
}

test('the provider office takes 001 service 13 in, the head appoints, the executor decides, the head signs, the office issues', async ({ page, host }, info) => {
  test.setTimeout(240_000);
  const keys = path.join(host.dataDir, 'training-pki');
  let number = '';

  await step(page, info, 'the supervisor makes this workstation the Uralsk education department', async () => {
    await page.goto(host.url);
    await logIn(page, 'supervisor');
    await page.getByRole('link', { name: ru['nav.inboxSettings']! }).click();
    await page.getByTestId('organisation').fill('edu-uralsk');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('organisation')).toHaveValue('edu-uralsk');
  });

  await step(page, info, 'the office worker takes the request in: applicant by IIN, indicative term, own signature', async () => {
    await logIn(page, 'office');
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await expect(page.getByTestId('office-intake')).toBeVisible();
    await page.getByTestId('service-search').fill('мнения');
    await page.locator('[data-service="child-opinion-decision"]').click();
    await expect(page.getByTestId('request-number')).toContainText('edu-uralsk-');
    number = ((await page.getByTestId('request-number').textContent()) ?? '').trim();
    // 001 gives no total term: the sum of the step norms, said to be indicative.
    await expect(page.getByTestId('due-preview')).toContainText('Ориентировочный срок');
    await page.getByLabel(ru['intake.applicantIin']!).fill(MOTHER);
    await page.getByLabel(ru['intake.applicantIin']!).press('Enter');
    await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText(MOTHER);
    await page.getByTestId('to-signing').click();
    await page.getByTestId('key-file').setInputFiles(path.join(keys, 'officeWorker.p12'));
    await page.getByTestId('key-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign').click();
    await expect(page.getByTestId('receipt-step')).toContainText(ru['intake.registeredAtOffice']!.replace('{number}', number));
    await page.getByTestId('print-receipt').click();
    // The receipt opens in the viewer (its first page drawn), then the viewer closes.
    const viewer = page.getByRole('dialog', { name: new RegExp(number) });
    await expect(viewer.getByRole('img', { name: 'Страница 1' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
  });

  await step(page, info, 'the head sees the step clocks and appoints the executor (resolution)', async () => {
    await logIn(page, 'head');
    await openRequest(page, number);
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'registered');
    await expect(page.getByTestId('chain-step')).toHaveCount(5);
    await expect(page.getByTestId('chain-step').first()).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('chain-indicative')).toBeVisible();
    await choose(page, page.getByTestId('executor'), { index: 0 });
    await page.getByRole('button', { name: ru['inbox.appoint']! }).click();
    await expect(page.getByTestId('view-assignee')).not.toHaveText('—');
  });

  await step(page, info, 'the executor takes it and decides', async () => {
    await logIn(page, 'clerk');
    await openRequest(page, number);
    await page.getByTestId('take').click();
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'inWork');
    await page.locator('[data-field="body"]').fill('Учесть мнение ребёнка, достигшего десятилетнего возраста');
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'decided');
  });

  await step(page, info, 'the head signs with the head key; the result stays at the office', async () => {
    await logIn(page, 'head');
    await page.getByRole('link', { name: ru['nav.inbox']! }).click();
    await page.getByRole('table', { name: ru['inbox.queue']! }).getByRole('button', { name: number }).click();
    await page.getByTestId('prepare-sign').click();
    await page.getByTestId('key-file').setInputFiles(path.join(keys, 'head.p12'));
    await page.getByTestId('key-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign').click();
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'resultSigned', { timeout: 30_000 });
  });

  await step(page, info, 'the office hands the result over to the applicant', async () => {
    await logIn(page, 'office');
    await page.getByRole('link', { name: ru['nav.issuance']! }).click();
    const card = page.getByTestId('counter-result');
    await expect(card).toHaveAttribute('data-state', 'resultSigned');
    await page.getByLabel(ru['issuance.collectorIin']!).fill(MOTHER);
    await page.getByTestId('document-number').fill('041234567');
    await page.getByTestId('issue').click();
    await expect(card).toHaveAttribute('data-state', 'issued');
    // Issued first, then its original opens in the viewer to print.
    await expect(page.getByTestId('pdf-viewer')).toBeVisible();
    await page.getByTestId('pdf-close').click();
  });

  await step(page, info, 'the office screens in Kazakh', async () => {
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByRole('button', { name: 'Қаз', exact: true }).click();
    await expect(page.getByTestId('office-intake')).toHaveText(kk['intake.officeChannel']!);
  });
});
