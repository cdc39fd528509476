import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../shared/signing/testPki';
import kk from '../shared/i18n/kk.json' with { type: 'json' };
import rus from '../shared/i18n/ru.json' with { type: 'json' };
import { ru } from './accounts';
import { launchHost, step, test as base, expect, type RunningHost } from './host';
import { choose } from './choose';

// Issue 17 item 2 as a trainee meets it: training mode's emulator serves the citizen portal; the
// demo guardian (Uralsk, where seed 001 is in force) files seed 001 service 2 (portal only) with
// her own key; in training it goes to the department the training АРМ plays; the head appoints the
// executor, the executor decides, the head signs, and the result is read back in her «личный
// кабинет» — a PDF that `npm run verify` accepts.

const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await launchHost({ args: ['--training'], startTimeoutMs: 120_000 });
    await use(host);
    await host.stop();
  },
});

const portalText = rus.portal;
const TRAINING_PASSWORD = 'training-2026';

async function logIn(page: Page, url: string, login: string) {
  await page.goto(url);
  await page.getByLabel(ru['account.login']!).fill(login);
  await page.getByLabel(ru['login.password']!).fill(TRAINING_PASSWORD);
  await page.getByRole('button', { name: ru['login.submit']! }).click();
  await expect(page.getByRole('button', { name: ru['header.logout']! })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: ru['header.logout']! }).click();
  await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
}

