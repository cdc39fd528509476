import type { GatewayDb } from '../db/database';
import { demoPersons, demoPowersOfAttorney } from './demo';
import { holidays, organisations, routes } from './directory';
import { generatePersons } from './persons';

/** Fills the registries of a fresh database once; a database that has them is left alone. */
export function seedRegistries(db: GatewayDb): void {
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'seeded_at'").get()) return;
  const insertPerson = db.prepare(`
    INSERT INTO persons (iin, surname_ru, surname_kk, name_ru, name_kk, patronymic_ru, patronymic_kk, birth_date, sex,
      district, address_ru, address_kk, document_kind, document_number, document_issued_on, document_issuer_ru,
      document_issuer_kk, father_iin, mother_iin)
    VALUES (@iin, @surnameRu, @surnameKk, @nameRu, @nameKk, @patronymicRu, @patronymicKk, @birthDate, @sex,
      @district, @addressRu, @addressKk, @documentKind, @documentNumber, @documentIssuedOn, @documentIssuerRu,
      @documentIssuerKk, @fatherIin, @motherIin)`);
  const insertPowerOfAttorney = db.prepare(`
    INSERT INTO powers_of_attorney (number, issued_on, notary_ru, notary_kk, principal_iin, attorney_iin, scope, valid_from, valid_to, revoked)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOrganisation = db.prepare('INSERT INTO organisations (code, kind, name_ru, name_kk, district) VALUES (?, ?, ?, ?, ?)');
  const insertRoute = db.prepare('INSERT INTO routes (service, district, provider) VALUES (?, ?, ?)');
  const insertHoliday = db.prepare('INSERT INTO holidays (date, name_ru, name_kk) VALUES (?, ?, ?)');
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  db.transaction(() => {
    for (const person of [...demoPersons, ...generatePersons()]) {
      insertPerson.run({
        iin: person.iin,
        surnameRu: person.surname.ru,
        surnameKk: person.surname.kk,
        nameRu: person.name.ru,
        nameKk: person.name.kk,
        patronymicRu: person.patronymic?.ru ?? null,
        patronymicKk: person.patronymic?.kk ?? null,
        birthDate: person.birthDate,
        sex: person.sex,
        district: person.district,
        addressRu: person.address.ru,
        addressKk: person.address.kk,
        documentKind: person.document.kind,
        documentNumber: person.document.number,
        documentIssuedOn: person.document.issuedOn,
        documentIssuerRu: person.document.issuer.ru,
        documentIssuerKk: person.document.issuer.kk,
        fatherIin: person.fatherIin,
        motherIin: person.motherIin,
      });
    }
    for (const poa of demoPowersOfAttorney) {
      insertPowerOfAttorney.run(poa.number, poa.issuedOn, poa.notary.ru, poa.notary.kk, poa.principalIin, poa.attorneyIin, JSON.stringify(poa.scope), poa.validFrom, poa.validTo, poa.revoked ? 1 : 0);
    }
    for (const organisation of organisations) {
      insertOrganisation.run(organisation.code, organisation.kind, organisation.name.ru, organisation.name.kk, organisation.district);
    }
    for (const route of routes) insertRoute.run(route.service, route.district, route.provider);
    for (const holiday of holidays) insertHoliday.run(holiday.date, holiday.name.ru, holiday.name.kk);
    setMeta.run('reference.holidays.version', '1');
    setMeta.run('reference.organisations.version', '1');
    setMeta.run('seeded_at', new Date().toISOString());
  })();
}
