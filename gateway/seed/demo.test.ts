import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoIins, demoPersons, demoPowersOfAttorney } from './demo';

// docs/gateway-api.md is what trainers and e2e authors read: its demo tables must be the seed.
const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'gateway-api.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Demo data'));

describe('documented demo data', () => {
  it('lists every demo IIN with its birth date, and the unknown one', () => {
    for (const person of demoPersons) {
      expect(section).toMatch(new RegExp(`\\| ${person.iin} \\| ${person.surname.ru} ${person.name.ru} .*${person.birthDate}`));
    }
    expect(section).toContain(`| ${demoIins.unknown} | — |`);
    const documented = [...section.matchAll(/^\| (\d{12}) \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...demoPersons.map((person) => person.iin), demoIins.unknown].sort());
  });

  it('lists every demo power of attorney with its principal and validity', () => {
    for (const poa of demoPowersOfAttorney) {
      expect(section).toContain(`| ${poa.number} | ${poa.issuedOn} | ${poa.principalIin} |`);
      expect(section).toContain(`${poa.validFrom} … ${poa.validTo}`);
    }
  });
});
