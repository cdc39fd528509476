import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listAudit, personRef } from '../audit/log';
import type { Db } from '../db/database';
import { createDraft, moveRequest, type Mover } from '../requests/repository';
import { signedIn, testCore } from '../testing';
import { MAX_EXPORT_ROWS } from './handlers';
import { csvCell, journalCsv } from './export';
import { localDateTime } from '../../../shared/time';
import { NAME_SCAN_THRESHOLD, nameTerms } from './search';

// The journal over a real core: requests made through the repository, searched through dispatch.

interface Made {
  iin: string;
  name: string;
  serviceId?: string;
  dueBy?: string | null;
}

function setup() {
  const t = testCore();
  const operatorKey = signedIn(t.core, 'operator', '920701300012', 'operator');
  const operatorId = t.core.sessions.get(operatorKey).user!.id;
  const operator: Mover & { userId: string } = { userId: operatorId, actor: 'operator' };
  const now = () => new Date(t.clock.now);
  /** A draft as intake leaves it, with the columns intake fills (name, provider, deadline). */
  const make = (db: Db, request: Made) => {
    const draft = createDraft(db, { serviceId: request.serviceId ?? 'preschool-queue', applicantIin: request.iin, centre: 'con-kokpekty' }, operator, now());
    db.prepare("UPDATE requests SET applicant_name = ?, due_by = ?, provider = 'edu-kokpekty', variant_id = 'v1' WHERE id = ?").run(request.name, request.dueBy ?? null, draft.id);
    return draft;
  };
  /** Moves the clock as if the operator kept working (no idle lock). */
  const setClock = (iso: string) => {
    t.clock.now = Date.parse(iso);
    t.core.sessions.get(operatorKey).lastActivity = t.clock.now;
  };
  return { ...t, operator, operatorId, now, setClock, arm: t.window(operatorKey), make: (request: Made) => make(t.db, request) };
}

