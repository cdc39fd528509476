import { describe, expect, it } from 'vitest';
import { ArmError, type PersonData } from '../../../shared/api';
import { createCatalog } from '../../../shared/catalog/catalog';
import type { PowerOfAttorney } from '../../../shared/gateway/api';
import { DISTRICT_SEEDS } from '../../../shared/catalog/reach';
import { alignChecklist, checklistLines, completeFields, formFields, missingDocuments, missingFields, variantFor } from './form';
import { checkPowerOfAttorney } from './powerOfAttorney';

const catalog = createCatalog();
const applicant: PersonData = { iin: '900412400014', surname: 'Сарсенбаева', name: 'Айгерим', patronymic: 'Ерлановна', birthDate: '1990-04-12', address: 'с. Кокпекты', source: 'registry' };

describe('the intake form over the whole catalog', () => {
  const offered = catalog.services.flatMap((service) =>
    Object.keys(DISTRICT_SEEDS).flatMap((district) => {
      try {
        return [{ service, district, variant: variantFor(service, district, 'centre') }];
      } catch (error) {
        if (error instanceof ArmError && error.code === 'SERVICE_NOT_OFFERED') return [];
        throw error;
      }
    }),
  );

  it('finds a ЦОН variant in the centre’s region for every service that has one, and only those', () => {
    expect(offered.length).toBeGreaterThan(10);
    for (const { variant, district } of offered) {
      expect(variant.seed.startsWith(DISTRICT_SEEDS[district]!)).toBe(true);
      expect(variant.channels.some((channel) => channel.kind === 'centre')).toBe(true);
    }
    const everyCentreVariant = catalog.services.flatMap((service) => service.variants.filter((variant) => variant.channels.some((c) => c.kind === 'centre')));
    expect(new Set(offered.map(({ variant }) => variant.id))).toEqual(new Set(everyCentreVariant.map((variant) => variant.id)));
  });

  it('builds fields for each offered variant: required ones missing when empty, complete when typed; the applicant’s own taken from the record', () => {
    for (const { variant } of offered) {
      const fields = formFields(variant);
      expect(fields.map((field) => field.key)).not.toContain('applicantIin');
      expect(missingFields(variant, {}).map((field) => field.key)).toEqual(fields.filter((field) => field.required).map((field) => field.key));
      const typed = Object.fromEntries(fields.map((field) => [field.key, 'значение']));
      expect(missingFields(variant, typed)).toEqual([]);
      const complete = completeFields(variant, typed, applicant);
      for (const field of variant.applicationForm.fields) expect(complete[field.key]).toBeTruthy();
      if (variant.applicationForm.fields.some((field) => field.key === 'applicantIin')) expect(complete.applicantIin).toBe(applicant.iin);
    }
  });

  it('lists the catalog documents and adds the simple PoA as a required scanned line', () => {
    const service = catalog.get('disabled-child-home-support')!;
    const variant = service.variants[0]!;
    const lines = checklistLines(variant, { kind: 'simple' });
    expect(lines).toHaveLength(variant.documents.items.length + 1);
    expect(lines.at(-1)).toMatchObject({ kind: 'powerOfAttorney', required: true, document: variant.documents.items.length });
    const presented = alignChecklist(lines, []).map((item) => ({ ...item, presented: true }));
    expect(missingDocuments(lines, presented).map((line) => line.kind)).toEqual(['powerOfAttorney']);
    expect(missingDocuments(lines, alignChecklist(lines, []))).toHaveLength(lines.length);
  });
});

describe('checkPowerOfAttorney', () => {
  const poa: PowerOfAttorney = {
    number: '1',
    issuedOn: '2026-01-01',
    notary: { ru: 'Нотариус', kk: 'Нотариус' },
    principalIin: '900412400014',
    attorneyIin: '820125300010',
    scope: ['guardianship-certificate'],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    revoked: false,
    status: 'valid',
  };
  const expected = { applicantIin: '900412400014', representativeIin: '820125300010', serviceId: 'guardianship-certificate', today: '2026-03-02' };
  const code = (candidate: PowerOfAttorney, today = expected.today) => {
    try {
      checkPowerOfAttorney(candidate, { ...expected, today });
      return 'ok';
    } catch (error) {
      return (error as ArmError).code;
    }
  };

  it('accepts a matching PoA on its first and last day and refuses the day before and after', () => {
    expect(code(poa)).toBe('ok');
    expect(code(poa, '2026-01-01')).toBe('ok');
    expect(code(poa, '2026-12-31')).toBe('ok');
    expect(code(poa, '2025-12-31')).toBe('POA_NOT_YET_VALID');
    expect(code(poa, '2027-01-01')).toBe('POA_EXPIRED');
    expect(code({ ...poa, revoked: true })).toBe('POA_REVOKED');
    expect(code({ ...poa, scope: ['housing-queue'] })).toBe('POA_SCOPE');
    expect(code({ ...poa, scope: 'all' })).toBe('ok');
    expect(code({ ...poa, principalIin: '880903300010' })).toBe('POA_PRINCIPAL_MISMATCH');
    expect(code({ ...poa, attorneyIin: '880903300010' })).toBe('POA_ATTORNEY_MISMATCH');
  });
});
