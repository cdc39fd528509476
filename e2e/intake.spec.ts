import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createDemoPki, DEMO_PASSWORD } from '../shared/signing/testPki';
import { firstRun, kk, ru } from './accounts';
import { expect, launchHost, startEmulator, step, test as base } from './host';
import { choose } from './choose';

// The counter end to end in Chromium: the web host with the real gateway emulator, the SANE test
// scanner, the demo operator's ЭЦП key, the receipt read back from the PDF.

const MOTHER = '900412400014';
const ATTORNEY = '820125300010';
const OWN_PASSWORD = 'Операторға-2026!';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082', 'hex');

const test = base.extend<{ counter: { url: string; keyFile: string; operatorName: string; operatorIin: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  counter: async ({}, use) => {
    const pki = await createDemoPki({ now: new Date(), only: ['operator'] });
    const gateway = await startEmulator(pki);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-key-'));
    const keyFile = path.join(dir, 'operator.p12');
    writeFileSync(keyFile, pki.keys.operator.p12);
    process.env.ARM_SANE_TEST_DEVICE = '1';
    const host = await launchHost({ args: ['--gateway', gateway.url] });
    const person = pki.keys.operator.person;
    await use({ url: host.url, keyFile, operatorName: `${person.surname} ${person.firstName} ${person.patronymic}`, operatorIin: person.iin });
    await host.stop();
    gateway.stop();
  },
});

// Chromium's fake camera (a moving test pattern) and an automatic yes to its prompt, for the page
// taken with the camera; the config's own flags kept.
test.use({
  launchOptions: {
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  },
});

function pdfText(file: string) {
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), fonts: execFileSync('pdffonts', [file]).toString() };
}

/** «Сохранить» in the PDF viewer, then Esc closes the viewer. */
async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-save').click()]);
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-pdf-')), name);
  await file.saveAs(target);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pdf-viewer')).toHaveCount(0);
  return target;
}

async function operatorSignsIn(page: Page, url: string, iin: string, fullName: string) {
  await firstRun(page, url);
  await page.getByRole('link', { name: ru['nav.centre']! }).click();
  await page.getByLabel(ru['intake.centreCode']!).fill('con-kokpekty');
  await page.getByLabel(ru['intake.centreDistrict']!).fill('kokpekty');
  await page.getByRole('button', { name: ru['intake.centreSave']! }).click();
  await expect(page.getByTestId('centre-current')).toContainText('con-kokpekty');
  await page.getByRole('link', { name: ru['nav.accounts']! }).click();
  await page.getByLabel(ru['account.login']!, { exact: true }).fill('operator');
  await page.getByLabel(ru['account.fullName']!).fill(fullName);
  await page.getByLabel(ru['account.iin']!, { exact: true }).fill(iin);
  await page.getByLabel(ru['account.organisation']!).fill('ЦОН Кокпектинского района');
  await choose(page, page.getByLabel(ru['account.role']!, { exact: true }), ru['roles.operator']!);
  await page.getByLabel(ru['accounts.temporaryPassword']!).fill('Уақытша-123');
  await page.getByRole('button', { name: ru['accounts.create']! }).click();
  await expect(page.locator('tr[data-login="operator"]')).toBeVisible();
  await page.getByRole('button', { name: ru['header.logout']! }).click();
  await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
  await page.getByLabel(ru['account.login']!).fill('operator');
  await expect(page.getByLabel(ru['account.login']!)).toHaveValue('operator');
  await page.getByLabel(ru['login.password']!).fill('Уақытша-123');
  await page.getByRole('button', { name: ru['login.submit']! }).click();
  await page.getByLabel(ru['password.current']!).fill('Уақытша-123');
  await page.getByLabel(ru['password.new']!).fill(OWN_PASSWORD);
  await page.getByLabel(ru['password.repeat']!).fill(OWN_PASSWORD);
  await page.getByRole('button', { name: ru['password.submit']! }).click();
  await expect(page.getByTestId('user')).toContainText(fullName);
}

