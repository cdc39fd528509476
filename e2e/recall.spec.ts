import { randomUUID } from 'node:crypto';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';
import { firstRun, kk, ru } from './accounts';
import { expect, step, test } from './host';

// Issue 22 item 3 as the centre supervisor sees it: the applicants to call back — a request the
// gateway refused, one the provider returned, one it refused — each with the reason in words and
// the phone where the form took one, marked and audited, in Russian and Kazakh.

/** Requests at the centre and their recalls, as the outbox and the pull write them. */
function seedRecalls(dataDir: string): void {
  const db = openDataFolderDatabase(dataDir);
  const { id: userId } = db.prepare("SELECT id FROM users WHERE login = 'supervisor'").get() as { id: string };
  const at = new Date().toISOString();
  const rows: Array<[string, string, string, string, string, string | null, string, string | null, Record<string, string>]> = [
    ['con-kokpekty-20261201-0002', 'unemployed-certificate', '003-r1', 'queued', 'gatewayRefused', 'MESSAGE_ID_CONFLICT', '[]', null, { applicantPhone: '+7 701 555 12 34' }],
    ['con-kokpekty-20261201-0003', 'guardianship-certificate', '000', 'returned', 'providerReturned', null, '[]', 'Скан свидетельства о рождении нечитаем', {}],
    ['con-kokpekty-20261201-0004', 'guardianship-certificate', '000', 'resultAtCentre', 'providerRefused', null, '["documentViolations"]', 'Копия свидетельства о рождении нечитаема.', {}],
  ];
  for (const [number, service, variant, state, cause, code, grounds, reason, fields] of rows) {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, side, variant_id, provider, applicant_name, content)
       VALUES (?, ?, ?, ?, '900412400014', 'con-kokpekty', ?, ?, ?, 'centre', ?, 'edu-kokpekty', 'Сарсенбаева Айгерим Нурлановна', ?)`,
    ).run(id, number, service, state, userId, at, at, variant, JSON.stringify({ fields }));
    db.prepare('INSERT INTO recalls (id, request_id, cause, code, grounds, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(randomUUID(), id, cause, code, grounds, reason, at);
  }
  db.close();
}

test('the supervisor calls back the applicants of refused and returned requests and marks each call', async ({ page, host }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await step(page, info, 'the supervisor opens the recall list', async () => {
    await firstRun(page, host.url);
    seedRecalls(host.dataDir);
    await page.getByRole('link', { name: ru['nav.recall']! }).click();
    await expect(page.getByRole('heading', { name: ru['recall.title']! })).toBeVisible();
    await expect(page.locator('[data-testid="recalls"] tbody tr')).toHaveCount(3);
    await expect(page.getByTestId('recall-open')).toContainText('3');
  });

  const refused = page.locator('tr[data-cause="gatewayRefused"]');
  const returned = page.locator('tr[data-cause="providerReturned"]');
  await step(page, info, 'each with the reason in words and the phone where the form took one', async () => {
    await expect(refused).toContainText(ru['recall.cause.gatewayRefused']!);
    await expect(refused).toContainText(ru['errors.MESSAGE_ID_CONFLICT']!);
    await expect(refused.getByRole('link', { name: '+7 701 555 12 34' })).toHaveAttribute('href', 'tel:+77015551234');
    await expect(returned).toContainText('Скан свидетельства о рождении нечитаем');
    await expect(returned).toContainText(ru['recall.noPhone']!);
    await expect(page.locator('tr[data-cause="providerRefused"]')).toContainText(ru['catalog.refusal.documentViolations']!);
    // «Corrected and resent» waits for the operator's re-signed resend.
    await expect(returned.locator('[data-mark="resent"]')).toBeDisabled();
  });

  await step(page, info, 'could not reach keeps it open; informed closes it', async () => {
    await returned.getByTestId('recall-note').fill('не берёт трубку');
    await returned.locator('[data-mark="unreachable"]').click();
    await expect(returned).toHaveAttribute('data-state', 'unreachable');
    await expect(returned).toContainText('не берёт трубку');
    await refused.locator('[data-mark="informed"]').click();
    await expect(page.locator('[data-testid="recalls"] tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('recall-open')).toContainText('2');
  });

  await step(page, info, 'in Kazakh, and the marks are in the audit log', async () => {
    await page.getByRole('button', { name: 'Қаз' }).click();
    await expect(page.getByRole('heading', { name: kk['recall.title']! })).toBeVisible();
    await expect(returned).toContainText(kk['recall.status.unreachable']!);
    const db = openDataFolderDatabase(host.dataDir, { readonly: true });
    const marks = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'recall.mark'").get() as { n: number };
    db.close();
    expect(marks.n).toBe(2);
  });
});
