import type { Bilingual, Person } from '../../shared/gateway/api';
import { makeIin } from '../../shared/iin/iin';
import { districts, districtOf, streets } from './directory';
import {
  femaleSurname,
  kazakhFemale,
  kazakhMale,
  kazakhPatronymic,
  kazakhSurnames,
  russianFemale,
  russianMale,
  russianSurnames,
  type GivenName,
} from './names';
import { picker, type Pick } from './random';

/** Ages are counted from this day, not from the clock, so a fresh database is the same every year. */
export const SEED_DAY = '2026-01-01';
const SEED = 20_260_101;
const FAMILIES = 130;

const ID_CARD_ISSUER: Bilingual = { ru: 'МВД РК', kk: 'ҚР ІІМ' };
const BIRTH_REGISTRY: Bilingual = { ru: 'Органы регистрации актов гражданского состояния', kk: 'Азаматтық хал актілерін тіркеу органдары' };

type Sex = 'male' | 'female';

/** Russian names keep their spelling in Kazakh documents. */
function sameSpelling(name: string): GivenName {
  return { ru: name, kk: name };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function randomDate(pick: Pick, from: string, to: string): string {
  return addDays(from, pick.int(0, Math.max(0, daysBetween(from, to))));
}

function address(pick: Pick, districtCode: string): Bilingual {
  const district = districtOf(districtCode);
  const settlement = district.settlements.length > 0 ? pick.one(district.settlements) : null;
  const street = pick.one(streets);
  const house = pick.int(1, 120);
  return {
    ru: [district.name.ru, settlement?.ru, `${street.ru}, д. ${house}`].filter(Boolean).join(', '),
    kk: [district.name.kk, settlement?.kk, `${street.kk}, ${house}-үй`].filter(Boolean).join(', '),
  };
}

/**
 * An ID card (удостоверение личности) from 16, renewed every ten years; a birth certificate
 * (свидетельство о рождении) before.
 */
function identityDocument(pick: Pick, birthDate: string): Person['document'] {
  const sixteen = addYears(birthDate, 16);
  if (sixteen > SEED_DAY) {
    return { kind: 'birth-certificate', number: String(pick.int(1_000_000, 9_999_999)), issuedOn: addDays(birthDate, pick.int(3, 30)), issuer: BIRTH_REGISTRY };
  }
  const earliest = sixteen > addYears(SEED_DAY, -10) ? sixteen : addYears(SEED_DAY, -10);
  return { kind: 'id-card', number: `0${pick.int(10_000_000, 99_999_999)}`, issuedOn: randomDate(pick, earliest, addDays(SEED_DAY, -1)), issuer: ID_CARD_ISSUER };
}

/** Unique IINs: serials 1000–8999 (the demo persons use serials below 100). */
function iinFor(pick: Pick, taken: Set<string>, birthDate: string, sex: Sex): string {
  for (;;) {
    const iin = makeIin(birthDate, sex, pick.int(1000, 8999));
    if (iin && !taken.has(iin)) {
      taken.add(iin);
      return iin;
    }
  }
}

interface Parent {
  person: Person;
  given: GivenName;
  russian: { son: string; daughter: string } | null;
}

/**
 * A few hundred persons in families: a father, a mother, one to three children who carry the
 * father's surname and patronymic and point to both parents. Parents come first in the list, so
 * the foreign keys hold when they are inserted in order.
 */
export function generatePersons(): Person[] {
  const pick = picker(SEED);
  const taken = new Set<string>();
  const persons: Person[] = [];

  for (let family = 0; family < FAMILIES; family++) {
    const kazakh = pick.chance(0.7);
    const district = pick.one(districts).code;
    const home = address(pick, district);
    const motherBirth = randomDate(pick, '1972-01-01', '1999-12-31');
    const fatherBirth = randomDate(pick, addYears(motherBirth, -6), addYears(motherBirth, 2));

    const maleSurname: Bilingual = kazakh ? pick.one(kazakhSurnames) : sameSpelling(pick.one(russianSurnames));
    const fatherRussian = kazakh ? null : pick.one(russianMale);
    const fatherGiven: GivenName = fatherRussian ? sameSpelling(fatherRussian.name) : pick.one(kazakhMale);

    const person = (fields: Omit<Person, 'iin' | 'district' | 'address' | 'document'>): Person => ({
      iin: iinFor(pick, taken, fields.birthDate, fields.sex),
      district,
      address: home,
      document: identityDocument(pick, fields.birthDate),
      ...fields,
    });
    const patronymicFromGrandfather = (sex: Sex): Bilingual => {
      if (kazakh) return kazakhPatronymic(pick.one(kazakhMale), sex);
      const grandfather = pick.one(russianMale);
      return sameSpelling(sex === 'male' ? grandfather.son : grandfather.daughter);
    };

    const father: Parent = {
      given: fatherGiven,
      russian: fatherRussian,
      person: person({
        surname: maleSurname,
        name: fatherGiven,
        patronymic: patronymicFromGrandfather('male'),
        birthDate: fatherBirth,
        sex: 'male',
        fatherIin: null,
        motherIin: null,
      }),
    };
    const motherGiven: GivenName = kazakh ? pick.one(kazakhFemale) : sameSpelling(pick.one(russianFemale));
    // Many Kazakh wives keep their own surname.
    const motherSurname = kazakh && pick.chance(0.4) ? femaleSurname(pick.one(kazakhSurnames)) : femaleSurname(maleSurname);
    const mother = person({
      surname: motherSurname,
      name: motherGiven,
      patronymic: patronymicFromGrandfather('female'),
      birthDate: motherBirth,
      sex: 'female',
      fatherIin: null,
      motherIin: null,
    });
    persons.push(father.person, mother);

    const firstChild = addYears(motherBirth, 20);
    const lastChild = addDays(SEED_DAY, -30);
    if (firstChild >= lastChild) continue;
    const children = pick.int(1, 3);
    for (let child = 0; child < children; child++) {
      const sex: Sex = pick.chance(0.5) ? 'male' : 'female';
      const given: GivenName = kazakh
        ? pick.one(sex === 'male' ? kazakhMale : kazakhFemale)
        : sameSpelling(sex === 'male' ? pick.one(russianMale).name : pick.one(russianFemale));
      const patronymic = father.russian
        ? sameSpelling(sex === 'male' ? father.russian.son : father.russian.daughter)
        : kazakhPatronymic(father.given, sex);
      persons.push(
        person({
          surname: sex === 'male' ? maleSurname : femaleSurname(maleSurname),
          name: given,
          patronymic,
          birthDate: randomDate(pick, firstChild, lastChild),
          sex,
          fatherIin: father.person.iin,
          motherIin: mother.iin,
        }),
      );
    }
  }
  return persons;
}
