import { firstRun, ru } from './accounts';
import { expect, step, test } from './host';

// The supervisor configures the workstation without flags (docs/delivery.md): the gateway and the
// update server on «Подключения», a URL that is not https refused with its own message, the
// update panel on the status screen saying why updates are off here.
test('the supervisor sets the update server, an http gateway is refused, and the status screen shows updates', async ({ page, host }, info) => {
  await step(page, info, 'first run, then «Подключения»', async () => {
    await firstRun(page, host.url);
    await expect(page.getByTestId('update-state')).toContainText(ru['update.off.unsupported']!);
    await page.getByRole('link', { name: ru['nav.connections']! }).click();
    await expect(page.getByRole('heading', { name: ru['connections.title']! })).toBeVisible();
  });

  await step(page, info, 'an http gateway off this computer is refused and nothing is saved', async () => {
    await page.getByLabel(ru['connections.gateway']!).fill('http://gateway.example.kz/arm/');
    await page.getByRole('button', { name: ru['connections.save']!, exact: true }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'GATEWAY_URL_INVALID');
  });

  await step(page, info, 'the update server is stored and shown again after a reload', async () => {
    await page.getByLabel(ru['connections.gateway']!).fill('');
    await page.getByLabel(ru['connections.updates']!).fill('https://updates.example.kz/arm/');
    await page.getByRole('button', { name: ru['connections.save']!, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(ru['connections.saved']!);
    await page.reload();
    await page.getByRole('link', { name: ru['nav.connections']! }).click();
    await expect(page.getByLabel(ru['connections.updates']!)).toHaveValue('https://updates.example.kz/arm/');
  });

  await step(page, info, 'the receipts printer is kept for the installed app; in the browser the print dialog chooses', async () => {
    const printers = page.getByTestId('printers');
    await expect(printers).toContainText(ru['printers.browser']!);
    await printers.getByLabel(ru['printers.receipt']!).fill('Kyocera FS-1040');
    await printers.getByRole('button', { name: ru['printers.save']! }).click();
    await expect(printers.getByRole('status')).toHaveText(ru['printers.saved']!);
    await page.reload();
    await page.getByRole('link', { name: ru['nav.connections']! }).click();
    await expect(page.getByTestId('printers').getByLabel(ru['printers.receipt']!)).toHaveValue('Kyocera FS-1040');
  });

  await step(page, info, 'a mobile centre is refused in Kokpekty, whose regulation (003) names none, and set in M. Zhumabaev district (004)', async () => {
    const mobile = page.getByTestId('mobile-centre');
    const district = async (code: string) => {
      await mobile.getByLabel(ru['connections.mobileDistrict']!).click();
      await page.locator(`.ant-select-item-option[title^="${code} "]`).click();
    };
    await expect(mobile.getByTestId('mobile-centre-current')).toHaveText(ru['connections.mobileNone']!);
    await mobile.getByLabel(ru['connections.mobileCode']!).fill('mobile-kokpekty');
    await district('kokpekty');
    await mobile.getByRole('button', { name: ru['connections.mobileSave']! }).click();
    await expect(mobile.getByRole('alert')).toHaveAttribute('data-code', 'MOBILE_CENTRE_NOT_ALLOWED');
    await expect(mobile.getByTestId('mobile-centre-current')).toHaveText(ru['connections.mobileNone']!);
    await mobile.getByLabel(ru['connections.mobileCode']!).fill('mobile-m-zhumabaev');
    await district('m-zhumabaev');
    await mobile.getByRole('button', { name: ru['connections.mobileSave']! }).click();
    await expect(mobile.getByRole('status')).toHaveText(ru['connections.mobileSaved']!);
    await expect(mobile.getByTestId('mobile-centre-current')).toHaveText('Мобильный ЦОН: mobile-m-zhumabaev, район m-zhumabaev');
  });
});
