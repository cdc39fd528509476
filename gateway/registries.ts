import type { Organisation, Person, PowerOfAttorney, Recheck, Route, UnverifiedPerson } from '../shared/gateway/api';
import { checkIin } from '../shared/iin/iin';
import { localDay } from '../shared/time';
import type { GatewayDb } from './db/database';
import { GatewayError } from './errors';

// Read-only registries behind the gateway: ГБД ФЛ (persons), ЕНИС (powers of attorney), the
// directory of centres and providers with the routing table, the holiday calendar.

interface PersonRow {
  iin: string;
  surname_ru: string;
  surname_kk: string;
  name_ru: string;
  name_kk: string;
  patronymic_ru: string | null;
  patronymic_kk: string | null;
  birth_date: string;
  sex: 'male' | 'female';
  district: string;
  address_ru: string;
  address_kk: string;
  document_kind: 'id-card' | 'birth-certificate';
  document_number: string;
  document_issued_on: string;
  document_issuer_ru: string;
  document_issuer_kk: string;
  father_iin: string | null;
  mother_iin: string | null;
}

interface PowerOfAttorneyRow {
  number: string;
  issued_on: string;
  notary_ru: string;
  notary_kk: string;
  principal_iin: string;
  attorney_iin: string;
  scope: string;
  valid_from: string;
  valid_to: string;
  revoked: number;
}

interface OrganisationRow {
  code: string;
  kind: 'centre' | 'provider';
  name_ru: string;
  name_kk: string;
  district: string;
}

function toPerson(row: PersonRow): Person {
  return {
    iin: row.iin,
    surname: { ru: row.surname_ru, kk: row.surname_kk },
    name: { ru: row.name_ru, kk: row.name_kk },
    patronymic: row.patronymic_ru !== null && row.patronymic_kk !== null ? { ru: row.patronymic_ru, kk: row.patronymic_kk } : null,
    birthDate: row.birth_date,
    sex: row.sex,
    district: row.district,
    address: { ru: row.address_ru, kk: row.address_kk },
    document: {
      kind: row.document_kind,
      number: row.document_number,
      issuedOn: row.document_issued_on,
      issuer: { ru: row.document_issuer_ru, kk: row.document_issuer_kk },
    },
    fatherIin: row.father_iin,
    motherIin: row.mother_iin,
  };
}

function toOrganisation(row: OrganisationRow): Organisation {
  return { code: row.code, kind: row.kind, name: { ru: row.name_ru, kk: row.name_kk }, district: row.district };
}

/** Hand-typed names are compared without case, surrounding spaces or the ё/е distinction. */
function sameName(typed: string | null, registered: { ru: string; kk: string } | null): boolean {
  const normal = (value: string) => value.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ');
  if (typed === null || typed.trim() === '' || registered === null) return (typed === null || typed.trim() === '') && registered === null;
  return normal(typed) === normal(registered.ru) || normal(typed) === normal(registered.kk);
}

/**
 * trainingProvider (training only): the provider the training АРМ plays. Every route of the
 * directory — /routing, the organisations reference and the portal — names it instead of the
 * district's own provider, which no training АРМ pulls (issue 17): the same (service, district)
 * pairs, so what a district offers does not change, only who decides it.
 */
