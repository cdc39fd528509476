import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../shared/catalog/catalog';
import { emptyFilter, filterServices } from './filter';

const list = createCatalog().list();
const ids = (filter: Partial<typeof emptyFilter>) => filterServices(list, { ...emptyFilter, ...filter }).map((service) => service.id);

describe('catalog filter', () => {
  it('an empty filter keeps every service', () => {
    expect(ids({})).toHaveLength(list.length);
  });

  it('finds by Russian words in any order and case', () => {
    expect(ids({ query: 'ПОДВОЗА бесплатного' })).toEqual(['school-transport']);
    expect(ids({ query: 'попечительству справок' })).toEqual(['guardianship-certificate', 'minor-property-transaction-certificate']);
  });

  it('finds by Kazakh name', () => {
    expect(ids({ query: 'қорғаншылық анықтама беру' })).toEqual(['guardianship-certificate', 'minor-property-transaction-certificate']);
    expect(ids({ query: 'жұмыссыз' })).toEqual(['unemployed-certificate']);
  });

  it('folds ё to е', () => {
    expect(ids({ query: 'ребёнка' })).toEqual(ids({ query: 'ребенка' }));
    expect(ids({ query: 'ребёнка' }).length).toBeGreaterThan(0);
  });

  it('filters by provider kind and by channel', () => {
    expect(ids({ provider: 'housingDepartment' })).toEqual(['housing-queue']);
    expect(ids({ provider: 'employmentDepartment' })).toEqual(['unemployed-certificate', 'disabled-child-home-support']);
    expect(ids({ channel: 'mobileCentre' }).sort()).toEqual(['guardianship-certificate', 'minor-deposits-inheritance-certificate', 'minor-property-transaction-certificate']);
    expect(ids({ channel: 'provider', query: 'опек' })).toEqual(['child-opinion-decision']);
  });

  it('a query that matches nothing gives an empty list', () => {
    expect(ids({ query: 'паспорт' })).toEqual([]);
  });
});