async function applicantWithRepresentative(page: Page) {
  await page.getByLabel(ru['intake.applicantIin']!).fill(MOTHER);
  await page.getByLabel(ru['intake.applicantIin']!).press('Enter');
  await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText(MOTHER);
  await page.getByTestId('represented').check();
  await page.getByLabel(ru['intake.representativeIin']!).fill(ATTORNEY);
  await page.getByLabel(ru['intake.representativeIin']!).press('Enter');
  await expect(page.getByTestId('representative-step').getByTestId('person-card')).toContainText(ATTORNEY);
}

test('an operator takes in a guardianship certificate request: look-ups, a refused PoA, a scanned simple PoA, ЭЦП, queue and receipt', async ({ page, counter }, info) => {
  test.setTimeout(120_000);
  const { keyFile, operatorName, operatorIin } = counter;
  let due = '';
  await step(page, info, 'the supervisor sets the centre and creates the operator with the demo key’s IIN', async () => {
    await operatorSignsIn(page, counter.url, operatorIin, operatorName);
  });

  await step(page, info, 'the operator finds the service in Russian', async () => {
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByTestId('service-search').fill('опек справ');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await expect(page.getByTestId('request-number')).toContainText('con-kokpekty-');
    due = /\d{2}\.\d{2}\.\d{4}/.exec((await page.getByTestId('due-preview').textContent()) ?? '')?.[0] ?? 'none';
  });

  await step(page, info, 'applicant and representative from ГБД ФЛ', async () => {
    await applicantWithRepresentative(page);
  });

  await step(page, info, 'a revoked notarised PoA is refused with its own message', async () => {
    await page.getByLabel(ru['intake.poaNumber']!).fill('2024-000233');
    await page.getByLabel(ru['intake.poaDate']!).pressSequentially('01.10.2024');
    await page.getByRole('button', { name: ru['intake.poaCheck']! }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'POA_REVOKED');
  });

  await step(page, info, 'a simple written PoA becomes a required document', async () => {
    await page.getByRole('button', { name: ru['intake.poaSimple']! }).click();
    await expect(page.getByTestId('missing')).toContainText('Доверенность представителя');
    await page.getByTestId('to-signing').click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'DOCUMENTS_MISSING');
  });

  await step(page, info, 'the PoA is scanned with the SANE test scanner', async () => {
    await page.getByRole('button', { name: ru['intake.findScanners']! }).click();
    await choose(page, page.getByTestId('scanner'), '(test)');
    await page.getByTestId('document-0').getByRole('button', { name: ru['intake.scan']! }).click();
    await expect(page.getByTestId('document-0')).toContainText(ru['intake.page']!.replace('{page}', '1'));
    await expect(page.getByTestId('missing')).toHaveCount(0);
    // The SANE test device scans a solid page: its thumbnail is shown and the page is called blank.
    await expect(page.getByTestId('document-0').getByRole('img', { name: ru['intake.page']!.replace('{page}', '1') })).toBeVisible();
    await expect(page.getByTestId('document-0').getByTestId('blank-page')).toHaveText(ru['intake.blankPage']!);
  });

  await step(page, info, 'the draft survives a reload', async () => {
    await page.reload();
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByRole('button', { name: new RegExp(ru['intake.continue']!) }).first().click();
    await expect(page.getByTestId('document-0')).toContainText(ru['intake.page']!.replace('{page}', '1'));
  });

  await step(page, info, 'the operator signs with the ЭЦП key and the request is queued', async () => {
    await page.getByTestId('to-signing').click();
    await page.getByTestId('key-file').setInputFiles(keyFile);
    await page.getByTestId('key-password').fill(DEMO_PASSWORD);
    // "Keep unlocked for this session": the next request of the day signs without the password.
    await page.getByTestId('keep-key').check();
    await page.getByTestId('sign').click();
    await expect(page.getByTestId('receipt-step')).toContainText('con-kokpekty-');
  });

  await step(page, info, 'the receipt opens in the viewer and prints through the browser: only its A4 page', async () => {
    await page.evaluate(() => {
      window.print = () => void document.body.setAttribute('data-printed', String(Number(document.body.dataset['printed'] ?? 0) + 1));
    });
    await page.getByTestId('print-receipt').click();
    const viewer = page.getByRole('dialog', { name: /Расписка № con-kokpekty-/ });
    await expect(viewer.getByRole('img', { name: 'Страница 1' })).toBeVisible();
    await expect(viewer.getByTestId('pdf-print')).toBeFocused();
    await page.keyboard.press('Control+P');
    await expect(page.locator('body')).toHaveAttribute('data-printed', '1');
    await expect(viewer.getByRole('status')).toHaveText(ru['viewer.outcome.dialog']!);
    // What the browser prints: the viewer's page alone, one A4 sheet.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#root')).toBeHidden();
    await expect(viewer.getByTestId('pdf-print')).toBeHidden();
    const printed = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-print-')), 'printed.pdf');
    writeFileSync(printed, await page.pdf({ preferCSSPageSize: true }));
    expect(execFileSync('pdfinfo', [printed]).toString()).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/);
    // The page is the receipt drawn by the viewer (one picture), not an empty sheet.
    expect(execFileSync('pdfimages', ['-list', printed]).toString().trim().split('\n').length).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ media: 'screen' });
  });

  await step(page, info, 'the receipt saves in Russian with the deadline', async () => {
    const pdf = pdfText(await download(page, 'receipt.pdf'));
    expect(pdf.text).toContain('о приёме документов');
    expect(pdf.text).toMatch(/con-kokpekty-\d{8}-\d{4}/);
    expect(pdf.text).toContain('Сарсенбаева Айгерим Ерлановна');
    expect(pdf.text).toContain('Доверенность представителя');
    expect(pdf.text).toContain(`Срок оказания услуги: ${due}`);
    expect(pdf.text).toContain(operatorName);
    expect(pdf.fonts).toMatch(/DejaVuSans\s.*yes/);
  });

  await step(page, info, 'a second applicant in Kazakh without the PoA scan is refused and gets the refusal receipt', async () => {
    await page.getByRole('button', { name: ru['intake.next']! }).click();
    await page.getByRole('button', { name: 'Қаз' }).click();
    await page.getByTestId('service-search').fill('қорғаншылық');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await choose(page, page.getByTestId('applicant-language'), 'Қазақ тілі');
    await page.getByLabel(kk['intake.applicantIin']!).fill(MOTHER);
    await page.getByLabel(kk['intake.applicantIin']!).press('Enter');
    await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText('Сәрсенбаева');
    await page.getByTestId('represented').check();
    await page.getByLabel(kk['intake.representativeIin']!).fill(ATTORNEY);
    await page.getByLabel(kk['intake.representativeIin']!).press('Enter');
    await page.getByRole('button', { name: kk['intake.poaSimple']! }).click();
    await page.getByTestId('refuse').click();
    const dialog = page.getByRole('dialog', { name: kk['intake.refuseTitle']! });
    await expect(dialog.getByRole('radio', { name: kk['intake.ground.incompletePackage']! })).toBeChecked();
    await expect(dialog.locator('[data-document="0"]')).toBeChecked();
    await dialog.getByLabel(kk['intake.refuseComment']!).fill('сенімхаттың сканы жоқ');
    await dialog.getByTestId('confirm-refusal').click();
    await expect(page.getByTestId('receipt-step')).toContainText(kk['intake.refused']!);
    await page.getByTestId('print-receipt').click();
    const pdf = pdfText(await download(page, 'refusal.pdf'));
    expect(pdf.text).toContain('Құжаттарды қабылдаудан бас тарту');
    expect(pdf.text).toContain('ҚОЛХАТ');
    expect(pdf.text).toContain('Өкілдің сенімхаты');
    expect(pdf.text).toContain('Сәрсенбаева Әйгерім');
    expect(pdf.text).toContain('Ескертпе: сенімхаттың сканы жоқ');
  });

  await step(page, info, 'a third applicant in Kazakh with a notarised PoA checked in ЕНИС is signed and gets the Kazakh receipt', async () => {
    await page.getByRole('button', { name: kk['intake.next']! }).click();
    await page.getByTestId('service-search').fill('қорғаншылық');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await choose(page, page.getByTestId('applicant-language'), 'Қазақ тілі');
    await page.getByLabel(kk['intake.applicantIin']!).fill(MOTHER);
    await page.getByLabel(kk['intake.applicantIin']!).press('Enter');
    await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText('Сәрсенбаева');
    // The same mother's first request for this service is still open: the operator says why.
    await expect(page.getByTestId('duplicate-warning')).toBeVisible();
    await page.getByTestId('duplicate-reason-input').fill('Екінші бала бойынша өтініш');
    await page.getByTestId('duplicate-continue').click();
    await expect(page.getByTestId('duplicate-reason')).toBeVisible();
    await page.getByTestId('represented').check();
    await page.getByLabel(kk['intake.representativeIin']!).fill(ATTORNEY);
    await page.getByLabel(kk['intake.representativeIin']!).press('Enter');
    await expect(page.getByTestId('representative-step').getByTestId('person-card')).toContainText('Қанатұлы');
    await page.getByLabel(kk['intake.poaNumber']!).fill('2025-000101');
    await page.getByLabel(kk['intake.poaDate']!).pressSequentially('10.03.2025');
    await page.getByRole('button', { name: kk['intake.poaCheck']! }).click();
    await expect(page.getByTestId('poa-accepted')).toContainText('2025-000101');
    await page.getByTestId('to-signing').click();
    // The key kept unlocked since the first request: no file, no password.
    await expect(page.getByTestId('key-kept')).toContainText('СӘРСЕНОВА');
    await page.getByTestId('sign').click();
    await expect(page.getByTestId('receipt-step')).toContainText('con-kokpekty-');
    await page.getByTestId('print-receipt').click();
    const pdf = pdfText(await download(page, 'receipt-kk.pdf'));
    expect(pdf.text).toContain('Құжаттарды қабылдау туралы');
    expect(pdf.text).toContain('Сәрсенбаева Әйгерім Ерланқызы');
    expect(pdf.text).toContain('Оспанов Бауыржан Қанатұлы');
    expect(pdf.text).toContain('2025-000101');
    expect(pdf.text).toContain(`Қызмет көрсету мерзімі: ${due}`);
    expect(pdf.fonts).toMatch(/DejaVuSans-Bold.*yes/);
  });

  await step(page, info, 'the refusal receipt is given again from the journal: with a reason, marked ТЕЛНҰСҚА / ДУБЛИКАТ, copy 2', async () => {
    await page.getByRole('link', { name: kk['nav.journal']! }).click();
    const refused = page.getByTestId('journal').locator('tbody tr', { hasText: kk['requestState.refusedAtIntake']! });
    await expect(refused).toHaveCount(1);
    await refused.getByTestId('reprint-receipt').click();
    // The reason is asked in a dialog named after the receipt and its number.
    const asking = page.getByRole('dialog', { name: new RegExp(kk['reprint.receipt']!) });
    await asking.getByTestId('reprint-reason').fill('өтініш беруші қолхатты жоғалтты');
    await asking.getByTestId('reprint-confirm').click();
    await expect(page.getByRole('dialog', { name: /телнұсқасы \(2-дана\)/ }).getByRole('img', { name: '1-бет' })).toBeVisible();
    const pdf = pdfText(await download(page, 'refusal-copy2.pdf'));
    expect(pdf.text).toContain('ТЕЛНҰСҚА / ДУБЛИКАТ · дана 2');
    expect(pdf.text).toContain('Құжаттарды қабылдаудан бас тарту');
  });
});

