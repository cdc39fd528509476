import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openDataFolderDatabase } from '../electron/core/vault/toolAccess';
import { firstRun, kk, ru } from './accounts';
import { localDateTime } from '../shared/time';
import { expect, step, test, type RunningHost } from './host';

// Requests as intake leaves them, written beside the running host (WAL lets both connections in;
// the web host's key file opens the encrypted database): the journal only reads the requests
// table, whoever filled it.
function seed(host: RunningHost): void {
  const db = openDataFolderDatabase(host.dataDir);
  const { id } = db.prepare("SELECT id FROM users WHERE login = 'supervisor'").get() as { id: string };
  const insert = db.prepare(
    `INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, applicant_name, provider, due_by)
     VALUES (?, ?, 'preschool-queue', ?, ?, 'con-kokpekty', ?, ?, ?, ?, 'edu-kokpekty', ?)`,
  );
  const rows: Array<[string, string, string, string, string]> = [
    ['CON-20260301-0001', 'issued', '900412400014', 'Сейткали Нурлан Ерланович', '2026-03-10'],
    ['CON-20260301-0002', 'inWork', '050412400018', 'ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы', '2026-03-05'],
    ['CON-20260301-0003', 'sent', '880315400010', '=HYPERLINK("http://x")', '2099-01-01'],
  ];
  db.transaction(() => {
    rows.forEach(([number, state, iin, name, due], index) => {
      // The last one today, for the dashboard's "accepted today".
      const at = index === rows.length - 1 ? new Date().toISOString() : new Date(Date.parse('2026-03-01T05:00:00Z') + index * 60_000).toISOString();
      insert.run(`e2e-${index}`, number, state, iin, id, at, at, name, due);
    });
  })();
  db.close();
}

test('the journal finds a request by IIN and by a Kazakh surname in any case, and exports CSV and XLSX', async ({ page, host }, info) => {
  await step(page, info, 'first run and three requests in the journal', async () => {
    await firstRun(page, host.url);
    seed(host);
    await page.getByRole('link', { name: ru['nav.journal']! }).click();
    await expect(page.getByRole('heading', { name: ru['journal.title']! })).toBeVisible();
    await expect(page.getByTestId('journal').locator('tbody tr')).toHaveCount(3);
  });

  const rows = page.getByTestId('journal').locator('tbody tr');
  await step(page, info, 'by IIN: the one request, overdue marked', async () => {
    await page.getByLabel(ru['journal.iin']!).fill('050412400018');
    await page.getByRole('button', { name: ru['journal.search']! }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('CON-20260301-0002');
    await expect(rows.first()).toContainText(ru['journal.overdueMark']!);
  });

  await step(page, info, 'by a lower-case Kazakh prefix of the surname', async () => {
    await page.getByLabel(ru['journal.iin']!).fill('');
    await page.getByLabel(ru['journal.name']!).fill('әбілқ');
    await page.getByRole('button', { name: ru['journal.search']! }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы');
  });

  await step(page, info, 'FTS syntax is searched as text, a query without letters is explained', async () => {
    await page.getByLabel(ru['journal.name']!).fill('" OR 1=1');
    await page.getByRole('button', { name: ru['journal.search']! }).click();
    await expect(page.getByText(ru['journal.empty']!)).toBeVisible();
    await page.getByLabel(ru['journal.name']!).fill('*');
    await page.getByRole('button', { name: ru['journal.search']! }).click();
    await expect(page.getByRole('alert')).toContainText(ru['errors.JOURNAL_QUERY_EMPTY']!);
  });

  await step(page, info, 'everything, exported as CSV: BOM, Cyrillic, the formula defused', async () => {
    await page.getByRole('button', { name: ru['journal.reset']! }).click();
    await expect(rows).toHaveCount(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ru['journal.exportCsv']! }).click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы"');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  await step(page, info, 'in Kazakh, exported as XLSX with Kazakh headings', async () => {
    await page.getByRole('button', { name: 'Қаз' }).click();
    await expect(page.getByRole('heading', { name: kk['journal.title']! })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: kk['journal.exportXlsx']! }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe(kk['journal.columns.applicantIin']);
    const iins = [2, 3, 4].map((row) => sheet.getRow(row).getCell(5).value);
    expect(iins).toContain('050412400018');
  });

  await step(page, info, 'the dashboard counts the same overdue request the journal finds', async () => {
    await page.getByRole('button', { name: 'Рус' }).click();
    await page.getByLabel(ru['journal.overdue']!).check();
    await page.getByRole('button', { name: ru['journal.search']! }).click();
    await expect(rows).toHaveCount(1);
    await page.getByRole('link', { name: ru['nav.dashboard']! }).click();
    await expect(page.getByRole('heading', { name: ru['dashboard.title']! })).toBeVisible();
    await expect(page.getByTestId('dashboard-queue')).toContainText('0');
    await expect(page.getByTestId('dashboard-providers').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('dashboard-providers').locator('tbody tr').first()).toHaveText(/edu-kokpekty\s*0\s*1/);
    await expect(page.getByTestId('dashboard-operators').locator('tbody tr')).toHaveText([/Ахметова Динара Серікқызы\s*1/]);
  });

  await step(page, info, 'the period report lists the service and downloads as PDF', async () => {
    await page.getByRole('link', { name: ru['nav.reports']! }).click();
    await page.getByLabel(ru['reports.from']!).pressSequentially('01.03.2026');
    await page.getByRole('button', { name: ru['reports.show']! }).click();
    await expect(page.getByTestId('report').locator('tbody tr')).toHaveCount(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ru['reports.pdf']! }).click()]);
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  await step(page, info, 'a 001 Рег.1 request at the counter 20 minutes: intake (п.9, 14 minutes) flagged overdue in red, its steps with their due times in the opened row', async () => {
    const called = Math.floor(Date.now() / 60_000) * 60_000 - 20 * 60_000;
    const db = openDataFolderDatabase(host.dataDir);
    const { id } = db.prepare("SELECT id FROM users WHERE login = 'supervisor'").get() as { id: string };
    db.prepare(
      `INSERT INTO requests (id, number, service_id, variant_id, state, applicant_iin, centre, created_by, created_at, updated_at, provider)
       VALUES (?, 'CON-URALSK-0001', 'camp-referral', '001-r1', 'draft', '900412400014', 'con-uralsk', ?, ?, ?, 'edu-uralsk')`,
    ).run(randomUUID(), id, new Date(called).toISOString(), new Date(called).toISOString());
    db.close();
    const [day, time] = localDateTime(new Date(called + 14 * 60_000)).split('T') as [string, string];
    await page.getByRole('link', { name: ru['nav.journal']! }).click();
    await page.getByLabel(ru['journal.number']!).fill('CON-URALSK-0001');
    await page.getByRole('button', { name: ru['journal.search']! }).click();
    await expect(rows).toHaveCount(1);
    const flag = rows.first().getByTestId('centre-step-flag');
    await expect(flag).toHaveAttribute('data-status', 'overdue');
    await expect(flag).toHaveClass(/error/);
    const due = `${day.split('-').reverse().join('.')} ${time}`;
    await expect(flag).toContainText(`${ru['chain.phase.intake']!} · просрочен с ${due}`);
    await rows.first().locator('.ant-table-row-expand-icon').click();
    const steps = page.getByTestId('centre-chain').getByTestId('centre-step');
    await expect(steps).toHaveCount(4);
    await expect(steps.first()).toHaveAttribute('data-status', 'overdue');
    await expect(steps.first()).toContainText(due);
    await expect(steps.first()).toContainText('Рег.1 п.9 пп.1');
  });
});
