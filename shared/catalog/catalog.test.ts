import { describe, expect, it } from 'vitest';
import { buildCatalog, catalogFiles, checkCatalogFile, createCatalog, serviceDeadline } from './catalog';
import { variants as seed001 } from './data/seed-001';
import type { ChannelKind, Service, Variant } from './schema';

const catalog = createCatalog();
const variants = catalog.services.flatMap((service) => service.variants);

function variant(id: string): Variant {
  const found = variants.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no variant ${id}`);
  return found;
}

function term(id: string, kind: ChannelKind): { value: number; unit: string } | null {
  const channel = variant(id).channels.find((candidate) => candidate.kind === kind);
  if (!channel) throw new Error(`${id} has no ${kind} channel`);
  return channel.term ? { value: channel.term.value, unit: channel.term.unit } : null;
}

const steps = (id: string) => variant(id).steps.map((step) => [step.actor, step.duration.value, step.duration.unit]);
const channels = (id: string) => variant(id).channels.map((channel) => channel.kind).sort();

describe('catalog files', () => {
  for (const [file, { kind, data }] of Object.entries(catalogFiles)) {
    it(`${file} matches the schema`, () => {
      expect(checkCatalogFile(file, kind, data)).toEqual([]);
    });
  }

  it('a broken file is reported with its name and the path of the bad field', () => {
    const broken = structuredClone(seed001) as Array<Record<string, unknown>>;
    (broken[2] as { channels: Array<{ term: unknown }> }).channels[0]!.term = { value: -1, unit: 'hours', cite: [] };
    const problems = checkCatalogFile('shared/catalog/data/seed-001.ts', 'variants', broken);
    expect(problems.some((problem) => problem.startsWith('shared/catalog/data/seed-001.ts: 2.channels.0.term.unit:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('shared/catalog/data/seed-001.ts: 2.channels.0.term.value:'))).toBe(true);
    expect(() => buildCatalog({ ...catalogFiles, 'shared/catalog/data/seed-001.ts': { kind: 'variants', data: broken } })).toThrow(/seed-001\.ts: 2\.channels\.0\.term/);
  });

  it('a variant of an unknown service and a service without variants are refused', () => {
    const orphan = structuredClone(seed001).map((entry) => ({ ...entry, serviceId: 'no-such-service' }));
    expect(() => buildCatalog({ ...catalogFiles, 'shared/catalog/data/seed-001.ts': { kind: 'variants', data: orphan } })).toThrow(
      /seed-001\.ts: 0\.serviceId: no service no-such-service[\s\S]*camp-referral: service has no variant/,
    );
  });

  it('a repeated variant id is refused', () => {
    expect(() => buildCatalog({ ...catalogFiles, 'copy.ts': { kind: 'variants', data: seed001 } })).toThrow(/copy\.ts: 0\.id: variant id 001-r1 repeated/);
  });
});

describe('coverage of the five seeds', () => {
  it('has every service of every seed: 13 of 001, 7 of 003, 000, 002 and 3 of 004', () => {
    const expected = [
      ...Array.from({ length: 13 }, (_, i) => `001-r${i + 1}`),
      ...Array.from({ length: 7 }, (_, i) => `003-r${i + 1}`),
      '000',
      '002',
      '004-r1',
      '004-r2',
      '004-r3',
    ];
    expect(variants.map((entry) => entry.id).sort()).toEqual(expected.sort());
  });

  it('the guardianship certificate is one service with a variant per region, each citing its own seed', () => {
    const service = catalog.get('guardianship-certificate') as Service;
    expect(service.variants.map((entry) => entry.id).sort()).toEqual(['000', '001-r2', '002', '003-r4', '004-r1']);
    for (const entry of service.variants) expect(entry.provider.cite.every((cite) => cite.seed === entry.seed)).toBe(true);
    expect(new Set(service.variants.map((entry) => entry.region.ru)).size).toBe(5);
  });

  it('the same service in 003 and 004 (minors’ property, deposits) is one service with two variants', () => {
    expect(catalog.get('minor-property-transaction-certificate')?.variants.map((entry) => entry.id)).toEqual(['003-r5', '004-r3']);
    expect(catalog.get('minor-deposits-inheritance-certificate')?.variants.map((entry) => entry.id)).toEqual(['003-r6', '004-r2']);
  });

  it('every service has ru and kk names in Cyrillic, with citations; kk from a kk seed only where one exists', () => {
    for (const service of catalog.services) {
      expect(service.name.ru.length, service.id).toBeGreaterThan(10);
      expect(service.name.kk, service.id).not.toMatch(/[A-Za-z]/);
      expect(service.nameCite.length, service.id).toBeGreaterThan(0);
      if (service.kkSource === 'seed') expect(service.nameCite.some((cite) => cite.seed.startsWith('002') || cite.seed.startsWith('004')), service.id).toBe(true);
    }
    expect(catalog.services.filter((service) => service.kkSource === 'seed').map((service) => service.id).sort()).toEqual([
      'guardianship-certificate',
      'minor-deposits-inheritance-certificate',
      'minor-property-transaction-certificate',
    ]);
  });

  it('every Kazakh document, field and result label is Cyrillic', () => {
    const labels = variants.flatMap((entry) => [
      ...entry.documents.items.map((item) => item.name.kk),
      ...entry.applicationForm.fields.map((item) => item.label.kk),
      ...entry.results.map((item) => item.name.kk),
      entry.region.kk,
    ]);
    for (const label of labels) expect(label).not.toMatch(/[A-Za-z]/);
  });

  it('list() summarizes all 19 services with their provider kinds and channels', () => {
    const list = catalog.list();
    expect(list).toHaveLength(19);
    const guardianship = list.find((entry) => entry.id === 'guardianship-certificate');
    expect(guardianship?.channels.sort()).toEqual(['centre', 'mobileCentre', 'portal']);
    expect(guardianship?.providerKinds.sort()).toEqual(['districtExecutiveBody', 'educationDepartment']);
    expect(catalog.get('no-such-service')).toBeUndefined();
  });
});

describe('terms per regulation (values read from the seed text)', () => {
  const noTerm = (id: string) => variant(id).channels.every((channel) => channel.term === null && Boolean(channel.termNote));

  it('001 Рег.1 п.5: 15 мин, 15 мин, 3 р.д., 15 мин, 1 р.д.; п.9 пп.1: 5 минут у окна; общего срока нет', () => {
    expect(steps('001-r1')).toEqual([['clerk', 15, 'minutes'], ['head', 15, 'minutes'], ['executor', 3, 'workingDays'], ['head', 15, 'minutes'], ['clerk', 1, 'workingDays']]);
    expect(variant('001-r1').channels.find((channel) => channel.kind === 'centre')?.counter?.maxService?.minutes).toBe(15);
    expect(channels('001-r1')).toEqual(['centre', 'portal', 'provider']);
    expect(noTerm('001-r1')).toBe(true);
  });

  it('001 Рег.2 п.5: 5, 5, 10, 5, 5 минут; только портал', () => {
    expect(steps('001-r2').map(([, value, unit]) => `${value}${unit}`)).toEqual(['5minutes', '5minutes', '10minutes', '5minutes', '5minutes']);
    expect(channels('001-r2')).toEqual(['portal']);
  });

  it('001 Рег.3 п.5: исполнитель 12 р.д., МИО 6 р.д. (постановление), канцелярия 1 р.д.; ЦОН и портал', () => {
    expect(steps('001-r3').slice(2)).toEqual([['executor', 12, 'workingDays'], ['akimat', 6, 'workingDays'], ['clerk', 1, 'workingDays']]);
    expect(channels('001-r3')).toEqual(['centre', 'portal']);
    expect(variant('001-r3').results[0]?.kind).toBe('resolution');
  });

  it('001 Рег.4 п.5 пп.3: исполнитель 2 рабочих дня', () => {
    expect(steps('001-r4')[2]).toEqual(['executor', 2, 'workingDays']);
  });

  it('001 Рег.5 п.5 пп.3: 1 рабочий день; п.9 пп.1: 2 минуты у окна ЦОН; п.2: расписка — прил.3 Стандарта', () => {
    expect(steps('001-r5')[2]).toEqual(['executor', 1, 'workingDays']);
    expect(variant('001-r5').channels.find((channel) => channel.kind === 'centre')?.counter?.maxService?.minutes).toBe(8);
    expect(variant('001-r5').applicationForm.reference).toMatch(/приложение 3 Стандарта/);
  });

  it('001 Рег.6 п.5 пп.3: 9 рабочих дней; два результата (уведомление о договоре и решение)', () => {
    expect(steps('001-r6')[2]).toEqual(['executor', 9, 'workingDays']);
    expect(variant('001-r6').results.map((result) => result.kind)).toEqual(['notification', 'decision']);
  });

  it('001 Рег.7 п.5 пп.3: 9 рабочих дней', () => expect(steps('001-r7')[2]).toEqual(['executor', 9, 'workingDays']));
  it('001 Рег.8 п.5 пп.3: 4 рабочих дня', () => expect(steps('001-r8')[2]).toEqual(['executor', 4, 'workingDays']));

  it('001 Рег.9 п.1, п.5: аким сельского округа; 15 мин, 15 мин, 3 р.д., 15 мин, 1 р.д.', () => {
    expect(variant('001-r9').provider.kind).toBe('ruralAkim');
    expect(steps('001-r9').map(([, value]) => value)).toEqual([15, 15, 3, 15, 1]);
  });

  it('001 Рег.10 п.5: руководитель 1 р.д. дважды, выдача 30 минут; услугодатель не назван (п.1)', () => {
    expect(steps('001-r10')).toEqual([['clerk', 15, 'minutes'], ['head', 1, 'workingDays'], ['executor', 3, 'workingDays'], ['head', 1, 'workingDays'], ['clerk', 30, 'minutes']]);
    expect(variant('001-r10').provider.kind).toBe('unspecified');
  });

  it('001 Рег.11 п.5 пп.3: 9 р.д.; п.9 пп.1: 2 минуты у окна', () => {
    expect(steps('001-r11')[2]).toEqual(['executor', 9, 'workingDays']);
    expect(variant('001-r11').channels.find((channel) => channel.kind === 'centre')?.counter?.maxService?.minutes).toBe(8);
  });

  it('001 Рег.12 п.5 пп.3: 9 р.д.; канцелярия и портал; договор и решение', () => {
    expect(steps('001-r12')[2]).toEqual(['executor', 9, 'workingDays']);
    expect(channels('001-r12')).toEqual(['portal', 'provider']);
    expect(variant('001-r12').results.map((result) => result.kind)).toEqual(['contract', 'decision']);
  });

  it('001 Рег.13 п.1, п.5: только канцелярия; 9 р.д.', () => {
    expect(channels('001-r13')).toEqual(['provider']);
    expect(steps('001-r13')[2]).toEqual(['executor', 9, 'workingDays']);
  });

  it('003 Рег.1 прил.1 табл.1–3: ПЭП и услугодатель 10 минут, ЦОН 3 рабочих дня', () => {
    expect(term('003-r1', 'portal')).toEqual({ value: 10, unit: 'minutes' });
    expect(term('003-r1', 'provider')).toEqual({ value: 10, unit: 'minutes' });
    expect(term('003-r1', 'centre')).toEqual({ value: 3, unit: 'workingDays' });
  });

  it('003 Рег.2 прил.2 табл.1–2: 10 рабочих дней; ЦОН нет; пять документов в прил.4', () => {
    expect(term('003-r2', 'provider')).toEqual({ value: 10, unit: 'workingDays' });
    expect(term('003-r2', 'portal')).toEqual({ value: 10, unit: 'workingDays' });
    expect(channels('003-r2')).toEqual(['portal', 'provider']);
    expect(variant('003-r2').documents.items).toHaveLength(5);
  });

  it('003 Рег.3 прил.2 табл.1–3: 3 рабочих дня на всех каналах; направление действует 5 дней', () => {
    for (const kind of ['provider', 'centre', 'portal'] as const) expect(term('003-r3', kind)).toEqual({ value: 3, unit: 'workingDays' });
    expect(variant('003-r3').results[0]?.validity).toMatch(/пяти дней/);
  });

  it('003 Рег.4 прил.1 табл.1–2: 5 рабочих дней; отказ «запись не найдена в Электронном реестре»', () => {
    expect(term('003-r4', 'centre')).toEqual({ value: 5, unit: 'workingDays' });
    expect(term('003-r4', 'portal')).toEqual({ value: 5, unit: 'workingDays' });
    expect(variant('003-r4').refusalGrounds.map((ground) => ground.code)).toContain('guardianshipRegisterNoRecord');
  });

  it('003 Рег.5 прил.1 табл.1–2: 5 рабочих дней; справка действует 1 месяц', () => {
    expect(term('003-r5', 'centre')).toEqual({ value: 5, unit: 'workingDays' });
    expect(variant('003-r5').results[0]?.validity).toMatch(/1 \(одного\) месяца/);
  });

  it('003 Рег.6 прил.1 табл.1–2: 5 рабочих дней', () => {
    expect(term('003-r6', 'centre')).toEqual({ value: 5, unit: 'workingDays' });
    expect(term('003-r6', 'portal')).toEqual({ value: 5, unit: 'workingDays' });
  });

  it('003 Рег.7 прил.1 табл.1–3: 30 календарных дней на всех каналах', () => {
    for (const kind of ['provider', 'centre', 'portal'] as const) expect(term('003-r7', kind)).toEqual({ value: 30, unit: 'calendarDays' });
  });

  it('000 Прил.1 Табл.2 д.1: «Не более 20 минут» у окна ЦОН; общего срока нет (столбец обрезан); мобильные центры (п.1)', () => {
    expect(variant('000').channels.find((channel) => channel.kind === 'centre')?.counter?.maxService?.minutes).toBe(20);
    expect(noTerm('000')).toBe(true);
    expect(channels('000')).toEqual(['centre', 'mobileCentre', 'portal']);
  });

  it('002 п.5: 5 минут с момента сдачи пакета; п.10 пп.2: обработка не более 5 минут; шаги по 5 минут', () => {
    expect(term('002', 'centre')).toEqual({ value: 5, unit: 'minutes' });
    expect(variant('002').channels.find((channel) => channel.kind === 'centre')?.counter?.maxService?.minutes).toBe(5);
    expect(steps('002').every(([, value, unit]) => value === 5 && unit === 'minutes')).toBe(true);
  });

  it('004 R1 1-қосымша 1-кесте: портал 5 жұмыс күні; 2-кесте 9-баған: выдача 20 минут; срок ЦОН не указан', () => {
    expect(term('004-r1', 'portal')).toEqual({ value: 5, unit: 'workingDays' });
    expect(term('004-r1', 'centre')).toBeNull();
    expect(variant('004-r1').channels.find((channel) => channel.kind === 'centre')?.counter?.maxService?.minutes).toBe(20);
  });

  it('004 R2 1-қосымша 1–2-кесте: 5 жұмыс күні на портале и в ЦОН; справка 1 ай', () => {
    expect(term('004-r2', 'portal')).toEqual({ value: 5, unit: 'workingDays' });
    expect(term('004-r2', 'centre')).toEqual({ value: 5, unit: 'workingDays' });
    expect(variant('004-r2').results[0]?.validity).toMatch(/1 \(бір\) ай/);
  });

  it('004 R3 1-қосымша: срок портала не проставлен («–»), срок ЦОН не указан', () => {
    expect(term('004-r3', 'portal')).toBeNull();
    expect(term('004-r3', 'centre')).toBeNull();
  });
});

describe('representatives and documents', () => {
  it('no seed requires a notarised power of attorney; where the ЦОН takes one, a notarised one is checked in ЕНИС', () => {
    for (const entry of variants) {
      expect(entry.representative.notarisationRequired, entry.id).not.toBe(true);
      if (entry.representative.allowed) expect(entry.representative.enisCheck, entry.id).toBe(true);
    }
    expect(variant('001-r5').representative.allowed).toBe(true);
    expect(variant('001-r2').representative.allowed).toBeNull();
  });

  it('only 003 Рег.2 lists documents; every other variant says which absent Standard holds the list', () => {
    for (const entry of variants) {
      if (entry.id === '003-r2') expect(entry.documents.items.length).toBeGreaterThan(0);
      else expect(entry.documents.listAbsent?.standard, entry.id).toMatch(/11|9/);
    }
  });
});

describe('serviceDeadline: one function from any service and date', () => {
  it('003 Рег.4 via the ЦОН, accepted Thu 20 March 2025: 5 working days after Nauryz → Tue 1 April', () => {
    expect(serviceDeadline(variant('003-r4'), 'centre', '2025-03-20T10:00')).toEqual({ unit: 'workingDays', due: '2025-04-01' });
  });

  it('003 Рег.7: 30 calendar days; 002 п.5: 5 minutes from handing in the package', () => {
    expect(serviceDeadline(variant('003-r7'), 'provider', '2026-12-10T09:30')).toEqual({ unit: 'calendarDays', due: '2027-01-09' });
    expect(serviceDeadline(variant('002'), 'centre', '2026-05-04T11:58')).toEqual({ unit: 'minutes', due: '2026-05-04T12:03' });
  });

  it('is null where the regulation gives no term; a channel the variant lacks is VALIDATION_FAILED', () => {
    expect(serviceDeadline(variant('001-r5'), 'centre', '2025-03-20T10:00')).toBeNull();
    expect(() => serviceDeadline(variant('003-r2'), 'centre', '2025-03-20T10:00')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('a year without calendar data is CALENDAR_YEAR_MISSING', () => {
    expect(() => serviceDeadline(variant('003-r4'), 'centre', '2027-12-28T10:00')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }));
  });
});