test('a second request of the same applicant for the same service is flagged and continued only with a reason', async ({ page, counter }, info) => {
  test.setTimeout(90_000);
  const start = async () => {
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByTestId('service-search').fill('опек справ');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await expect(page.getByTestId('request-number')).toContainText('con-kokpekty-');
    const number = (await page.getByTestId('request-number').textContent())!.trim();
    await page.getByLabel(ru['intake.applicantIin']!).fill(MOTHER);
    await page.getByLabel(ru['intake.applicantIin']!).press('Enter');
    await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText(MOTHER);
    return number;
  };
  let first = '';
  await step(page, info, 'the operator takes in the mother’s request and puts it aside', async () => {
    await operatorSignsIn(page, counter.url, counter.operatorIin, counter.operatorName);
    first = await start();
    await expect(page.getByTestId('duplicate-warning')).toHaveCount(0);
    await page.getByRole('button', { name: ru['intake.later']! }).click();
  });

  await step(page, info, 'the same applicant and service again: the first request is named and signing waits', async () => {
    await start();
    await expect(page.getByTestId('duplicate-warning')).toContainText(first);
    await page.getByTestId('to-signing').click();
    await expect(page.getByRole('alert').and(page.locator('[data-code]'))).toHaveAttribute('data-code', 'DUPLICATE_REQUEST');
    await expect(page.locator('[data-code="DUPLICATE_REQUEST"]')).toContainText(first);
  });

  await step(page, info, 'with a reason the operator continues to the signature', async () => {
    await page.getByTestId('duplicate-reason-input').fill('Первое заявление заведено ошибочно');
    await page.getByTestId('duplicate-continue').click();
    await expect(page.getByTestId('duplicate-reason')).toContainText('Первое заявление заведено ошибочно');
    await page.getByTestId('to-signing').click();
    await expect(page.getByTestId('signing-dialog')).toBeVisible();
  });
});

