import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../shared/catalog/catalog';
import { catalogReferenceSchema, gatewayErrorSchema, holidaysReferenceSchema, organisationsReferenceSchema, personSchema, powerOfAttorneySchema, routingAnswerSchema } from '../shared/gateway/api';
import { demoIins } from './seed/demo';
import { startTestGateway, type TestGateway } from './testing';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startTestGateway();
});
afterEach(() => gateway.dispose());

async function refusal(response: Response) {
  return gatewayErrorSchema.parse(await response.json()).error;
}

describe('gateway emulator: health and ГБД ФЛ', () => {
  it('answers /health', async () => {
    const response = await gateway.call('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('finds a demo person in both spellings, with the document and the parents', async () => {
    const response = await gateway.call(`/persons/${demoIins.preschoolChild}`);
    expect(response.status).toBe(200);
    const child = personSchema.parse(await response.json());
    expect(child).toMatchObject({
      surname: { ru: 'Сарсенбаев', kk: 'Сәрсенбаев' },
      patronymic: { ru: 'Нурланович', kk: 'Нұрланұлы' },
      birthDate: '2019-06-20',
      sex: 'male',
      document: { kind: 'birth-certificate' },
      fatherIin: demoIins.father,
      motherIin: demoIins.mother,
    });
    const mother = personSchema.parse(await (await gateway.call(`/persons/${child.motherIin}`)).json());
    expect(mother.name).toEqual({ ru: 'Айгерим', kk: 'Әйгерім' });
  });

  it('finds generated persons too', async () => {
    const { iin } = gateway.db.prepare<[], { iin: string }>("SELECT iin FROM persons WHERE father_iin IS NOT NULL ORDER BY iin LIMIT 1").get()!;
    const person = personSchema.parse(await (await gateway.call(`/persons/${iin}`)).json());
    expect(person.fatherIin).not.toBeNull();
  });

  it('says PERSON_NOT_FOUND for a valid IIN it does not hold, IIN_INVALID for a bad one', async () => {
    const missing = await gateway.call(`/persons/${demoIins.unknown}`);
    expect(missing.status).toBe(404);
    expect((await refusal(missing)).code).toBe('PERSON_NOT_FOUND');

    const wrongCheckDigit = demoIins.mother.slice(0, 11) + String((Number(demoIins.mother[11]) + 1) % 10);
    for (const bad of [wrongCheckDigit, '12345', 'abcdefghijkl', '%E0%A4%A']) {
      const response = await gateway.call(`/persons/${bad}`);
      expect(response.status, bad).toBe(400);
      expect(['IIN_INVALID', 'VALIDATION_FAILED']).toContain((await refusal(response)).code);
    }
    expect((await refusal(await gateway.call(`/persons/${wrongCheckDigit}`))).issues).toEqual([{ path: 'iin', message: 'checksum' }]);
  });
});

describe('gateway emulator: ЕНИС powers of attorney', () => {
  const lookup = (number: string, date: string) => gateway.call(`/powers-of-attorney?number=${encodeURIComponent(number)}&date=${date}`);

  it('gives a valid one with its scope and status on the gateway clock', async () => {
    const poa = powerOfAttorneySchema.parse(await (await lookup('2025-000102', '2025-05-20')).json());
    expect(poa).toMatchObject({ principalIin: demoIins.father, attorneyIin: demoIins.attorney, scope: ['preschool-queue', 'guardianship-certificate'], revoked: false, status: 'valid' });
    gateway.clock.advance(3 * 365 * 86_400);
    expect(powerOfAttorneySchema.parse(await (await lookup('2025-000102', '2025-05-20')).json()).status).toBe('expired');
  });

  it('marks the revoked and the expired demo ones', async () => {
    expect(powerOfAttorneySchema.parse(await (await lookup('2024-000233', '2024-10-01')).json())).toMatchObject({ revoked: true, status: 'revoked' });
    expect(powerOfAttorneySchema.parse(await (await lookup('2023-000088', '2023-02-01')).json())).toMatchObject({ revoked: false, status: 'expired' });
  });

  it('refuses a wrong date, a missing parameter, an unknown number', async () => {
    const wrongDate = await lookup('2025-000101', '2025-03-11');
    expect(wrongDate.status).toBe(404);
    expect((await refusal(wrongDate)).code).toBe('POWER_OF_ATTORNEY_NOT_FOUND');
    const missing = await gateway.call('/powers-of-attorney?number=2025-000101');
    expect(missing.status).toBe(400);
    expect(await refusal(missing)).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'date' }] });
    expect((await refusal(await lookup('2025-000101', '10.03.2025'))).code).toBe('VALIDATION_FAILED');
  });
});

