import type { Page } from '@playwright/test';
import { choose } from './choose';
import { expect } from './host';

/** A day typed key by key into a date picker (it ignores a one-shot fill), replacing what it held, then left so it commits. */
export async function typeDay(page: Page, field: string, day: string): Promise<void> {
  const input = page.locator(`[data-field="${field}"] input`);
  await input.click();
  await input.press('Control+a');
  await input.pressSequentially(day);
  await expect(input).toHaveValue(day);
  await input.press('Tab');
}

/** The executor's fields of seed 003's guardianship certificate (Kokpekty), as training prints it. */
export async function fillGuardianshipCertificate(page: Page): Promise<void> {
  await page.locator('[data-field="locality"]').fill('с. Кокпекты');
  await page.locator('[data-field="decisionNumber"]').fill('125');
  await typeDay(page, 'decisionDate', '20.02.2026');
  await page.locator('[data-field="childName"]').fill('Сарсенбаев Алихан Нурланович');
  await typeDay(page, 'childBirthDate', '20.06.2019');
  await choose(page, page.locator('[data-field="property"]'), 'имущества нет');
}
