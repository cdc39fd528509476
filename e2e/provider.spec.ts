import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';
import { CENTRE, postRequest, requestContent, requestMessage } from '../electron/core/testing/requests';
import { renderResultPdf } from '../electron/core/results/pdf';
import { resultContentSchema } from '../shared/api';
import { barcodeFromCms, encodeBarcode } from '../shared/results/barcode';
import { certificatePem, crlPem } from '../shared/signing';
import { createDemoPki, DEMO_KEYS, DEMO_PASSWORD } from '../shared/signing/testPki';
import { SUPERVISOR, firstRun, ru } from './accounts';
import { expect, launchHost, startEmulator, step, test } from './host';
import { choose } from './choose';
import { typeDay } from './decision';
import { openResources } from '../electron/core/resources';

const PASSWORD = 'Жұмыс-құпия-2026!';

async function createAccount(page: Page, account: { login: string; fullName: string; iin: string; role: string }) {
  await page.getByRole('link', { name: ru['nav.accounts']! }).click();
  await page.getByLabel(ru['account.login']!, { exact: true }).fill(account.login);
  await page.getByLabel(ru['account.fullName']!).fill(account.fullName);
  await page.getByLabel(ru['account.iin']!, { exact: true }).fill(account.iin);
  await page.getByLabel(ru['account.organisation']!).fill('ГУ «Отдел образования Кокпектинского района»');
  await page.getByLabel(ru['accounts.temporaryPassword']!).fill('Уақытша-123');
  await choose(page, page.getByLabel(ru['account.role']!, { exact: true }), ru[`roles.${account.role}`]!);
  await page.getByRole('button', { name: ru['accounts.create']! }).click();
  await expect(page.locator(`tr[data-login="${account.login}"]`)).toBeVisible();
}

async function logInAs(page: Page, login: string, first: boolean, home: string = ru['nav.inbox']!) {
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
  await expect(page.getByRole('link', { name: home })).toBeVisible();
}

/**
 * The centre's side of the request the gateway carried (intake is e2e/intake.spec.ts): the request
 * in state sent and the outbox row of the message it left in, which the result names.
 */
function seedCentreRequest(dataDir: string, message: { id: string }, number: string): void {
  const db = openDataFolderDatabase(dataDir);
  const { id } = db.prepare("SELECT id FROM users WHERE login = 'supervisor'").get() as { id: string };
  const at = new Date().toISOString();
  db.prepare(
    `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, side, variant_id, provider, applicant_name)
     VALUES ('e2e-centre-1', ?, 'guardianship-certificate', 'sent', '900412400014', ?, ?, ?, ?, 'centre', '000', 'edu-kokpekty', 'Сарсенбаева Айгерим Нурлановна')`,
  ).run(number, CENTRE, id, at, at);
  db.prepare("INSERT INTO outbox (id, request_id, message, state, next_attempt_at, created_at, delivered_at) VALUES (?, 'e2e-centre-1', '{}', 'delivered', ?, ?, ?)").run(message.id, at, at, at);
  db.close();
}