describe('gateway emulator: organisations, routing, reference data', () => {
  it('routes a service in a district to its provider', async () => {
    const answer = routingAnswerSchema.parse(await (await gateway.call('/routing?service=preschool-queue&district=kokpekty')).json());
    expect(answer.provider).toMatchObject({ code: 'edu-kokpekty', kind: 'provider', name: { ru: 'ГУ «Отдел образования Кокпектинского района»' } });
    const housing = routingAnswerSchema.parse(await (await gateway.call('/routing?service=housing-queue&district=kokpekty')).json());
    expect(housing.provider.code).toBe('housing-kokpekty');
  });

  it('routes every service of the АРМ catalog somewhere, by the catalog ids, and serves the catalog by ETag', async () => {
    const served = catalogReferenceSchema.parse(await (await gateway.call('/reference/catalog')).json());
    expect(served.services.map((service) => service.id)).toEqual(createCatalog().services.map((service) => service.id));
    const directory = organisationsReferenceSchema.parse(await (await gateway.call('/reference/organisations')).json());
    for (const service of served.services) expect(directory.routes.some((route) => route.service === service.id), service.id).toBe(true);
    expect(directory.routes.every((route) => createCatalog().get(route.service))).toBe(true);
    const unemployed = routingAnswerSchema.parse(await (await gateway.call('/routing?service=unemployed-certificate&district=kokpekty')).json());
    expect(unemployed.provider.code).toBe('social-kokpekty');
    const etag = (await gateway.call('/reference/catalog')).headers.get('etag')!;
    expect(etag).toMatch(/^"catalog-v1-/);
    expect((await gateway.call('/reference/catalog', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('says ROUTE_NOT_FOUND where no provider is named, VALIDATION_FAILED without parameters', async () => {
    const none = await gateway.call('/routing?service=housing-queue&district=uralsk');
    expect(none.status).toBe(404);
    expect((await refusal(none)).code).toBe('ROUTE_NOT_FOUND');
    const bare = await gateway.call('/routing');
    expect(bare.status).toBe(400);
    expect((await refusal(bare)).issues?.map((issue) => issue.path)).toEqual(['service', 'district']);
  });

  it('gives one organisation by code', async () => {
    expect(await (await gateway.call('/organisations/con-uralsk')).json()).toMatchObject({ kind: 'centre', district: 'uralsk' });
    expect((await refusal(await gateway.call('/organisations/nowhere'))).code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('serves reference data with an ETag and answers 304 to If-None-Match', async () => {
    for (const [name, schema] of [['holidays', holidaysReferenceSchema], ['organisations', organisationsReferenceSchema]] as const) {
      const first = await gateway.call(`/reference/${name}`);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(new RegExp(`^"${name}-v1-[0-9a-f]{16}"$`));
      const body = schema.parse(await first.json());
      expect(body.version).toBe(1);

      const again = await gateway.call(`/reference/${name}`, { headers: { 'If-None-Match': `"stale", ${etag}` } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect((await gateway.call(`/reference/${name}`, { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200);
    }
    const holidays = holidaysReferenceSchema.parse(await (await gateway.call('/reference/holidays')).json());
    expect(holidays.holidays).toContainEqual({ date: '2026-03-22', name: { ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' } });
    const directory = organisationsReferenceSchema.parse(await (await gateway.call('/reference/organisations')).json());
    expect(directory.routes).toContainEqual({ service: 'guardianship-certificate', district: 'm-zhumabaev', provider: 'edu-m-zhumabaev' });
  });

  it('changes the ETag when the data changes', async () => {
    const before = (await gateway.call('/reference/holidays')).headers.get('etag');
    gateway.db.prepare("INSERT INTO holidays (date, name_ru, name_kk) VALUES ('2026-12-17', 'День Независимости', 'Тәуелсіздік күні')").run();
    const after = await gateway.call('/reference/holidays', { headers: { 'If-None-Match': before! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('refuses browsers (an Origin header) and foreign Host headers with 403 FORBIDDEN', async () => {
    const page = await gateway.call('/_control/reset', { method: 'POST', headers: { Origin: 'http://evil.example' } });
    expect(page.status).toBe(403);
    expect((await refusal(page)).code).toBe('FORBIDDEN');
    const rebound = await new Promise<number>((resolve, reject) => {
      http.get(`${gateway.url}/health`, { headers: { Host: `evil.example:${gateway.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(rebound).toBe(403);
    const local = await new Promise<number>((resolve, reject) => {
      http.get(`http://localhost:${gateway.port}/health`, { lookup: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(local).toBe(200);
  });

  it('refuses unknown paths and wrong methods with a typed error and keeps running', async () => {
    const unknown = await gateway.call('/nowhere');
    expect(unknown.status).toBe(404);
    expect((await refusal(unknown)).code).toBe('NOT_FOUND');
    const wrongMethod = await gateway.call('/health', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect((await refusal(await gateway.call('/reference/nothing'))).code).toBe('NOT_FOUND');
    expect((await gateway.call('/health')).status).toBe(200);
  });
});
