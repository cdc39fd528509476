import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { catalogs, flatten, type Language } from '../shared/i18n';
import { launchHost, type RunningHost } from '../e2e/host';
import { choose } from '../e2e/choose';

// Every screen of the АРМ in Russian and Kazakh at a counter's 1366×768 and at 1920×1080, from the
// real web host in training mode with its demo accounts (docs/training.md). Files:
// <out>/<width>x<height>/<language>/<NN>-<screen>.png, for people to look at.

const OUT = process.env.ARM_SCREENSHOTS_OUT ?? 'screenshots-out';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const PASSWORD = 'training-2026';
const MOTHER = '900412400014';
const text = { ru: flatten(catalogs.ru), kk: flatten(catalogs.kk) };

let host: RunningHost;
test.beforeAll(async () => {
  host = await launchHost({ args: ['--training'], startTimeoutMs: 180_000 });
});
test.afterAll(async () => {
  await host?.stop();
});

function shooter(page: Page, dir: string) {
  let index = 0;
  return async (name: string) => {
    index += 1;
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(dir, `${String(index).padStart(2, '0')}-${name}.png`) });
  };
}

async function signIn(page: Page, language: Language, login: string) {
  await page.goto(host.url);
  await page.getByRole('button', { name: language === 'kk' ? 'Қаз' : 'Рус' }).click();
  await page.getByLabel(text[language]['account.login']!).fill(login);
  await page.getByLabel(text[language]['login.password']!).fill(PASSWORD);
  await page.getByRole('button', { name: text[language]['login.submit']! }).click();
  await page.getByRole('heading', { name: text[language]['status.title']! }).waitFor();
}

async function open(page: Page, language: Language, section: string) {
  await page.getByRole('navigation').getByRole('link', { name: text[language][`nav.${section}`]!, exact: true }).click();
  await page.waitForLoadState('networkidle');
}