test('a provider workstation receives a signed request, the clerk decides, the head signs, the certificate PDF is produced', async ({ page }, info) => {
  test.setTimeout(240_000);
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
    const sent = requestMessage(pki, content);
    await postRequest({ call }, sent);
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
      await choose(page, page.locator('[data-field="akimLevel"]'), 'района');
      await page.locator('[data-field="decisionNumber"]').fill('125');
      await typeDay(page, 'decisionDate', '20.02.2026');
      await page.locator('[data-field="childName"]').fill('Сарсенбаев Алихан Нурланович');
      await typeDay(page, 'childBirthDate', '20.06.2019');
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

    // The centre's workstation: the result comes back through the gateway with the head's CMS,
    // which is where the centre finds the head's certificate the barcode names.
    const centre = await launchHost({ args: ['--gateway', gateway.url] });
    try {
      await step(page, info, "the centre's workstation receives the signed certificate", async () => {
        await firstRun(page, centre.url);
        seedCentreRequest(centre.dataDir, sent, content.number);
        await page.getByRole('link', { name: ru['nav.inboxSettings']! }).click();
        await page.getByTestId('organisation').fill(CENTRE);
        await page.getByTestId('roots-file').setInputFiles(path.join(files, 'root.pem'));
        await page.getByTestId('crls-file').setInputFiles(path.join(files, 'root.crl.pem'));
        await page.getByTestId('save-settings').click();
        await expect(page.getByTestId('trust')).toContainText('ARM TEST Root CA');
        await createAccount(page, { login: 'operator1', fullName: 'Сәрсенова Мөлдір Ерланқызы', iin: pki.keys.operator.person.iin, role: 'operator' });
        await logInAs(page, 'operator1', true, ru['nav.issuance']);
        await page.getByRole('link', { name: ru['nav.issuance']! }).click();
        // The provider's outbox sends the signed result on its next sync (every 30 s).
        await expect(async () => {
          await page.getByTestId('pull-results').click();
          await expect(page.getByTestId('counter-result')).toHaveCount(1, { timeout: 2_000 });
        }).toPass({ timeout: 60_000 });
      });

      await step(page, info, 'the certificate verifies on the centre, offline, as printed by the head', async () => {
        await page.getByRole('link', { name: ru['nav.verify']! }).click();
        await page.getByTestId('verify-file').setInputFiles(path.join(files, 'certificate.pdf'));
        await expect(page.getByTestId('verdict')).toHaveAttribute('data-valid', 'true', { timeout: 30_000 });
        await expect(page.getByTestId('verdict')).toContainText(ru['verify.valid']!);
        await expect(page.getByTestId('verdict')).toContainText('Сарсенбаева Айгерим Нурлановна');
      });

      await step(page, info, 'the same certificate with one printed field edited is refused, naming the line', async () => {
        // The forger keeps the genuine barcode (the head's signature, from the provider's database) and retypes one field.
        const db = openDataFolderDatabase(host.dataDir, { readonly: true });
        const row = db.prepare('SELECT content, signature FROM results').get() as { content: string; signature: string };
        db.close();
        const signed = resultContentSchema.parse(JSON.parse(row.content));
        const qr = encodeBarcode(barcodeFromCms(Buffer.from(row.signature, 'base64'), JSON.parse(row.content)));
        const edited = await renderResultPdf({ ...signed, fields: { ...signed.fields, childName: 'Сарсенбаев Алихан Нурланулы' } }, 'ru', qr, openResources(path.resolve('assets')).fonts());
        writeFileSync(path.join(files, 'edited.pdf'), edited);
        await page.getByTestId('verify-file').setInputFiles(path.join(files, 'edited.pdf'));
        await expect(page.getByTestId('verdict')).toHaveAttribute('data-valid', 'false', { timeout: 30_000 });
        await expect(page.getByTestId('verdict')).toHaveAttribute('data-code', 'PRINT_MISMATCH');
        await expect(page.getByTestId('verify-missing')).toContainText('Сарсенбаев Алихан Нурланович');
      });
    } finally {
      await centre.stop();
    }
    expect(SUPERVISOR.login).toBe('supervisor');
  } finally {
    await host.stop();
    gateway.stop();
    rmSync(files, { recursive: true, force: true });
  }
});

