import type { Locator, Page } from '@playwright/test';

/**
 * Picks an option of an Ant Design select (it has no native <select> for selectOption): opens it by
 * its label or box, then clicks the first option whose text contains `option`, or the n-th option.
 */
export async function choose(page: Page, select: Locator, option: string | { index: number }): Promise<void> {
  await select.click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await (typeof option === 'string' ? options.filter({ hasText: option }).first() : options.nth(option.index)).click();
}