test('a portal-only service filed on the emulator’s portal, decided at the provider, signed by the head, read back in the cabinet', async ({ page, host, browser }, info) => {
  test.setTimeout(300_000);
  const gatewayUrl = /gateway emulator (\S+),/.exec(host.output())![1]!;
  const pki = path.join(host.dataDir, 'training-pki');
  const scan = path.join(host.dataDir, 'birth-certificate.pdf');
  writeFileSync(scan, '%PDF-1.4\n% a scanned copy for the training portal\n');
  const citizen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  let number = '';

  await step(citizen, info, 'the citizen logs in on the portal page', async () => {
    await citizen.goto(`${gatewayUrl}/portal/`);
    await expect(citizen.locator('.training')).toContainText('egov.kz');
    await expect(citizen.locator('.training')).toContainText('edu-kokpekty');
    await citizen.getByLabel(portalText.iin, { exact: true }).fill('751130400011');
    await citizen.getByLabel(portalText.password, { exact: true }).fill('wrong');
    await citizen.getByRole('button', { name: portalText.signIn }).click();
    await expect(citizen.locator('#login-error')).toHaveText(rus.errors.PORTAL_LOGIN_REFUSED);
    await citizen.getByLabel(portalText.password, { exact: true }).fill('portal-2026');
    await citizen.getByRole('button', { name: portalText.signIn }).click();
    await expect(citizen.locator('#citizen')).toContainText('Кузнецова Ольга Викторовна');
  });

  await step(citizen, info, 'another person’s key is refused with the regulation’s words', async () => {
    await citizen.getByLabel(portalText.service).selectOption('001-r2');
    await citizen.locator('#files').setInputFiles(scan);
    await citizen.getByLabel(portalText.keyFile).setInputFiles(path.join(pki, 'citizen.p12'));
    await citizen.getByLabel(portalText.keyPassword).fill(DEMO_PASSWORD);
    await citizen.getByRole('button', { name: portalText.submit }).click();
    await expect(citizen.locator('#request-error')).toHaveText(`${rus.errors.SIGNATURE_NOT_CONFIRMED}: ${rus.errors.CERT_IIN_MISMATCH}`, { timeout: 30_000 });
    await expect(citizen.locator('#cabinet')).toHaveText(portalText.empty);
  });

  await step(citizen, info, 'signed with her own key, the request is accepted', async () => {
    await citizen.getByLabel(portalText.keyFile).setInputFiles(path.join(pki, 'citizenGuardian.p12'));
    await citizen.getByLabel(portalText.keyPassword).fill(DEMO_PASSWORD);
    await citizen.getByRole('button', { name: portalText.submit }).click();
    await expect(citizen.locator('#request-status')).toContainText('принят', { timeout: 30_000 });
    number = (await citizen.locator('#cabinet article').first().getAttribute('data-number'))!;
    expect(number).toMatch(/^EGOV-/);
  });

  await step(page, info, 'the head sees it marked ПЭП and appoints the executor', async () => {
    await logIn(page, host.url, 'head');
    await page.getByRole('link', { name: ru['nav.inbox']! }).click();
    await page.getByTestId('pull').click();
    const row = page.getByTestId('inbox-row').filter({ hasText: number });
    await expect(row.getByTestId('channel-portal')).toHaveText('ПЭП');
    await row.getByRole('button', { name: number }).click();
    await expect(page.getByTestId('view-channel')).toContainText('ПЭП');
    await expect(page.getByTestId('verification')).toContainText(ru['inbox.applicantSignature']!);
    await choose(page, page.getByTestId('executor'), { index: 0 });
    await page.getByRole('button', { name: ru['inbox.appoint']! }).click();
    await expect(page.getByTestId('view-assignee')).not.toHaveText('—');
    await logOut(page);
  });

  await step(page, info, 'the executor takes it and prepares the certificate', async () => {
    await logIn(page, host.url, 'clerk');
    await page.getByRole('link', { name: ru['nav.inbox']! }).click();
    await page.getByTestId('inbox-row').filter({ hasText: number }).getByRole('button', { name: number }).click();
    await page.getByTestId('take').click();
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'inWork');
    await page.locator('[data-field="body"]').fill('Сведения об установлении опеки (попечительства) над ребёнком отсутствуют.');
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'decided');
    await logOut(page);
  });

  await step(page, info, 'the head signs the result', async () => {
    await logIn(page, host.url, 'head');
    await page.getByRole('link', { name: ru['nav.inbox']! }).click();
    await page.getByRole('table', { name: ru['inbox.queue']! }).getByRole('button', { name: number }).click();
    await page.getByTestId('prepare-sign').click();
    await page.getByTestId('key-file').setInputFiles(path.join(pki, 'head.p12'));
    await page.getByTestId('key-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign').click();
    await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'resultSigned', { timeout: 30_000 });
  });

  const pdf = path.join(host.dataDir, 'cabinet-result.pdf');
  await step(citizen, info, 'the cabinet shows the notifications and the signed result', async () => {
    // The outbox runs on the sync scheduler's timer (30 s): the result arrives without anyone pressing a button.
    await expect(async () => {
      await citizen.getByRole('button', { name: portalText.refresh }).click();
      await expect(citizen.locator(`article[data-number="${number}"] .state`)).toHaveText(rus.requestState.issued, { timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    const article = citizen.locator(`article[data-number="${number}"]`);
    // 001 Рег.2 gives no overall term (only step norms): the accepted notice says so instead of a date.
    await expect(article).toContainText('принят и направлен услугодателю');
    await expect(article).toContainText('Запрос зарегистрирован услугодателем');
    await expect(article).toContainText('Результат оказания услуги №');
    const download = citizen.waitForEvent('download');
    await article.getByRole('button', { name: `${portalText.download} (ru)` }).click();
    await (await download).saveAs(pdf);
  });

  await step(citizen, info, 'the same cabinet in Kazakh', async () => {
    await citizen.getByRole('link', { name: rus.portal.otherLanguage }).click();
    await expect(citizen.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(citizen.getByRole('heading', { name: kk.portal.cabinet })).toBeVisible();
    await expect(citizen.locator(`article[data-number="${number}"] .state`)).toHaveText(kk.requestState.issued);
  });

  // The downloaded PDF's QR verifies with the training workstation's trust (npm run verify).
  const verdict = execFileSync(process.execPath, ['build/node/verify.cjs', pdf, '--data-dir', host.dataDir, '--training'], { encoding: 'utf8' });
  expect(verdict).toContain(rus.verify.valid);
});
