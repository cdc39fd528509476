import { firstRun, kk, ru } from './accounts';
import { expect, step, test } from './host';

test('the supervisor lists the documents of a service whose regulation points to an absent Standard', async ({ page, host }, info) => {
  await step(page, info, 'open the catalog and the camp referral service', async () => {
    await firstRun(page, host.url);
    await page.getByRole('link', { name: ru['nav.catalog']! }).click();
    await page.getByRole('searchbox', { name: ru['catalog.search']! }).fill('лагер');
    const card = page.locator('[data-service="camp-referral"]');
    await card.getByRole('button', { name: ru['catalog.open']! }).click();
    await expect(card.getByText(ru['catalog.listAbsent']!)).toBeVisible();
  });

  await step(page, info, 'type the list from the Standard and save it', async () => {
    const card = page.locator('[data-service="camp-referral"]');
    await card.getByRole('button', { name: ru['catalog.editDocuments']! }).click();
    const editor = card.getByRole('form', { name: ru['catalog.editDocuments']! });
    await editor.getByLabel(ru['catalog.documentNameRu']!).fill('Заявление родителя');
    await editor.getByLabel(ru['catalog.documentNameKk']!).fill('Ата-ананың өтініші');
    await editor.getByLabel(ru['catalog.basis']!).fill('Стандарт МОН РК № 198, п. 9');
    await editor.getByRole('button', { name: ru['catalog.saveDocuments']! }).click();
    await expect(card.getByTestId('documents-override')).toContainText('Стандарт МОН РК № 198, п. 9');
    await expect(card.getByText('Заявление родителя')).toBeVisible();
  });

  await step(page, info, 'the list in Kazakh', async () => {
    await page.getByRole('button', { name: 'Қаз' }).click();
    const card = page.locator('[data-service="camp-referral"]');
    await expect(card.getByText('Ата-ананың өтініші')).toBeVisible();
    await expect(card.getByTestId('documents-override')).toContainText(kk['catalog.overridden']!.split('(')[0]!.trim());
  });
});