test('a page the MFP scans to the watched folder lands on the document, and the folder is remembered', async ({ page, counter }, info) => {
  test.setTimeout(90_000);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-mfp-'));
  await step(page, info, 'a draft whose simple PoA needs a scan', async () => {
    await operatorSignsIn(page, counter.url, counter.operatorIin, counter.operatorName);
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByTestId('service-search').fill('опек справ');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await applicantWithRepresentative(page);
    await page.getByRole('button', { name: ru['intake.poaSimple']! }).click();
    await expect(page.getByTestId('missing')).toContainText('Доверенность представителя');
    // A workstation without a camera (this page's browser sees no video input): the button says so instead of failing silently.
    await page.evaluate(() => {
      navigator.mediaDevices.enumerateDevices = () => Promise.resolve([]);
    });
    await page.getByTestId('document-0').getByTestId('camera').click();
    await expect(page.getByTestId('camera-problem')).toHaveText(ru['camera.problem.none']!);
  });

  await step(page, info, 'the operator points the workstation at the MFP’s folder, the MFP drops a PNG, «Scan» takes it', async () => {
    await page.getByRole('button', { name: ru['intake.findScanners']! }).click();
    await page.getByTestId('scan-folder').fill(folder);
    await page.getByTestId('use-scan-folder').click();
    await expect(page.getByTestId('scanner')).toContainText(folder);
    writeFileSync(path.join(folder, 'scan0001.png'), PNG);
    await page.getByTestId('document-0').getByRole('button', { name: ru['intake.scan']! }).click();
    await expect(page.getByTestId('document-0')).toContainText(ru['intake.page']!.replace('{page}', '1'));
    await expect(page.getByTestId('missing')).toHaveCount(0);
    expect(readdirSync(path.join(folder, 'taken'))).toHaveLength(1);
  });

  await step(page, info, 'after a reload the remembered folder is chosen again', async () => {
    await page.reload();
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByRole('button', { name: new RegExp(ru['intake.continue']!) }).first().click();
    await page.getByRole('button', { name: ru['intake.findScanners']! }).click();
    await expect(page.getByTestId('scanner')).toContainText(folder);
  });
});

