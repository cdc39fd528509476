import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPERVISOR, firstRun, ru } from './accounts';
import { expect, step, test } from './host';
import { choose } from './choose';

const OPERATOR = { login: 'operator1', fullName: 'Сейітов Ерлан Болатұлы', iin: '920701300012', temporary: 'Уақытша-123', own: 'Менің-құпия-сөзім-7' };

test('the supervisor creates an operator, who changes the password, locks when idle and unlocks', async ({ page, host }, info) => {
  await page.clock.install();
  await step(page, info, 'first run', async () => {
    await firstRun(page, host.url);
  });

  await step(page, info, 'a wrong IIN is caught as it is typed and refused by the core', async () => {
    await page.getByRole('link', { name: ru['nav.accounts']! }).click();
    await page.getByLabel(ru['account.login']!, { exact: true }).fill(OPERATOR.login);
    await page.getByLabel(ru['account.fullName']!).fill(OPERATOR.fullName);
    await page.getByLabel(ru['account.iin']!, { exact: true }).fill('920701300013');
    await expect(page.getByText(ru['iin.checksum']!)).toBeVisible();
    await page.getByLabel(ru['account.organisation']!).fill('ЦОН района');
    await page.getByLabel(ru['accounts.temporaryPassword']!).fill(OPERATOR.temporary);
    await page.getByRole('button', { name: ru['accounts.create']! }).click();
    await expect(page.getByRole('alert')).toContainText(ru['errors.VALIDATION_FAILED']!);
    await expect(page.locator('tr[data-login="operator1"]')).toHaveCount(0);
  });

  await step(page, info, 'the operator account is created with a temporary password', async () => {
    await page.getByLabel(ru['account.iin']!, { exact: true }).fill(OPERATOR.iin);
    await choose(page, page.getByLabel(ru['account.role']!, { exact: true }), ru['roles.operator']!);
    await page.getByRole('button', { name: ru['accounts.create']! }).click();
    await expect(page.locator('tr[data-login="operator1"]')).toContainText(ru['roles.operator']!);
    await expect(page.locator('tr[data-login="operator1"]')).toContainText(ru['accounts.mustChange']!);
  });

  await step(page, info, 'the operator logs in and must change the password', async () => {
    await page.getByRole('button', { name: ru['header.logout']! }).click();
    // The accounts screen has a «Логин» field too: wait for the login screen before typing.
    await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
    await page.getByLabel(ru['account.login']!).fill(OPERATOR.login);
    await page.getByLabel(ru['login.password']!).fill(OPERATOR.temporary);
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await expect(page.getByRole('heading', { name: ru['password.title']! })).toBeVisible();
    await page.getByLabel(ru['password.current']!).fill(OPERATOR.temporary);
    await page.getByLabel(ru['password.new']!).fill(OPERATOR.login);
    await page.getByLabel(ru['password.repeat']!).fill(OPERATOR.login);
    await page.getByRole('button', { name: ru['password.submit']! }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'PASSWORD_POLICY');
  });

  await step(page, info, 'with a password of their own the operator gets in, without admin sections', async () => {
    await page.getByLabel(ru['password.current']!).fill(OPERATOR.temporary);
    await page.getByLabel(ru['password.new']!).fill(OPERATOR.own);
    await page.getByLabel(ru['password.repeat']!).fill(OPERATOR.own);
    await page.getByRole('button', { name: ru['password.submit']! }).click();
    await expect(page.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
    await expect(page.getByTestId('user')).toContainText(OPERATOR.fullName);
    await expect(page.getByRole('link', { name: ru['nav.accounts']! })).toHaveCount(0);
  });

  await step(page, info, 'ten idle minutes lock the screen', async () => {
    await page.clock.fastForward('10:05');
    await expect(page.getByRole('dialog', { name: ru['lock.title']! })).toBeVisible();
  });

  await step(page, info, 'a wrong password keeps it locked, the right one unlocks', async () => {
    await page.getByRole('dialog').getByLabel(ru['login.password']!).fill('не тот');
    await page.getByRole('button', { name: ru['lock.submit']! }).click();
    await expect(page.getByRole('alert')).toHaveText(ru['errors.LOGIN_FAILED']!);
    await page.getByRole('dialog').getByLabel(ru['login.password']!).fill(OPERATOR.own);
    await page.getByRole('button', { name: ru['lock.submit']! }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: ru['status.title']! })).toBeVisible();
  });

  // Log files travel to support; they must not carry passwords, IINs or names.
  const logDir = path.join(host.dataDir, 'logs');
  const logs = readdirSync(logDir).map((file) => readFileSync(path.join(logDir, file), 'utf8')).join('\n') + host.output();
  expect(logs).toContain('call.refused');
  for (const secret of [SUPERVISOR.password, SUPERVISOR.iin, SUPERVISOR.fullName, OPERATOR.temporary, OPERATOR.own, OPERATOR.iin, '920701300013', 'Сейітов']) {
    expect(logs, secret).not.toContain(secret);
  }
});

