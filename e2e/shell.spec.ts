import { firstRun, kk, ru } from './accounts';
import { expect, SCHEMA_VERSION, step, test } from './host';
/** Russian texts that must be gone once the page is in Kazakh (those whose translation differs). */
const russianOnly = Object.entries(ru)
  .filter(([key, text]) => kk[key] !== text && !text.includes('{'))
  .map(([, text]) => text);

test('the shell opens in Russian and every visible string switches to Kazakh', async ({ page, host }, info) => {
  await step(page, info, 'open the ready URL: first run asks for the supervisor', async () => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: ru['setup.title']! })).toBeVisible();
    // The token left the address bar once the page kept it.
    expect(page.url()).not.toContain('token=');
  });

  await step(page, info, 'the supervisor is created and signed in', async () => {
    await firstRun(page, host.url);
    // Signed in, the window is titled by the open section (issue 18 item 13).
    await expect(page).toHaveTitle(`${ru['nav.status']} — ${ru['app.title']}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByTestId('schema-version')).toHaveText(String(SCHEMA_VERSION));
    await expect(page.getByTestId('gateway-indicator')).toHaveText(ru['header.noGateway']!);
    await expect(page.getByTestId('user')).toContainText(ru['roles.supervisor']!);
  });

  await step(page, info, 'switch to Kazakh', async () => {
    await page.getByRole('button', { name: 'Қаз' }).click();
    await expect(page.getByRole('heading', { name: kk['status.title']! })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page).toHaveTitle(`${kk['nav.status']} — ${kk['app.title']}`);
    const visible = await page.locator('body').innerText();
    // Whole words only: a short Russian word («да») may be letters inside a Kazakh one («Бағдарлама»).
    const leftovers = russianOnly.filter((text) => new RegExp(`(?<!\\p{L})${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(visible));
    expect(leftovers).toEqual([]);
    expect(visible).toContain(kk['status.version']!);
  });

  await step(page, info, 'the language survives a reload', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: kk['status.title']! })).toBeVisible();
    await expect(page.getByTestId('app-version')).not.toBeEmpty();
  });
});

test('the page uses the bundled font that has every Kazakh letter', async ({ page, host }, info) => {
  await step(page, info, 'open in Kazakh', async () => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Қаз' }).click();
    await expect(page.getByRole('heading', { name: kk['setup.title']! })).toBeVisible();
  });
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "ARM Sans"', 'әғқңөұүһі ӘҒҚҢӨҰҮҺІ');
  });
  expect(loaded).toBe(true);
  const fontRequests = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\.(ttf|woff2?)$/.test(name)));
  expect(fontRequests.every((name) => name.startsWith(host.origin))).toBe(true);
});

test('when the core stops answering, the operator sees a translated message, not a blank page', async ({ page, host }, info) => {
  await step(page, info, 'open the shell', async () => {
    await firstRun(page, host.url);
  });
  await step(page, info, 'the host goes away and the operator checks again', async () => {
    await host.stop();
    await page.getByRole('button', { name: ru['status.refresh']! }).click();
    await expect(page.getByRole('alert')).toHaveText(ru['errors.HOST_UNREACHABLE']!);
  });
});