test('the operator photographs the PoA with the camera, trims it, and it becomes a checked page', async ({ page, counter }, info) => {
  test.setTimeout(90_000);
  await step(page, info, 'a draft whose simple PoA needs a scan', async () => {
    await operatorSignsIn(page, counter.url, counter.operatorIin, counter.operatorName);
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByTestId('service-search').fill('опек справ');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await applicantWithRepresentative(page);
    await page.getByRole('button', { name: ru['intake.poaSimple']! }).click();
    await expect(page.getByTestId('missing')).toContainText('Доверенность представителя');
  });

  await step(page, info, 'the camera shows the page, the operator takes it and trims the edges', async () => {
    await page.getByTestId('document-0').getByTestId('camera').click();
    await expect(page.getByTestId('camera-dialog')).toBeVisible();
    await expect(page.getByTestId('camera-shoot')).toBeEnabled();
    await page.getByTestId('camera-shoot').click();
    await expect(page.getByTestId('camera-preview')).toBeVisible();
    const full = await page.getByTestId('camera-preview').evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
    await page.getByTestId('camera-crop-left').fill('20');
    await page.getByTestId('camera-crop-top').fill('10');
    const cropped = await page.getByTestId('camera-preview').evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
    expect(cropped[0]).toBe(full[0]! - Math.round(full[0]! * 0.2));
    expect(cropped[1]).toBe(full[1]! - Math.round(full[1]! * 0.1));
  });

  await step(page, info, 'added as a page through the upload checks: the PoA is no longer missing', async () => {
    await page.getByTestId('camera-add').click();
    await expect(page.getByTestId('camera-dialog')).toHaveCount(0);
    await expect(page.getByTestId('document-0')).toContainText(ru['intake.page']!.replace('{page}', '1'));
    await expect(page.getByTestId('missing')).toHaveCount(0);
  });
});