describe('journal search', () => {
  it('finds a Kazakh or Russian name by a prefix of any word in any case, and keeps й and ё apart', async () => {
    const t = setup();
    t.make({ iin: '900412400014', name: 'ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы' });
    t.make({ iin: '850101300015', name: 'Йорданова Алёна' });
    t.make({ iin: '850101300016', name: 'Иорданова Алена' });
    const names = async (name: string) => (await t.arm.journal.search({ name })).rows.map((row) => row.applicantName);
    await expect(names('әбілқ')).resolves.toEqual(['ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы']);
    await expect(names('ұлан')).resolves.toEqual(['ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы']);
    await expect(names('ӘБІЛҚ ӨМІР')).resolves.toEqual(['ӘБІЛҚАЙЫРОВ Ұлан Өмірұлы']);
    await expect(names('йорд')).resolves.toEqual(['Йорданова Алёна']);
    await expect(names('алё')).resolves.toEqual(['Йорданова Алёна']);
    await expect(names('лан')).resolves.toEqual([]);
  });

  it('finds a renamed applicant by the new name only, and one saved again unchanged still by the name', async () => {
    const t = setup();
    const renamed = t.make({ iin: '900412400014', name: 'Сарсенбаева Айгерим' });
    const kept = t.make({ iin: '850101300015', name: 'Оспанов Бауыржан' });
    const rename = t.db.prepare('UPDATE requests SET applicant_name = ? WHERE id = ?');
    rename.run('Жумабаева Айгерим', renamed.id);
    // Saved again with the same name (as each intake draft save writes it): the index keeps it once.
    rename.run('Оспанов Бауыржан', kept.id);
    rename.run('Оспанов Бауыржан', kept.id);
    const names = async (name: string) => (await t.arm.journal.search({ name })).rows.map((row) => row.applicantName);
    await expect(names('сарсен')).resolves.toEqual([]);
    await expect(names('жумаб')).resolves.toEqual(['Жумабаева Айгерим']);
    await expect(names('оспан')).resolves.toEqual(['Оспанов Бауыржан']);
    // FTS5's own check of the index against the requests table: it throws on any difference.
    expect(() => t.db.prepare("INSERT INTO requests_name (requests_name, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('finds the Russian spelling of a Kazakh name and back (ә/а, ғ/г, қ/к, ң/н, ө/о, ұ/у, ү/у, һ/х, і/и)', async () => {
    const t = setup();
    t.make({ iin: '900412400014', name: 'Сәрсенбаева Әйгерім Ерланқызы' });
    t.make({ iin: '880903300010', name: 'Сарсенбаев Канат Нурланович' });
    t.make({ iin: '850101300016', name: 'Шаһарбанова Гүлнұр' });
    const names = async (name: string) => (await t.arm.journal.search({ name })).rows.map((row) => row.applicantName).sort();
    await expect(names('Сарсенбаев')).resolves.toEqual(['Сарсенбаев Канат Нурланович', 'Сәрсенбаева Әйгерім Ерланқызы']);
    await expect(names('Сәрсенбаев')).resolves.toEqual(['Сарсенбаев Канат Нурланович', 'Сәрсенбаева Әйгерім Ерланқызы']);
    await expect(names('айгерим ерланкызы')).resolves.toEqual(['Сәрсенбаева Әйгерім Ерланқызы']);
    await expect(names('Қанат')).resolves.toEqual(['Сарсенбаев Канат Нурланович']);
    await expect(names('шахарбанова гулнур')).resolves.toEqual(['Шаһарбанова Гүлнұр']);
    // A changed name is found by its new spelling only.
    t.db.prepare("UPDATE requests SET applicant_name = 'Оспанова Әлия' WHERE applicant_iin = '880903300010'").run();
    await expect(names('канат')).resolves.toEqual([]);
    await expect(names('алия')).resolves.toEqual(['Оспанова Әлия']);
  });

  it('treats FTS and SQL syntax as text, refuses a query with no letters and a 10,000-character one', async () => {
    const t = setup();
    t.make({ iin: '900412400014', name: 'Сейткали Нурлан' });
    for (const name of ['" OR 1=1', 'NEAR(', "'; DROP TABLE requests; --", 'сейт*"']) {
      const page = await t.arm.journal.search({ name });
      expect(page.rows.map((row) => row.applicantName)).toEqual(name === 'сейт*"' ? ['Сейткали Нурлан'] : []);
    }
    expect(nameTerms('" OR 1=1')).toBe('"or"* "1"* "1"*');
    await expect(t.arm.journal.search({ name: '*' })).rejects.toMatchObject({ code: 'JOURNAL_QUERY_EMPTY' });
    await expect(t.arm.journal.search({ name: 'а'.repeat(10_000) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(t.arm.journal.search({ iin: '12345' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('finds by exact IIN and writes who looked up which IIN; other searches write nothing', async () => {
    const t = setup();
    t.make({ iin: '900412400014', name: 'Сейткали Нурлан' });
    t.make({ iin: '900412400015', name: 'Сейткали Айгүл' });
    const page = await t.arm.journal.search({ iin: '900412400014' });
    expect(page.rows.map((row) => row.applicantIin)).toEqual(['900412400014']);
    const before = listAudit(t.db, { limit: 500 }).length;
    await t.arm.journal.search({ name: 'сейт' });
    expect(listAudit(t.db, { limit: 500 })).toHaveLength(before);
    const entries = listAudit(t.db, { action: 'journal.search', limit: 10 });
    expect(entries).toHaveLength(1);
    // The audit names the person by a keyed hash of the IIN, found again by the IIN.
    expect(entries[0]).toMatchObject({ userId: t.operatorId, objectType: 'person', objectId: personRef(t.db, '900412400014'), details: { found: 1 } });
    expect(listAudit(t.db, { iin: '900412400014', action: 'journal.search', limit: 10 })).toHaveLength(1);
  });

  it('combines number, service, state, operator and the local acceptance day', async () => {
    const t = setup();
    const first = t.make({ iin: '900412400014', name: 'Сейткали Нурлан' });
    // 2026-03-02T19:30Z is already 3 March in Kazakhstan (UTC+5).
    t.setClock('2026-03-02T19:30:00Z');
    const second = t.make({ iin: '900412400015', name: 'Сейткали Айгүл', serviceId: 'other-service' });
    moveRequest(t.db, second.id, 'signed', t.operator, t.now());
    const numbers = async (filter: Parameters<typeof t.arm.journal.search>[0]) => (await t.arm.journal.search(filter)).rows.map((row) => row.number);
    await expect(numbers({ number: first.number })).resolves.toEqual([first.number]);
    await expect(numbers({ serviceId: 'other-service' })).resolves.toEqual([second.number]);
    await expect(numbers({ state: 'signed' })).resolves.toEqual([second.number]);
    await expect(numbers({ state: 'issued' })).resolves.toEqual([]);
    await expect(numbers({ operatorId: t.operatorId })).resolves.toEqual([second.number, first.number]);
    await expect(numbers({ operatorId: 'someone-else' })).resolves.toEqual([]);
    await expect(numbers({ from: '2026-03-03', to: '2026-03-03' })).resolves.toEqual([second.number]);
    await expect(numbers({ from: '2026-03-02', to: '2026-03-02' })).resolves.toEqual([first.number]);
    const [row] = (await t.arm.journal.search({ number: second.number })).rows;
    expect(row).toMatchObject({ operatorName: 'operator', provider: 'edu-kokpekty', state: 'signed' });
  });

  it('marks as overdue only open requests past their local deadline, days due by their end', async () => {
    const t = setup();
    t.setClock('2026-03-05T06:00:00Z'); // 11:00 in Kazakhstan
    expect(localDateTime(t.now())).toBe('2026-03-05T11:00');
    const late = t.make({ iin: '900412400014', name: 'А Б', dueBy: '2026-03-04' });
    t.make({ iin: '900412400015', name: 'В Г', dueBy: '2026-03-05' });
    const lateMinutes = t.make({ iin: '900412400016', name: 'Д Е', dueBy: '2026-03-05T10:59' });
    t.make({ iin: '900412400017', name: 'Ж З', dueBy: null });
    const withdrawn = t.make({ iin: '900412400018', name: 'И К', dueBy: '2026-03-01' });
    moveRequest(t.db, withdrawn.id, 'withdrawn', t.operator, t.now());
    const page = await t.arm.journal.search({ overdue: true });
    expect(page.rows.map((row) => row.number).sort()).toEqual([late.number, lateMinutes.number].sort());
    expect(page.rows.every((row) => row.overdue)).toBe(true);
    const all = await t.arm.journal.search({});
    expect(all.rows.filter((row) => row.overdue)).toHaveLength(2);
  });

  it('pages by keyset through rows accepted in the same instant, each row once, newest first', async () => {
    const t = setup();
    const made = Array.from({ length: 7 }, (_, index) => t.make({ iin: '900412400014', name: `Сейткали ${index}` }));
    t.clock.now += 60_000;
    const newest = t.make({ iin: '900412400015', name: 'Жаңа' });
    const seen: string[] = [];
    let after: { at: string; key: number } | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await t.arm.journal.search({ limit: 3, ...(after ? { after } : {}) });
      seen.push(...page.rows.map((row) => row.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual([newest.id, ...made.map((row) => row.id).reverse()]);
  });

  it('gives the same pages for a common name whichever way the query is planned', async () => {
    const t = setup();
    const insert = t.db.prepare(
      "INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at, applicant_name) VALUES (?, ?, 's', 'draft', '900412400014', 'c', ?, ?, ?, ?)",
    );
    t.db.transaction(() => {
      for (let index = 0; index < NAME_SCAN_THRESHOLD + 100; index += 1) {
        // Acceptance times out of insertion order, some shared, so the order is the query's doing.
        const at = new Date(Date.parse('2026-03-02T09:00:00Z') - ((index * 7919) % 1000) * 60_000).toISOString();
        insert.run(`id-${index}`, `n-${index}`, t.operatorId, at, at, index % 500 === 0 ? `Зейнуллин Тимур ${index}` : `Сейткали Нұрлан ${index}`);
      }
    })();
    const walk = async (filter: { name: string; iin?: string }) => {
      const ids: string[] = [];
      let after: { at: string; key: number } | undefined;
      for (let pages = 0; pages < 4; pages += 1) {
        const page = await t.arm.journal.search({ ...filter, limit: 40, ...(after ? { after } : {}) });
        ids.push(...page.rows.map((row) => row.id));
        if (!page.next) break;
        after = page.next;
      }
      return ids;
    };
    // With the IIN the rows come by the matched set and a sort; without it, by the time index.
    const byTime = await walk({ name: 'сейт' });
    expect(byTime).toHaveLength(160);
    expect(byTime).toEqual(await walk({ name: 'сейт', iin: '900412400014' }));
    await expect(walk({ name: 'зейн' })).resolves.toHaveLength(5);
  });

  it('is for the counter and the supervisor only', async () => {
    const t = setup();
    const clerk = t.window(signedIn(t.core, 'clerk', '920701300013', 'clerk'));
    await expect(clerk.journal.search({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('journal export', () => {
  it('writes CSV with a BOM, translated headings and formula cells defused, and audits an IIN export', async () => {
    const t = setup();
    t.make({ iin: '900412400014', name: '=HYPERLINK("http://evil")' });
    const file = await t.arm.journal.export({ filter: { iin: '900412400014' }, format: 'csv', language: 'kk' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, line] = text.split('\r\n');
    expect(header).toContain('"Өтініш берушінің ЖСН"');
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain('"Жоба"');
    expect(listAudit(t.db, { action: 'journal.export', limit: 10 })[0]).toMatchObject({ objectId: personRef(t.db, '900412400014'), details: { found: 1 } });
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('Сейткали')).toBe('"Сейткали"');
    expect(journalCsv([], 'ru').toString('utf8')).toBe('\uFEFF"Номер","Принято","Услуга","Статус","ИИН заявителя","Заявитель","Услугодатель","Оператор","Срок оказания","Просрочено"\r\n');
  });

  it('writes XLSX whose cells are strings, an IIN with its leading zero', async () => {
    const t = setup();
    t.make({ iin: '050412400014', name: 'Сейткали Нурлан', dueBy: '2026-03-10' });
    const file = await t.arm.journal.export({ filter: {}, format: 'xlsx', language: 'ru' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Журнал заявлений');
    expect(sheet.getRow(1).getCell(5).value).toBe('ИИН заявителя');
    expect(sheet.getRow(2).getCell(5).value).toBe('050412400014');
    expect(sheet.getRow(2).getCell(6).value).toBe('Сейткали Нурлан');
    expect(sheet.getRow(2).getCell(9).value).toBe('2026-03-10');
  });

  it(`refuses more than ${MAX_EXPORT_ROWS} rows in one file`, async () => {
    const t = setup();
    const insert = t.db.prepare(
      "INSERT INTO requests (id, number, service_id, state, applicant_iin, centre, created_by, created_at, updated_at) VALUES (?, ?, 's', 'draft', '900412400014', 'c', ?, ?, ?)",
    );
    t.db.transaction(() => {
      for (let index = 0; index <= MAX_EXPORT_ROWS; index += 1) insert.run(`id-${index}`, `n-${index}`, t.operatorId, '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z');
    })();
    await expect(t.arm.journal.export({ filter: {}, format: 'csv', language: 'ru' })).rejects.toMatchObject({ code: 'JOURNAL_EXPORT_TOO_LARGE', params: { max: MAX_EXPORT_ROWS } });
  });
});
