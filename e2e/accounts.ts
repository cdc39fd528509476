import type { Page } from '@playwright/test';
import { catalogs, flatten } from '../shared/i18n';
import { expect } from './host';

export const ru = flatten(catalogs.ru);
export const kk = flatten(catalogs.kk);

export const SUPERVISOR = { login: 'supervisor', fullName: 'Ахметова Динара Серікқызы', iin: '880315400010', organisation: 'ЦОН района', password: 'Бастау-2026!' };

/** Goes through the first-run screen as the supervisor and lands on the status screen. */
export async function firstRun(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: ru['setup.title']! })).toBeVisible();
  await page.getByLabel(ru['account.login']!, { exact: true }).fill(SUPERVISOR.login);
  await page.getByLabel(ru['account.fullName']!).fill(SUPERVISOR.fullName);
  await page.getByLabel(ru['account.iin']!, { exact: true }).fill(SUPERVISOR.iin);
  await page.getByLabel(ru['account.organisation']!).fill(SUPERVISOR.organisation);
  await page.getByLabel(ru['login.password']!, { exact: true }).fill(SUPERVISOR.password);
  await page.getByLabel(ru['password.repeat']!).fill(SUPERVISOR.password);
  await page.getByRole('button', { name: ru['setup.submit']! }).click();
  await expect(page.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
}