test('the idle lock hides the applicant, and after signing out the next session opens on no one’s draft', async ({ page, counter }, info) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await step(page, info, 'the operator opens a draft with an applicant', async () => {
    await operatorSignsIn(page, counter.url, counter.operatorIin, counter.operatorName);
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByTestId('service-search').fill('опек справ');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await page.getByLabel(ru['intake.applicantIin']!).fill(MOTHER);
    await page.getByLabel(ru['intake.applicantIin']!).press('Enter');
    await expect(page.getByTestId('applicant-step').getByTestId('person-card')).toContainText(MOTHER);
  });

  await step(page, info, 'idle: the lock covers the whole window with an opaque layer', async () => {
    await page.clock.fastForward('10:05');
    await expect(page.getByRole('dialog', { name: ru['lock.title']! })).toBeVisible();
    const cover = await page.evaluate(() => {
      const card = document.querySelector('[data-testid="person-card"]')!.getBoundingClientRect();
      const top = document.elementFromPoint(card.left + card.width / 2, card.top + card.height / 2);
      const overlay = document.querySelector('.lock-overlay')!;
      return { covered: overlay.contains(top), background: getComputedStyle(overlay).backgroundColor, header: overlay.contains(document.elementFromPoint(5, 5)) };
    });
    expect(cover).toEqual({ covered: true, background: 'rgb(29, 39, 51)', header: true });
  });

  await step(page, info, 'signed out from the lock and back in: the service choice, the draft only in the own list', async () => {
    await page.getByRole('dialog').getByRole('button', { name: ru['header.logout']! }).click();
    await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
    await page.getByLabel(ru['account.login']!).fill('operator');
    await page.getByLabel(ru['login.password']!).fill(OWN_PASSWORD);
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await expect(page.getByTestId('service-search')).toBeVisible();
    await expect(page.getByTestId('applicant-step')).toHaveCount(0);
    await expect(page.getByText(ru['intake.drafts']!)).toBeVisible();
  });
});