/** A screen that cannot be reached is noted and the tour goes on: the other screens still help. */
async function tryStep(name: string, action: () => Promise<void>) {
  try {
    await action();
  } catch (error) {
    console.warn(`screenshots: ${name} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

for (const size of SIZES) {
  for (const language of ['ru', 'kk'] as const) {
    test(`${size.width}x${size.height} ${language}`, async ({ browser }) => {
      const dir = path.join(OUT, `${size.width}x${size.height}`, language);
      mkdirSync(dir, { recursive: true });
      const context = await browser.newContext({ viewport: size, locale: language === 'kk' ? 'kk-KZ' : 'ru-RU' });
      const page = await context.newPage();
      const shot = shooter(page, dir);
      const t = text[language];

      await page.goto(host.url);
      await page.getByRole('button', { name: language === 'kk' ? 'Қаз' : 'Рус' }).click();
      await shot('login');

      await tryStep('supervisor', async () => {
        await signIn(page, language, 'supervisor');
        await shot('status');
        for (const section of ['dashboard', 'reports', 'accounts', 'audit', 'centre', 'inboxSettings', 'catalog', 'journal', 'transfer', 'signing', 'connections', 'sync', 'data', 'verify', 'tasks', 'recall', 'queue']) {
          await tryStep(section, async () => {
            await open(page, language, section);
            await shot(`supervisor-${section}`);
          });
        }
        await tryStep('centre', async () => {
          await open(page, language, 'centre');
          await page.getByLabel(t['intake.centreCode']!).fill('con-kokpekty');
          await page.getByLabel(t['intake.centreDistrict']!).fill('kokpekty');
          await page.getByRole('button', { name: t['intake.centreSave']! }).click();
          await page.getByTestId('centre-current').waitFor();
        });
        await page.getByRole('button', { name: t['header.logout']! }).first().click();
      });

      await tryStep('operator', async () => {
        await signIn(page, language, 'operator');
        await open(page, language, 'intake');
        await shot('intake-service');
        await page.getByTestId('service-search').fill(language === 'kk' ? 'қорғаншылық' : 'опек справ');
        await page.locator('[data-service="guardianship-certificate"]').click();
        await page.getByTestId('request-number').waitFor();
        await shot('intake-draft');
        await page.getByLabel(t['intake.applicantIin']!).fill(MOTHER);
        await page.getByLabel(t['intake.applicantIin']!).press('Enter');
        await page.getByTestId('applicant-step').getByTestId('person-card').waitFor();
        await shot('intake-applicant');
        await page.getByTestId('represented').check();
        await shot('intake-representative');
        await page.getByTestId('represented').uncheck();
        await tryStep('scans', async () => {
          await page.getByRole('button', { name: t['intake.findScanners']! }).click();
          await choose(page, page.getByTestId('scanner'), '(test)');
          await page.getByTestId('document-0').getByRole('button', { name: t['intake.scan']! }).click();
          await page.getByTestId('document-0').getByRole('img').first().waitFor();
          await page.getByTestId('document-0').scrollIntoViewIfNeeded();
          await shot('intake-scans');
        });
        await tryStep('signing dialog', async () => {
          // Signing opens only on a complete set: the second document is scanned for the dialog's
          // picture, then its scan is taken away and the paper unmarked, so the refusal below still
          // has a missing document.
          const second = page.getByTestId('document-1');
          await second.getByRole('button', { name: t['intake.scan']! }).click();
          await second.getByRole('img').first().waitFor();
          await page.getByTestId('to-signing').click();
          await page.getByTestId('signing-dialog').waitFor({ timeout: 5_000 });
          await shot('intake-signing');
          await page.getByTestId('signing-dialog').getByRole('button', { name: t['intake.cancel']! }).click();
          await second.getByRole('button', { name: t['intake.removeScan']! }).click();
          // The thumbnail itself (its canvas, preview and icons are each an img) leaves the card.
          await second.locator('li.page-thumb').waitFor({ state: 'detached' });
          // Taking the scan away leaves the paper marked as presented: the operator unmarks it.
          await second.getByRole('checkbox').uncheck();
        });
        await tryStep('refusal dialog and the receipt viewer', async () => {
          await page.getByTestId('refuse').click();
          await page.getByTestId('refusal-dialog').waitFor();
          await page.waitForTimeout(300);
          await shot('intake-refusal-dialog');
          await page.getByTestId('confirm-refusal').click();
          await page.getByTestId('print-receipt').click();
          await page.getByTestId('pdf-viewer').getByRole('img').first().waitFor();
          await shot('receipt-viewer');
          await page.keyboard.press('Escape');
        });
        await tryStep('duplicate from the journal', async () => {
          await open(page, language, 'journal');
          await page.getByTestId('reprint-receipt').first().click();
          await page.getByTestId('reprint-reason').fill(language === 'kk' ? 'қолхат жоғалды' : 'расписка утеряна');
          await shot('journal-reprint');
          await page.getByTestId('reprint-confirm').click();
          await page.getByTestId('pdf-viewer').getByRole('img').first().waitFor();
          await shot('journal-duplicate-viewer');
          await page.keyboard.press('Escape');
        });
        for (const section of ['issuance', 'journal', 'transfer', 'signing', 'status']) {
          await tryStep(section, async () => {
            await open(page, language, section);
            await shot(`operator-${section}`);
          });
        }
        await page.getByRole('button', { name: t['header.logout']! }).first().click();
      });

      await tryStep('office', async () => {
        await signIn(page, language, 'office');
        for (const section of ['intake', 'issuance']) {
          await open(page, language, section);
          await shot(`office-${section}`);
        }
        await page.getByRole('button', { name: t['header.logout']! }).first().click();
      });
      for (const login of ['clerk', 'head'] as const) {
        await tryStep(login, async () => {
          await signIn(page, language, login);
          await open(page, language, 'inbox');
          await shot(`${login}-inbox`);
          await page.getByRole('button', { name: t['header.logout']! }).first().click();
        });
      }
      await context.close();
    });
  }
}
