import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openGostKeyFile } from '../shared/signing/gost/keyFile';
import { DEMO_PASSWORD } from '../shared/signing/testPki';
import rus from '../shared/i18n/ru.json' with { type: 'json' };
import { startFakeNcaLayer, type FakeNcaLayer } from '../scripts/testing/fakeNcaLayer';
import { ru } from './accounts';
import { launchHost, step, test as base, expect, type RunningHost } from './host';
import { choose } from './choose';
import { fillGuardianshipCertificate } from './decision';

// GOST 34.10-2015 keys end to end in training mode (issue 15's e2e, issue 21's GOST QR check,
// issue 17's GOST citizen key): the demo citizen signs her portal request in the page with her
// GOST key file, the emulator verifies it under its GOST demo root, the provider receives it; the
// clerk logs in with her GOST AUTH key; the head's GOST employee key is refused for the result
// (CERT_ROLE, translated) and her first-head key signs it through the fake NCALayer (TLS WebSocket
// on 127.0.0.1:13579, the one origin the CSP allows); the cabinet's PDF verifies offline with
// `npm run verify`. Peers: our JS GOST on both sides, the fake NCALayer; OpenSSL's GOST engine is
// the unit tests' peer (gostOpenssl.test.ts), no real token is reached here.

const test = base.extend<{ host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await launchHost({ args: ['--training'], startTimeoutMs: 120_000 });
      await use(host);
      await host.stop();
    },
    // The first training start makes the TEST PKI (RSA and GOST): more than the default 30 s on a busy machine.
    { scope: 'test', timeout: 150_000 },
  ],
});
// The fake NCALayer's certificate is self-signed, as the real one's is until its installer trusts it.
test.use({ ignoreHTTPSErrors: true });

const portalText = rus.portal;
const TRAINING_PASSWORD = 'training-2026';

async function logIn(page: Page, url: string, login: string) {
  await page.goto(url);
  await page.getByLabel(ru['login.withPassword']!).check();
  await page.getByLabel(ru['account.login']!).fill(login);
  await page.getByLabel(ru['login.password']!).fill(TRAINING_PASSWORD);
  await page.getByRole('button', { name: ru['login.submit']! }).click();
  await expect(page.getByRole('button', { name: ru['header.logout']! })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: ru['header.logout']! }).click();
  await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
}


