import { describe, expect, it } from 'vitest';
import { personSchema } from '../../shared/gateway/api';
import { checkIin } from '../../shared/iin/iin';
import { demoIins, demoPersons, demoPowersOfAttorney } from './demo';
import { generatePersons } from './persons';

describe('generated persons (ГБД ФЛ seed)', () => {
  const persons = generatePersons();

  it('are the same on every run (seeded PRNG)', () => {
    expect(generatePersons()).toEqual(persons);
  });

  it('are a few hundred, with unique valid IINs that agree with birth date and sex', () => {
    expect(persons.length).toBeGreaterThanOrEqual(300);
    expect(persons.length).toBeLessThan(1000);
    expect(new Set(persons.map((person) => person.iin)).size).toBe(persons.length);
    for (const person of persons) {
      expect(personSchema.parse(person)).toEqual(person);
      const check = checkIin(person.iin);
      expect(check).toEqual({ valid: true, birthDate: person.birthDate, sex: person.sex });
    }
  });

  it('link children to parents listed before them, who are old enough and share the surname root', () => {
    const byIin = new Map(persons.map((person, index) => [person.iin, { person, index }]));
    const children = persons.filter((person) => person.fatherIin !== null);
    expect(children.length).toBeGreaterThan(100);
    for (const child of children) {
      const father = byIin.get(child.fatherIin!);
      const mother = byIin.get(child.motherIin!);
      expect(father?.person.sex).toBe('male');
      expect(mother?.person.sex).toBe('female');
      expect(father!.index).toBeLessThan(persons.indexOf(child));
      expect(Number(child.birthDate.slice(0, 4)) - Number(mother!.person.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(20);
      expect(child.surname.ru.startsWith(father!.person.surname.ru)).toBe(true);
      expect(child.address).toEqual(father!.person.address);
    }
  });

  it('mix Kazakh and Russian names, with Kazakh spelling and patronymics in -ұлы/-қызы', () => {
    const kazakhSpelled = persons.filter((person) => person.surname.kk !== person.surname.ru);
    expect(kazakhSpelled.length).toBeGreaterThan(50);
    expect(persons.some((person) => person.patronymic?.kk.endsWith('қызы'))).toBe(true);
    expect(persons.some((person) => person.patronymic?.ru.endsWith('евич'))).toBe(true);
    expect(persons.filter((person) => person.patronymic?.kk === person.patronymic?.ru).length).toBeGreaterThan(50);
  });

  it('give an ID card from 16 and a birth certificate before', () => {
    for (const person of persons) {
      const sixteenth = `${Number(person.birthDate.slice(0, 4)) + 16}${person.birthDate.slice(4)}`;
      expect(person.document.kind).toBe(sixteenth > '2026-01-01' ? 'birth-certificate' : 'id-card');
      expect(person.document.issuedOn >= person.birthDate).toBe(true);
    }
  });

  it('never collide with the demo persons, whose IINs are valid', () => {
    const generated = new Set(persons.map((person) => person.iin));
    for (const person of demoPersons) {
      expect(checkIin(person.iin)).toEqual({ valid: true, birthDate: person.birthDate, sex: person.sex });
      expect(generated.has(person.iin)).toBe(false);
    }
    expect(checkIin(demoIins.unknown).valid).toBe(true);
    expect([...generated, ...demoPersons.map((person) => person.iin)]).not.toContain(demoIins.unknown);
    const demo = new Set(demoPersons.map((person) => person.iin));
    for (const poa of demoPowersOfAttorney) {
      expect(demo.has(poa.principalIin) && demo.has(poa.attorneyIin)).toBe(true);
    }
  });
});
