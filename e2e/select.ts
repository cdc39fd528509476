import type { Locator, Page } from '@playwright/test';

/** Picks the option of an Ant Design Select whose label contains `text` (not a native select: selectOption does not apply). */
export async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
}
