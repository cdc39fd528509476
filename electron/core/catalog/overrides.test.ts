import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/log';
import { codeOf, testCore } from '../testing';

const LIST = [
  { name: { ru: 'Заявление', kk: 'Өтініш' }, form: 'original' as const, requirement: 'required' as const },
  {
    name: { ru: 'Копия свидетельства о рождении ребенка', kk: 'Баланың туу туралы куәлігінің көшірмесі' },
    form: 'copy' as const,
    requirement: 'conditional' as const,
    condition: { ru: 'если ребенок родился до 2008 года', kk: 'егер бала 2008 жылға дейін туған болса' },
  },
];

function windows() {
  const t = testCore();
  return { ...t, supervisor: t.as('supervisor', '880315400010'), operator: t.as('operator', '920701300012') };
}

describe('catalog overrides', () => {
  it("replaces a variant's document list where the regulation points to an absent Standard, versioned and audited", async () => {
    const { supervisor, operator, db } = windows();
    const before = await operator.catalog.get({ id: 'camp-referral' });
    expect(before.variants[0]).toMatchObject({ id: '001-r1', documents: { items: [] } });
    expect(before.variants[0]!.documents.listAbsent).toBeDefined();

    await expect(supervisor.catalog.setDocuments({ variantId: '001-r1', items: LIST, basis: 'Стандарт МОН РК № 198, п. 9' })).resolves.toMatchObject({ version: 1 });
    const after = await operator.catalog.get({ id: 'camp-referral' });
    const variant = after.variants[0]!;
    expect(variant.documents.items.map((item) => item.name.ru)).toEqual(['Заявление', 'Копия свидетельства о рождении ребенка']);
    expect(variant.documents.items[0]!.cite).toEqual(before.variants[0]!.documents.listAbsent!.cite);
    expect(variant.documentsOverride).toMatchObject({ version: 1, basis: 'Стандарт МОН РК № 198, п. 9' });

    await supervisor.catalog.setDocuments({ variantId: '001-r1', items: LIST.slice(0, 1), basis: 'Стандарт МОН РК № 198, п. 9 (ред. 2026)' });
    expect((await operator.catalog.get({ id: 'camp-referral' })).variants[0]!.documents.items).toHaveLength(1);
    const history = await supervisor.catalog.documentsHistory({ variantId: '001-r1' });
    expect(history.map((entry) => [entry.version, entry.items.length])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(listAudit(db, { limit: 10, action: 'catalog.documents' }).map((entry) => entry.details.version)).toEqual([2, 1]);
  });

  it('is for the supervisor only, and refuses an unknown variant or a conditional document without its condition', async () => {
    const { supervisor, operator, db } = windows();
    expect(await codeOf(operator.catalog.setDocuments({ variantId: '001-r1', items: LIST, basis: 'Стандарт' }))).toBe('FORBIDDEN');
    expect(await codeOf(supervisor.catalog.setDocuments({ variantId: '999-r9', items: LIST, basis: 'Стандарт' }))).toBe('NOT_FOUND');
    const noCondition = [{ ...LIST[1]!, condition: undefined }];
    expect(await codeOf(supervisor.catalog.setDocuments({ variantId: '001-r1', items: noCondition, basis: 'Стандарт' }))).toBe('VALIDATION_FAILED');
    expect(db.prepare('SELECT count(*) AS n FROM catalog_overrides').get()).toEqual({ n: 0 });
  });
});
