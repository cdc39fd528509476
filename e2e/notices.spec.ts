import { randomUUID } from 'node:crypto';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';
import { localDay } from '../shared/time';
import { firstRun, kk, ru } from './accounts';
import { expect, step, test } from './host';

// Issue 19 items 3 and 6 as the people see them: the centre's task list (what to tell the
// applicant, by when, reminders) and the supervisor's complaint register, in Russian and Kazakh.

/** Requests at the centre and the tasks the provider's notices made, as the pull writes them. */
function seedTasks(dataDir: string): void {
  const db = openDataFolderDatabase(dataDir);
  const { id: userId } = db.prepare("SELECT id FROM users WHERE login = 'supervisor'").get() as { id: string };
  const now = new Date();
  const day = (offset: number) => localDay(new Date(now.getTime() + offset * 86_400_000));
  const rows: Array<[string, string, string, string, string | null, string | null, number]> = [
    ['con-kokpekty-20261130-0003', 'returned', 'Сарсенбаева Айгерим Нурлановна', 'returned', 'Скан свидетельства о рождении нечитаем, страница 2 отсутствует', null, -1],
    ['con-kokpekty-20261201-0001', 'inWork', 'Жумабаев Ерлан Маратович', 'extended', 'Запрос сведений в акимат сельского округа', day(9), 0],
    ['con-kokpekty-20261201-0004', 'resultAtCentre', 'Ким Ольга Викторовна', 'resultReady', null, null, 1],
    ['con-kokpekty-20261202-0002', 'registered', 'Әбілқасымова Гүлнәр Ұлықбекқызы', 'registered', null, null, 1],
  ];
  for (const [number, state, name, kind, reason, newDueBy, offset] of rows) {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, side, variant_id, provider, applicant_name)
       VALUES (?, ?, 'guardianship-certificate', ?, '900412400014', 'con-kokpekty', ?, ?, ?, 'centre', '003-r4', 'edu-kokpekty', ?)`,
    ).run(id, number, state, userId, now.toISOString(), now.toISOString(), name);
    db.prepare('INSERT INTO applicant_tasks (id, request_id, kind, reason, new_due_by, created_at, due_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(randomUUID(), id, kind, reason, newDueBy, now.toISOString(), day(offset));
  }
  db.close();
}

test('the task list and the complaint register in Russian and Kazakh', async ({ page, host }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await step(page, info, 'the supervisor signs in', async () => {
    await firstRun(page, host.url);
    seedTasks(host.dataDir);
  });

  await step(page, info, 'ru task list', async () => {
    await page.getByRole('link', { name: ru['nav.tasks']! }).click();
    await expect(page.getByRole('heading', { name: ru['notices.title']! })).toBeVisible();
    await expect(page.locator('[data-testid="tasks"] tbody tr')).toHaveCount(4);
    await expect(page.locator('tr[data-kind="returned"]')).toHaveAttribute('data-urgency', 'overdue');
    await expect(page.locator('tr[data-kind="returned"]')).toContainText('Причины: Скан свидетельства о рождении нечитаем');
    await expect(page.locator('tr[data-kind="extended"]')).toHaveAttribute('data-urgency', 'remind');
    await expect(page.getByTestId('reminders')).toContainText('2');
  });

  await step(page, info, 'ru complaint register', async () => {
    await page.getByRole('link', { name: ru['nav.complaints']! }).click();
    const form = page.getByTestId('complaint-form');
    await form.getByLabel(ru['complaints.applicant']!).fill('Иванов Иван Петрович');
    await form.getByLabel(ru['complaints.requestNumber']!).fill('con-kokpekty-20261130-0003');
    await form.getByLabel(ru['complaints.subject']!).fill('Оператор не сообщил о возврате документов на доработку');
    await form.getByRole('button', { name: ru['complaints.save']! }).click();
    await expect(page.locator('[data-testid="complaints"] tbody tr')).toHaveCount(1);
    // Closing without an answer is refused with a translated message, nothing changes.
    await page.getByRole('button', { name: ru['complaints.action.answered']! }).click();
    await expect(page.getByText(ru['errors.COMPLAINT_ANSWER_REQUIRED']!)).toBeVisible();
    await page.getByRole('button', { name: ru['complaints.action.inReview']! }).click();
    await expect(page.locator('[data-testid="complaints"] tbody tr')).toHaveAttribute('data-status', 'inReview');
  });

  await step(page, info, 'kk complaint register', async () => {
    await page.getByRole('button', { name: 'Қаз' }).click();
    await expect(page.getByRole('heading', { name: kk['complaints.title']! })).toBeVisible();
  });

  await step(page, info, 'kk task list', async () => {
    await page.getByRole('link', { name: kk['nav.tasks']! }).click();
    await expect(page.getByRole('heading', { name: kk['notices.title']! })).toBeVisible();
    await expect(page.locator('tr[data-kind="returned"]')).toContainText('пысықтауға қайтарды');
  });
});