test('at a 1366×768 counter screen the actions are always in sight and every result appears where the eye is', async ({ page, counter }, info) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const bar = page.getByTestId('action-bar');
  await step(page, info, 'a guardianship draft with an applicant and a representative by simple PoA', async () => {
    await operatorSignsIn(page, counter.url, counter.operatorIin, counter.operatorName);
    await page.getByRole('link', { name: ru['nav.intake']! }).click();
    await page.getByTestId('service-search').fill('опек справ');
    await page.locator('[data-service="guardianship-certificate"]').click();
    await expect(bar.getByTestId('to-signing')).toBeInViewport();
    await applicantWithRepresentative(page);
    await expect(page.getByTestId('representative-step').getByTestId('person-card')).toBeInViewport();
    await page.getByRole('button', { name: ru['intake.poaSimple']! }).click();
    await expect(page.getByTestId('missing')).toBeVisible();
  });

  await step(page, info, 'scrolled to the top or the bottom, the sign and refuse buttons with their keys stay in sight', async () => {
    for (const to of ['top', 'bottom'] as const) {
      await page.evaluate((where) => window.scrollTo(0, where === 'top' ? 0 : document.body.scrollHeight), to);
      await expect(bar.getByTestId('to-signing')).toBeInViewport({ ratio: 1 });
      await expect(bar.getByTestId('refuse')).toBeInViewport({ ratio: 1 });
    }
    await expect(bar.getByTestId('to-signing')).toContainText('F8');
    await expect(bar.getByTestId('refuse')).toContainText('F7');
  });

  await step(page, info, 'F8 with a document missing: the refusal to sign is shown in the bar, in sight and focused', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('F8');
    const error = bar.getByTestId('bar-error');
    await expect(error.getByRole('alert')).toBeVisible();
    await expect(error).toBeInViewport({ ratio: 1 });
    await expect(error).toBeFocused();
  });

  await step(page, info, 'F7 opens the refusal to accept in sight', async () => {
    await page.keyboard.press('F7');
    const dialog = page.getByRole('dialog', { name: ru['intake.refuseTitle']! });
    await expect(dialog).toBeInViewport();
    await expect(dialog.getByTestId('confirm-refusal')).toBeInViewport();
  });
});

test('keyboard only, in Kazakh: a guardianship certificate with a representative in at most 25 actions', async ({ page, counter }, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await step(page, info, 'the operator is signed in, the screen in Kazakh, the intake open', async () => {
    await operatorSignsIn(page, counter.url, counter.operatorIin, counter.operatorName);
    await page.getByRole('button', { name: 'Қаз' }).click();
    await page.getByRole('link', { name: kk['nav.intake']! }).click();
  });
  // The count: a typed value is one action, every other key press one, a file chooser one.
  let actions = 0;
  const type = async (text: string) => {
    actions += 1;
    await page.keyboard.type(text);
  };
  const press = async (key: string) => {
    actions += 1;
    await page.keyboard.press(key);
  };
  await step(page, info, 'service, applicant, representative and notarised PoA by keys alone', async () => {
    // A new screen puts the focus on its heading (screen readers announce it); Tab reaches the search.
    await expect(page.getByRole('heading', { level: 1, name: kk['intake.title']! })).toBeFocused();
    await press('Tab');
    await expect(page.getByTestId('service-search')).toBeFocused();
    await type('қорғаншылық');
    await press('Enter');
    await expect(page.getByLabel(kk['intake.applicantIin']!)).toBeFocused();
    await type(MOTHER);
    await press('Enter');
    await expect(page.getByTestId('represented')).toBeFocused();
    await press('Space');
    await expect(page.getByLabel(kk['intake.representativeIin']!)).toBeFocused();
    await type(ATTORNEY);
    await press('Enter');
    await expect(page.getByLabel(kk['intake.poaNumber']!)).toBeFocused();
    await type('2025-000101');
    await press('Tab');
    await type('10.03.2025');
    await press('Enter');
    await expect(page.getByTestId('poa-accepted')).toBeVisible();
  });
  await step(page, info, 'F8, the key file once, its password, Enter: the request is queued', async () => {
    await press('F8');
    const dialog = page.getByTestId('signing-dialog');
    await expect(dialog.getByTestId('key-file')).toBeFocused();
    actions += 1; // the file chooser
    await dialog.getByTestId('key-file').setInputFiles(counter.keyFile);
    await expect(dialog.getByTestId('key-password')).toBeFocused();
    await type(DEMO_PASSWORD);
    await press('Enter');
    await expect(page.getByTestId('receipt-step')).toContainText('con-kokpekty-');
  });
  await step(page, info, 'Enter opens the receipt, Enter prints it', async () => {
    await page.evaluate(() => {
      window.print = () => void document.body.setAttribute('data-printed', 'yes');
    });
    await expect(page.getByTestId('print-receipt')).toBeFocused();
    await press('Enter');
    await expect(page.getByTestId('pdf-print')).toBeFocused();
    await press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
    info.annotations.push({ type: 'actions', description: String(actions) });
    console.log(`keyboard-only intake: ${actions} actions`);
    expect(actions).toBeLessThanOrEqual(25);
  });
});