test('five wrong passwords lock the account, even against the right password', async ({ page, host }, info) => {
  await step(page, info, 'first run, then sign out', async () => {
    await firstRun(page, host.url);
    await page.getByRole('button', { name: ru['header.logout']! }).click();
    // The accounts screen has a «Логин» field too: wait for the login screen before typing.
    await expect(page.getByRole('heading', { name: ru['login.title']! })).toBeVisible();
  });

  await step(page, info, 'five wrong passwords', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel(ru['account.login']!).fill(SUPERVISOR.login);
      await page.getByLabel(ru['login.password']!).fill(`неверный-${attempt}`);
      await page.getByRole('button', { name: ru['login.submit']! }).click();
      await expect(page.getByRole('alert')).toHaveAttribute('data-code', attempt < 5 ? 'LOGIN_FAILED' : 'ACCOUNT_LOCKED');
    }
    await expect(page.getByRole('alert')).toContainText('заблокирована до');
  });

  await step(page, info, 'even the right password is refused while locked', async () => {
    await page.getByLabel(ru['login.password']!).fill(SUPERVISOR.password);
    await page.getByRole('button', { name: ru['login.submit']! }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'ACCOUNT_LOCKED');
  });
});

test('the supervisor reads the audit log and checks its chain', async ({ page, host }, info) => {
  await step(page, info, 'first run', async () => {
    await firstRun(page, host.url);
  });
  await step(page, info, 'the log shows the first run and verifies', async () => {
    await page.getByRole('link', { name: ru['nav.audit']! }).click();
    await expect(page.getByRole('cell', { name: ru['auditAction.account.create']! })).toBeVisible();
    await page.getByRole('button', { name: ru['audit.verify']! }).click();
    await expect(page.getByTestId('audit-verification')).toHaveText(/Журнал цел: 2 записи/);
  });
  await step(page, info, 'CSV export downloads the rows', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: ru['audit.export']! }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});

test('markup typed into a text field stays text', async ({ page, host }, info) => {
  const payload = '<img src=x onerror="window.__xss=1">Әлиев';
  await step(page, info, 'an account whose name is markup', async () => {
    await firstRun(page, host.url);
    await page.getByRole('link', { name: ru['nav.accounts']! }).click();
    await page.getByLabel(ru['account.login']!, { exact: true }).fill('xss');
    await page.getByLabel(ru['account.fullName']!).fill(payload);
    await page.getByLabel(ru['account.iin']!, { exact: true }).fill('920701300012');
    await page.getByLabel(ru['account.organisation']!).fill('<script>window.__xss=2</script>');
    await page.getByLabel(ru['accounts.temporaryPassword']!).fill('Уақытша-123');
    await page.getByRole('button', { name: ru['accounts.create']! }).click();
    await expect(page.locator('tr[data-login="xss"]')).toContainText(payload);
  });
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('tr[data-login="xss"] img')).toHaveCount(0);
});

test('the audit log filters by user login', async ({ page, host }, info) => {
  await step(page, info, 'first run, then the log filtered by the supervisor and by nobody', async () => {
    await firstRun(page, host.url);
    await page.getByRole('link', { name: ru['nav.audit']! }).click();
    await page.getByLabel(ru['audit.user']!).fill('SUPERVISOR');
    await page.getByRole('button', { name: ru['audit.search']! }).click();
    await expect(page.getByRole('cell', { name: ru['auditAction.auth.login']!, exact: true })).toBeVisible();
    await page.getByLabel(ru['audit.user']!).fill('nobody');
    await page.getByRole('button', { name: ru['audit.search']! }).click();
    await expect(page.getByRole('cell', { name: ru['auditAction.auth.login']!, exact: true })).toHaveCount(0);
  });
});

test('the supervisor changes the login rules and a too small value is refused', async ({ page, host }, info) => {
  await step(page, info, 'the rules show the defaults', async () => {
    await firstRun(page, host.url);
    await page.getByRole('link', { name: ru['nav.accounts']! }).click();
    await expect(page.getByLabel(ru['policy.idleMinutes']!)).toHaveValue('10');
  });
  await step(page, info, 'a minimum password length of 4 is refused by the core', async () => {
    await page.getByLabel(ru['policy.minPasswordLength']!).fill('4');
    await page.getByRole('button', { name: ru['policy.save']! }).click();
    await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'VALIDATION_FAILED');
  });
  await step(page, info, 'five idle minutes are saved', async () => {
    await page.getByLabel(ru['policy.minPasswordLength']!).fill('10');
    await page.getByLabel(ru['policy.idleMinutes']!).fill('5');
    await page.getByRole('button', { name: ru['policy.save']! }).click();
    await expect(page.getByRole('status')).toHaveText(ru['policy.saved']!);
    await page.reload();
    await page.getByRole('link', { name: ru['nav.accounts']! }).click();
    await expect(page.getByLabel(ru['policy.idleMinutes']!)).toHaveValue('5');
  });
});