test('two clerks race for one request in two windows of one workstation: one takes it, the other is told who holds it', async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const pki = await createDemoPki({ now: new Date(), only: ['operator', 'clerk'] });
  const gateway = await startEmulator(pki);
  const host = await launchHost({ args: ['--gateway', gateway.url] });
  const files = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-files-'));
  writeFileSync(path.join(files, 'root.pem'), certificatePem(pki.root.certificate));
  writeFileSync(path.join(files, 'root.crl.pem'), crlPem(pki.crl));
  const second = await browser.newContext();
  const other = await second.newPage();
  const clerks = [
    { login: 'clerk1', fullName: 'Омарова Гүлнар Серікқызы', iin: pki.keys.clerk.person.iin, role: 'clerk' },
    { login: 'clerk2', fullName: 'Жұмабаев Ерлан Болатұлы', iin: DEMO_KEYS.find((key) => key.id === 'mobileOperator')!.person.iin, role: 'clerk' },
  ];
  try {
    await step(page, info, 'the supervisor sets the department up with two clerks; a request arrives', async () => {
      await firstRun(page, host.url);
      await page.getByRole('link', { name: ru['nav.inboxSettings']! }).click();
      await page.getByTestId('organisation').fill('edu-kokpekty');
      await page.getByTestId('roots-file').setInputFiles(path.join(files, 'root.pem'));
      await page.getByTestId('crls-file').setInputFiles(path.join(files, 'root.crl.pem'));
      await page.getByTestId('save-settings').click();
      await expect(page.getByTestId('trust')).toContainText('ARM TEST Root CA');
      for (const clerk of clerks) await createAccount(page, clerk);
      const due = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
      await postRequest({ call: (pathname, init) => fetch(`${gateway.url}${pathname}`, init) }, requestMessage(pki, requestContent(pki, { acceptedAt: new Date(Date.now() - 60_000).toISOString(), dueBy: `${due}T18:00` })));
    });

    await step(page, info, 'each clerk opens the same request in a window of their own', async () => {
      await logInAs(page, 'clerk1', true);
      await page.getByRole('link', { name: ru['nav.inbox']! }).click();
      await page.getByTestId('pull').click();
      await page.getByRole('button', { name: `${CENTRE}-20260302-0001` }).click();
      await expect(page.getByTestId('request-view')).toHaveAttribute('data-state', 'registered');
      // The second window: the same workstation's address, a session of its own.
      await other.goto(host.url);
      await expect(other.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
      await other.getByLabel(ru['account.login']!).fill('clerk2');
      await other.getByLabel(ru['login.password']!).fill('Уақытша-123');
      await other.getByRole('button', { name: ru['login.submit']! }).click();
      await other.getByLabel(ru['password.current']!).fill('Уақытша-123');
      await other.getByLabel(ru['password.new']!).fill(PASSWORD);
      await other.getByLabel(ru['password.repeat']!).fill(PASSWORD);
      await other.getByRole('button', { name: ru['password.submit']! }).click();
      await other.getByRole('link', { name: ru['nav.inbox']! }).click();
      await other.getByRole('button', { name: `${CENTRE}-20260302-0001` }).click();
      await expect(other.getByTestId('request-view')).toHaveAttribute('data-state', 'registered');
      // The first window is still clerk1's.
      await expect(page.getByTestId('user')).toContainText(clerks[0]!.fullName);
    });

    await step(page, info, 'both press «take» at once: exactly one holds it, the other sees STATE_CONFLICT naming the holder', async () => {
      await Promise.all([page.getByTestId('take').click(), other.getByTestId('take').click()]);
      const windows = [page, other];
      await expect(async () => {
        const states = await Promise.all(windows.map((window) => window.getByTestId('request-view').getAttribute('data-state')));
        const conflicts = await Promise.all(windows.map((window) => window.locator('[data-code="STATE_CONFLICT"]').count()));
        expect(conflicts.reduce((sum, count) => sum + count, 0)).toBe(1);
        // The loser's window shows the request as it now is: in work.
        expect(states).toEqual(['inWork', 'inWork']);
      }).toPass({ timeout: 15_000 });
      const winner = (await page.locator('[data-code="STATE_CONFLICT"]').count()) === 0 ? 0 : 1;
      const loser = windows[1 - winner]!;
      await expect(windows[winner]!.getByTestId('view-assignee')).toHaveText(clerks[winner]!.fullName);
      await expect(loser.locator('[data-code="STATE_CONFLICT"]')).toHaveText(ru['errors.heldBy']!.replace('{holder}', clerks[winner]!.fullName));
      // …and the request in the loser's window now names the executor.
      await expect(loser.getByTestId('view-assignee')).toHaveText(clerks[winner]!.fullName);
    });
  } finally {
    await second.close();
    await host.stop();
    gateway.stop();
    rmSync(files, { recursive: true, force: true });
  }
});