test('GOST keys: a citizen’s GOST-signed portal request, the clerk’s GOST AUTH login, the head’s GOST signature through NCALayer, the GOST QR verified', async ({ page, host, browser }, info) => {
  test.setTimeout(360_000);
  const gatewayUrl = /gateway emulator (\S+),/.exec(host.output())![1]!;
  const pki = path.join(host.dataDir, 'training-pki');
  const scan = path.join(host.dataDir, 'birth-certificate.pdf');
  writeFileSync(scan, '%PDF-1.4\n% a scanned copy for the training portal\n');
  const citizen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  let number = '';
  let ncaLayer: FakeNcaLayer | null = null;

  try {
    await step(citizen, info, 'the citizen signs in the page with her GOST key file; the emulator accepts it', async () => {
      await citizen.goto(`${gatewayUrl}/portal/`);
      await citizen.getByLabel(portalText.iin, { exact: true }).fill('900412400014');
      await citizen.getByLabel(portalText.password, { exact: true }).fill('portal-2026');
      await citizen.getByRole('button', { name: portalText.signIn }).click();
      await expect(citizen.locator('#citizen')).toContainText('Сарсенбаева Айгерим Ерлановна');
      // Her district's regulation (seed 003, Kokpekty): the guardianship certificate through the portal.
      await citizen.getByLabel(portalText.service).selectOption('003-r4');
      await citizen.locator('#files').setInputFiles(scan);
      await citizen.getByLabel(portalText.keyFile).setInputFiles(path.join(pki, 'gost-citizen.p12'));
      await citizen.getByLabel(portalText.keyPassword).fill(DEMO_PASSWORD);
      await citizen.getByRole('button', { name: portalText.submit }).click();
      await expect(citizen.locator('#request-status')).toContainText('принят', { timeout: 30_000 });
      number = (await citizen.locator('#cabinet article').first().getAttribute('data-number'))!;
      expect(number).toMatch(/^EGOV-/);
    });

    await step(page, info, 'the provider receives it, the applicant’s GOST signature checked; the head appoints the executor', async () => {
      await logIn(page, host.url, 'head');
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await page.getByTestId('pull').click();
      const row = page.getByTestId('inbox-row').filter({ hasText: number });
      await row.getByRole('button', { name: number }).click();
      await expect(page.getByTestId('verification')).toContainText(ru['inbox.applicantSignature']!);
      await choose(page, page.getByTestId('executor'), { index: 0 });
      await page.getByRole('button', { name: ru['inbox.appoint']! }).click();
      await expect(page.getByTestId('view-assignee')).not.toHaveText('—');
      await logOut(page);
    });

    await step(page, info, 'the clerk logs in with her GOST AUTH key file and prepares the certificate', async () => {
      await page.getByLabel(ru['login.withKey']!).check();
      await page.getByLabel(ru['account.login']!).fill('clerk');
      await page.getByTestId('login-key-file').setInputFiles(path.join(pki, 'gost-clerk-auth.p12'));
      await page.getByLabel(ru['login.keyPassword']!).fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await expect(page.getByRole('button', { name: ru['header.logout']! })).toBeVisible();
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await page.getByTestId('inbox-row').filter({ hasText: number }).getByRole('button', { name: number }).click();
      await page.getByTestId('take').click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'inWork');
      await fillGuardianshipCertificate(page);
      await page.getByTestId('decide').click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'decided');
      await logOut(page);
    });

    await step(page, info, 'the head’s GOST employee key is refused for the result (CERT_ROLE, translated)', async () => {
      await logIn(page, host.url, 'head');
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await page.getByRole('table', { name: ru['inbox.queue']! }).getByRole('button', { name: number }).click();
      await page.getByTestId('prepare-sign').click();
      await page.getByTestId('key-file').setInputFiles(path.join(pki, 'gost-head-employee.p12'));
      await page.getByTestId('key-password').fill(DEMO_PASSWORD);
      await page.getByTestId('sign').click();
      await expect(page.getByRole('alert').filter({ hasText: rus.errors.CERT_ROLE })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'decided');
    });

    await step(page, info, 'the head signs through NCALayer with her GOST first-head key', async () => {
      ncaLayer = await startFakeNcaLayer({ key: openGostKeyFile(Uint8Array.from(readFileSync(path.join(pki, 'gost-head.p12'))), DEMO_PASSWORD) });
      await page.getByTestId('sign-ncalayer').click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'resultSigned', { timeout: 30_000 });
      expect(ncaLayer.requests).toHaveLength(1);
      expect(ncaLayer.requests[0]).toMatchObject({ format: 'cms', signingParams: { decode: true, encapsulate: false } });
    });
  } finally {
    await (ncaLayer as FakeNcaLayer | null)?.close();
  }

  const pdf = path.join(host.dataDir, 'gost-result.pdf');
  await step(citizen, info, 'the GOST-signed result reaches the cabinet', async () => {
    await expect(async () => {
      await citizen.getByRole('button', { name: portalText.refresh }).click();
      await expect(citizen.locator(`article[data-number="${number}"] .state`)).toHaveText(rus.requestState.issued, { timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    const download = citizen.waitForEvent('download');
    await citizen.locator(`article[data-number="${number}"]`).getByRole('button', { name: `${portalText.download} (ru)` }).click();
    await (await download).saveAs(pdf);
  });

  // Offline, with the training workstation's trust (the GOST demo root and CRL the emulator published).
  const verdict = execFileSync(process.execPath, ['build/node/verify.cjs', pdf, '--data-dir', host.dataDir, '--training'], { encoding: 'utf8' });
  expect(verdict).toContain(rus.verify.valid);
});

test('GOST through NCALayer at the counter: the operator signs a request with her GOST employee key, the emulator verifies it, the provider receives it', async ({ page, host }, info) => {
  test.setTimeout(240_000);
  const pki = path.join(host.dataDir, 'training-pki');
  const operatorKey = openGostKeyFile(Uint8Array.from(readFileSync(path.join(pki, 'gost-operator.p12'))), DEMO_PASSWORD);
  const ncaLayer = await startFakeNcaLayer({ key: operatorKey });
  let number = '';
  try {
    await step(page, info, 'the operator takes in a guardianship certificate request and signs it through NCALayer', async () => {
      await logIn(page, host.url, 'operator');
      await page.getByRole('link', { name: ru['nav.intake']! }).click();
      await page.getByTestId('service-search').fill('опек справ');
      await page.locator('[data-service="guardianship-certificate"]').click();
      number = ((await page.getByTestId('request-number').textContent()) ?? '').trim();
      await page.getByLabel(ru['intake.applicantIin']!).fill('900412400014');
      await page.getByLabel(ru['intake.applicantIin']!).press('Enter');
      await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText('900412400014');
      await page.getByRole('button', { name: ru['intake.findScanners']! }).click();
      await choose(page, page.getByTestId('scanner'), '(test)');
      for (const index of [0, 1]) {
        const document = page.getByTestId(`document-${index}`);
        const scanButton = document.getByRole('button', { name: ru['intake.scan']! });
        if ((await scanButton.count()) === 0) continue;
        await scanButton.click();
        await expect(document).toContainText(ru['intake.page']!.replace('{page}', '1'));
      }
      await page.getByTestId('to-signing').click();
      await page.getByTestId('sign-ncalayer').click();
      await expect(page.getByTestId('receipt-step')).toContainText('con-kokpekty-', { timeout: 30_000 });
      expect(ncaLayer.requests).toHaveLength(1);
      expect(ncaLayer.requests[0]).toMatchObject({ format: 'cms', signingParams: { decode: true, encapsulate: false }, signerParams: { iin: operatorKey.certificate.subject.attributes.find((a) => a.oid === '2.5.4.5')!.value.slice(3) } });
      await logOut(page);
    });

    await step(page, info, 'the provider receives it: the emulator verified the GOST signature, the inbox shows the operator as signer', async () => {
      await logIn(page, host.url, 'head');
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await expect(async () => {
        await page.getByTestId('pull').click();
        await expect(page.getByTestId('inbox-row').filter({ hasText: number })).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 90_000 });
      await page.getByTestId('inbox-row').filter({ hasText: number }).getByRole('button', { name: number }).click();
      await expect(page.getByTestId('verification')).toContainText('СӘРСЕНОВА');
    });
  } finally {
    await ncaLayer.close();
  }
});
