import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { catalogs, flatten, type Language } from '../shared/i18n';
import { launchHost, test as base, type RunningHost } from './host';

// WCAG 2.1 AA as axe-core checks it (issue 18 item 13): every section each demo role can open, in
// Russian and in Kazakh, from the web host in training mode (its demo accounts, docs/training.md).
const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await launchHost({ args: ['--training'], startTimeoutMs: 180_000 });
    await use(host);
    await host.stop();
  },
});

const text = { ru: flatten(catalogs.ru), kk: flatten(catalogs.kk) };

async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${where}: ${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

async function tour(page: Page, host: RunningHost, language: Language): Promise<string[]> {
  const t = text[language];
  const found: string[] = [];
  await page.goto(host.url);
  await page.getByRole('button', { name: language === 'kk' ? 'Қаз' : 'Рус' }).click();
  found.push(...(await violations(page, `${language} login`)));
  for (const login of ['supervisor', 'operator', 'office', 'clerk', 'head']) {
    await page.getByLabel(t['account.login']!).fill(login);
    await page.getByLabel(t['login.password']!).fill('training-2026');
    await page.getByRole('button', { name: t['login.submit']! }).click();
    await expect(page.getByRole('heading', { name: t['status.title']! })).toBeVisible();
    const links = page.getByRole('navigation').getByRole('link');
    const count = await links.count();
    for (let index = 0; index < count; index++) {
      const link = links.nth(index);
      const name = (await link.textContent()) ?? '';
      await link.click();
      await page.waitForLoadState('networkidle');
      found.push(...(await violations(page, `${language} ${login} ${name}`)));
    }
    await page.getByRole('button', { name: t['header.logout']! }).first().click();
    await expect(page.getByRole('heading', { name: t['login.title']! })).toBeVisible();
  }
  return found;
}

test('every screen of every demo role has no WCAG 2.1 AA violation axe-core finds, in Russian and Kazakh', async ({ page, host }) => {
  test.setTimeout(600_000);
  // The component library styles itself under the page's nonce: nothing the CSP refuses on the way.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const found = [...(await tour(page, host, 'ru')), ...(await tour(page, host, 'kk'))];
  expect(found).toEqual([]);
  expect(refused).toEqual([]);
});

test('a section change is announced: its title names the window, focus is on its heading, a skip link leads past the navigation', async ({ page, host }) => {
  const t = text.kk;
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Қаз' }).click();
  await page.getByLabel(t['account.login']!).fill('operator');
  await page.getByLabel(t['login.password']!).fill('training-2026');
  await page.getByRole('button', { name: t['login.submit']! }).click();
  await expect(page.getByRole('heading', { name: t['status.title']! })).toBeFocused();
  await expect(page).toHaveTitle(`${t['nav.status']} — ${t['app.title']}`);
  await page.getByRole('link', { name: t['nav.journal']! }).click();
  await expect(page).toHaveTitle(`${t['nav.journal']} — ${t['app.title']}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The skip link is the page's first Tab stop: nothing focusable comes before it.
  const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent);
  expect(first).toBe(t['nav.skip']);
  await page.getByRole('link', { name: t['nav.skip']! }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#content')).toBeFocused();
});
