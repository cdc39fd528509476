import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CENTRE, postRequest, requestContent, requestMessage } from '../electron/core/testing/requests';
import { certificatePem, crlPem } from '../shared/signing';
import { createDemoPki, DEMO_PASSWORD } from '../shared/signing/testPki';
import { SUPERVISOR, firstRun, ru } from './accounts';
import { expect, launchHost, startEmulator, step, test } from './host';

const PASSWORD = 'Жұмыс-құпия-2026!';

async function createAccount(page: Page, account: { login: string; fullName: string; iin: string; role: string }) {
  await page.getByRole('link', { name: ru['nav.accounts']! }).click();
  await page.getByLabel(ru['account.login']!, { exact: true }).fill(account.login);
  await page.getByLabel(ru['account.fullName']!).fill(account.fullName);
  await page.getByLabel(ru['account.iin']!, { exact: true }).fill(account.iin);
  await page.getByLabel(ru['account.organisation']!).fill('ГУ «Отдел образования Кокпектинского района»');
  await page.getByLabel(ru['accounts.temporaryPassword']!).fill('Уақытша-123');
  await page.getByLabel(ru['account.role']!, { exact: true }).selectOption(account.role);
  await page.getByRole('button', { name: ru['accounts.create']! }).click();
  await expect(page.locator(`tr[data-login="${account.login}"]`)).toBeVisible();
}

async function logInAs(page: Page, login: string, first: boolean) {
  await page.getByRole('button', { name: ru['header.logout']! }).click();
  await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
  // The login form may render again as the session status refreshes: fill until both fields hold.
  await expect(async () => {
    await page.getByLabel(ru['account.login']!).fill(login);
    await page.getByLabel(ru['login.password']!).fill(first ? 'Уақытша-123' : PASSWORD);
    await expect(page.getByLabel(ru['account.login']!)).toHaveValue(login, { timeout: 500 });
  }).toPass();
  await page.getByRole('button', { name: ru['login.submit']! }).click();
  if (first) {
    await page.getByLabel(ru['password.current']!).fill('Уақытша-123');
    await page.getByLabel(ru['password.new']!).fill(PASSWORD);
    await page.getByLabel(ru['password.repeat']!).fill(PASSWORD);
    await page.getByRole('button', { name: ru['password.submit']! }).click();
  }
  await expect(page.getByRole('link', { name: ru['nav.inbox']! })).toBeVisible();
}

test('a provider workstation receives a signed request, the clerk decides, the head signs, the certificate PDF is produced', async ({ page }, info) => {
  test.setTimeout(120_000);
  const pki = await createDemoPki({ now: new Date(), only: ['operator', 'clerk', 'head'] });
  const gateway = await startEmulator(pki);
  const host = await launchHost({ args: ['--gateway', gateway.url] });
  const files = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-files-'));
  writeFileSync(path.join(files, 'root.pem'), certificatePem(pki.root.certificate));
  writeFileSync(path.join(files, 'root.crl.pem'), crlPem(pki.crl));
  writeFileSync(path.join(files, 'head.p12'), pki.keys.head.p12);
  const call = (pathname: string, init?: RequestInit) => fetch(`${gateway.url}${pathname}`, init);
  try {
    await step(page, info, 'the supervisor sets the organisation and the trusted root', async () => {
      await firstRun(page, host.url);
      await page.getByRole('link', { name: ru['nav.inboxSettings']! }).click();
      await page.getByTestId('organisation').fill('edu-kokpekty');
      await page.getByTestId('roots-file').setInputFiles(path.join(files, 'root.pem'));
      await page.getByTestId('crls-file').setInputFiles(path.join(files, 'root.crl.pem'));
      await page.getByTestId('save-settings').click();
      await expect(page.getByTestId('trust')).toContainText('ARM TEST Root CA');
      await createAccount(page, { login: 'clerk1', fullName: 'Омарова Гүлнар Серікқызы', iin: pki.keys.clerk.person.iin, role: 'clerk' });
      await createAccount(page, { login: 'head1', fullName: 'Беков Асхат Нұрланұлы', iin: pki.keys.head.person.iin, role: 'head' });
    });

    const due = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const content = requestContent(pki, { acceptedAt: new Date(Date.now() - 60_000).toISOString(), dueBy: `${due}T18:00` });
    await postRequest({ call }, requestMessage(pki, content));
    // A letter changed after the operator signed: the trusted gateway refuses it before any inbox
    // (the provider's own refusal on receipt is covered by electron/core/inbox tests).
    const forged = requestMessage(pki, { ...content, number: `${CENTRE}-20260302-0002` });
    await expect(postRequest({ call }, { ...forged, payload: { ...forged.payload, applicant: { ...content.applicant, surname: 'Иванова' } } })).rejects.toThrow(/SIGNATURE_INVALID/);

    await step(page, info, 'the clerk pulls the inbox and the signed request opens', async () => {
      await logInAs(page, 'clerk1', true);
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await page.getByTestId('pull').click();
      await expect(page.getByTestId('inbox-row')).toHaveCount(1);
      await page.getByRole('button', { name: `${CENTRE}-20260302-0001` }).click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'registered');
      await expect(page.getByTestId('verification')).toContainText('СӘРСЕНОВА');
    });

    await step(page, info, 'the clerk takes it in work and views a scan', async () => {
      await page.getByTestId('take').click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'inWork');
      await page.getByRole('button', { name: 'Документ 2' }).click();
      await expect(page.getByTestId('scan-viewer')).toHaveAttribute('data-mime', 'image/png');
    });

    await step(page, info, 'the clerk prepares the guardianship certificate', async () => {
      await page.locator('[data-field="akimLevel"]').selectOption('района');
      await page.locator('[data-field="decisionNumber"]').fill('125');
      await page.locator('[data-field="decisionDate"]').fill('2026-02-20');
      await page.locator('[data-field="childName"]').fill('Сарсенбаев Алихан Нурланович');
      await page.locator('[data-field="childBirthDate"]').fill('2019-06-20');
      await page.getByTestId('decide').click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'decided');
    });

    await step(page, info, 'the head signs it with the head key', async () => {
      await logInAs(page, 'head1', true);
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await expect(page.getByRole('table', { name: ru['inbox.queue']! }).getByTestId('inbox-row')).toHaveCount(1);
      await page.getByRole('table', { name: ru['inbox.queue']! }).getByRole('button', { name: `${CENTRE}-20260302-0001` }).click();
      await page.getByTestId('prepare-sign').click();
      await page.getByTestId('key-file').setInputFiles(path.join(files, 'head.p12'));
      await page.getByTestId('key-password').fill(DEMO_PASSWORD);
      await page.getByTestId('sign').click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'resultSigned', { timeout: 30_000 });
    });

    await step(page, info, 'the certificate PDF is produced with the head as signer', async () => {
      await page.getByTestId('make-pdf-ru').click();
      const download = page.waitForEvent('download');
      await page.getByTestId('pdf-ru').click();
      const file = path.join(files, 'certificate.pdf');
      await (await download).saveAs(file);
      const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
      expect(text).toContain('Настоящая справка выдана Сарсенбаева Айгерим Нурлановна');
      expect(text).toContain('Начальник отдела образования: Беков Асхат Нұрланұлы');
    });
    expect(SUPERVISOR.login).toBe('supervisor');
  } finally {
    await host.stop();
    gateway.stop();
    rmSync(files, { recursive: true, force: true });
  }
});