export function createRegistries(db: GatewayDb, now: () => Date, trainingProvider: string | null = null) {
  const personByIin = db.prepare<[string], PersonRow>('SELECT * FROM persons WHERE iin = ?');
  const powerOfAttorneyByNumber = db.prepare<[string, string], PowerOfAttorneyRow>('SELECT * FROM powers_of_attorney WHERE number = ? AND issued_on = ?');
  const organisationByCode = db.prepare<[string], OrganisationRow>('SELECT * FROM organisations WHERE code = ?');
  const allOrganisations = db.prepare<[], OrganisationRow>('SELECT * FROM organisations ORDER BY code');
  const allRoutes = db.prepare<[], Route>('SELECT service, district, provider FROM routes ORDER BY service, district');
  const routeOf = db.prepare<[string, string], { provider: string }>('SELECT provider FROM routes WHERE service = ? AND district = ?');
  const allHolidays = db.prepare<[], { date: string; name_ru: string; name_kk: string }>('SELECT * FROM holidays ORDER BY date');
  const metaValue = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');

  const version = (name: string) => Number(metaValue.get(`reference.${name}.version`)?.value ?? 1);
  const routed = (provider: string) => trainingProvider ?? provider;

  return {
    /** ГБД ФЛ lookup; «сообщение о невозможности получения данных» when the person is not there. */
    person(iin: string): Person {
      const check = checkIin(iin);
      if (!check.valid) throw new GatewayError('IIN_INVALID', `Not a valid IIN (${check.problem}).`, { issues: [{ path: 'iin', message: check.problem }] });
      const row = personByIin.get(iin);
      if (!row) throw new GatewayError('PERSON_NOT_FOUND', 'ГБД ФЛ holds no person with this IIN: data cannot be obtained.');
      return toPerson(row);
    },

    /** ЕНИС lookup by the registry number and the date of the power of attorney. */
    powerOfAttorney(number: string, date: string): PowerOfAttorney {
      const row = powerOfAttorneyByNumber.get(number, date);
      if (!row) throw new GatewayError('POWER_OF_ATTORNEY_NOT_FOUND', 'ЕНИС holds no power of attorney with this number and date.');
      const today = localDay(now());
      const status = row.revoked ? 'revoked' : today < row.valid_from ? 'not-yet-valid' : today > row.valid_to ? 'expired' : 'valid';
      return {
        number: row.number,
        issuedOn: row.issued_on,
        notary: { ru: row.notary_ru, kk: row.notary_kk },
        principalIin: row.principal_iin,
        attorneyIin: row.attorney_iin,
        scope: JSON.parse(row.scope) as PowerOfAttorney['scope'],
        validFrom: row.valid_from,
        validTo: row.valid_to,
        revoked: row.revoked === 1,
        status,
      };
    },

    organisation(code: string): Organisation | null {
      const row = organisationByCode.get(code);
      return row ? toOrganisation(row) : null;
    },

    /** Re-check of a person typed by hand offline: either spelling (ru or kk) of a name counts. */
    recheck(typed: UnverifiedPerson): Recheck {
      const row = personByIin.get(typed.iin);
      if (!row) return { iin: typed.iin, result: 'not-found', mismatches: [] };
      const person = toPerson(row);
      const mismatches = [
        ...(sameName(typed.surname, person.surname) ? [] : (['surname'] as const)),
        ...(sameName(typed.name, person.name) ? [] : (['name'] as const)),
        ...(sameName(typed.patronymic, person.patronymic) ? [] : (['patronymic'] as const)),
        ...(typed.birthDate === person.birthDate ? [] : (['birthDate'] as const)),
      ];
      return { iin: typed.iin, result: mismatches.length === 0 ? 'match' : 'mismatch', mismatches };
    },

    /** Which provider decides a service in a district. */
    route(service: string, district: string): { service: string; district: string; provider: Organisation } {
      const found = routeOf.get(service, district)?.provider;
      const provider = found === undefined ? undefined : routed(found);
      const organisation = provider ? organisationByCode.get(provider) : undefined;
      if (!organisation) throw new GatewayError('ROUTE_NOT_FOUND', `No provider for ${service} in ${district}.`);
      return { service, district, provider: toOrganisation(organisation) };
    },

    holidays() {
      return {
        version: version('holidays'),
        holidays: allHolidays.all().map((row) => ({ date: row.date, name: { ru: row.name_ru, kk: row.name_kk } })),
      };
    },

    organisations() {
      return {
        version: version('organisations'),
        organisations: allOrganisations.all().map(toOrganisation),
        routes: allRoutes.all().map((route) => ({ ...route, provider: routed(route.provider) })),
      };
    },
  };
}

export type Registries = ReturnType<typeof createRegistries>;
