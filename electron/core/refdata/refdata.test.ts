import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, postJson, type TestGateway } from '../../../gateway/testing';
import { bundledCalendarYears, kzCalendar, useCalendarYears, type CalendarYear } from '../../../shared/calendar/calendar';
import { currentCatalog, useCatalogServices } from '../../../shared/catalog/catalog';
import { REFERENCE_SCHEMA, referenceSignedBytes, type SignedReference } from '../../../shared/gateway/reference';
import { certificatePem, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, issueReferenceDataKey, type DemoPki, type Issued } from '../../../shared/signing/testPki';
import { listAudit } from '../audit/log';
import { routeProvider } from '../intake/centre';
import { readSetting } from '../settings/store';
import { readReference } from './store';
import { queueRequest, testCore, type TestCore } from '../testing';
import { requestContent } from '../testing/requests';

// Issue 14 item 4: the reference-data job fetches the gateway's signed datasets, checks them and
// applies each in one transaction; every bad input leaves the previous data and says why.

let pki: DemoPki;
let referenceKey: Issued;
let gateway: TestGateway;
/** Datasets the "gateway" answers with a forged envelope instead of its own (bad inputs). */
const forged = new Map<string, SignedReference>();

beforeAll(async () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  pki = await createDemoPki({ now, only: ['head', 'operator'] });
  referenceKey = await issueReferenceDataKey(pki.root, now);
});
// A gateway of its own for each test: what one test publishes is not the next one's starting point.
beforeEach(async () => {
  gateway = await startTestGateway({
    trust: { roots: [pki.root.certificate], crls: [pki.crl] },
    reference: { signer: referenceKey, heads: [pki.keys.head.certificate] },
  });
});
afterEach(async () => {
  await gateway.dispose();
  forged.clear();
  // The calendar and catalog in force are the process's: each test starts from the bundled ones.
  useCalendarYears(null);
  useCatalogServices(null);
});

const interceptingFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const dataset = /\/reference\/datasets\/(\w+)$/.exec(url.pathname)?.[1];
  const envelope = dataset ? forged.get(dataset) : undefined;
  if (envelope) return new Response(JSON.stringify(envelope), { status: 200, headers: { 'Content-Type': 'application/json', ETag: `"forged-${envelope.version}"` } });
  const response = await fetch(input, init);
  if (dataset) answers.push(response.status);
  return response;
};
/** The gateway's answer statuses to the dataset calls. */
const answers: number[] = [];

function sign(unsigned: Omit<SignedReference, 'signature'>, key: Issued = referenceKey): SignedReference {
  const cms = signDetached({ content: referenceSignedBytes(unsigned), key: key.key, certificate: key.certificate, signingTime: new Date('2026-03-02T09:00:00.000Z') });
  return { ...unsigned, signature: toBase64(cms) };
}

const envelope = (dataset: SignedReference['dataset'], data: unknown, version = 2, schema = REFERENCE_SCHEMA): Omit<SignedReference, 'signature'> => ({ dataset, schema, version, issuedAt: '2026-03-02T08:00:00.000Z', data });

/** A workstation that has the roots and CRL (the trust job) and then ran the reference-data job once. */
async function synced(dataDir?: string): Promise<{ core: TestCore; supervisor: ReturnType<TestCore['as']> }> {
  const core = testCore({ gateway, fetch: interceptingFetch, ...(dataDir ? { dataDir } : {}) });
  const supervisor = core.as('supervisor');
  await supervisor.sync.run({ job: 'trust' });
  await supervisor.sync.run({ job: 'refdata' });
  return { core, supervisor };
}

const datasetOf = (status: Awaited<ReturnType<ReturnType<TestCore['as']>['sync']['status']>>, name: string) => status.reference.find((entry) => entry.dataset === name)!;
const applied = (core: TestCore) => listAudit(core.db, { limit: 100, action: 'reference.apply' }).map((entry) => entry.objectId);

const year2026 = () => structuredClone(bundledCalendarYears.find((year) => year.year === 2026)!) as CalendarYear;

describe('reference data sync', () => {
  it('applies every dataset once, audited; then the ETags give 304s and nothing changes', async () => {
    const { core, supervisor } = await synced();
    const status = await supervisor.sync.status();
    expect(status.jobs.find((job) => job.name === 'refdata')).toMatchObject({ failures: 0, lastError: null });
    for (const name of ['catalog', 'calendar', 'organisations', 'signers', 'limits']) {
      expect(datasetOf(status, name), name).toMatchObject({ version: 1, ageHours: 0, error: null });
    }
    expect(applied(core).sort()).toEqual(['calendar', 'catalog', 'limits', 'organisations', 'signers']);
    // Issue 21: the heads' certificates come with reference data, so a verifying АРМ has them.
    expect((await supervisor.verify.signers()).map((signer) => signer.iin)).toEqual([pki.keys.head.person.iin]);
    answers.length = 0;
    await supervisor.sync.run({ job: 'refdata' });
    expect(answers).toEqual([304, 304, 304, 304, 304]);
    expect(applied(core)).toHaveLength(5);
  });

  it('puts a new calendar year and the limits in force; the supervisor’s own limits stay on top', async () => {
    const { core, supervisor } = await synced(mkdtempSync(path.join(os.tmpdir(), 'arm-refdata-')));
    expect(kzCalendar.years()).not.toContain(2028);
    const year2028 = { ...year2026(), year: 2028, holidays: [], transfers: [], provisional: true };
    await gateway.call('/_control/reference/calendar', postJson({ data: { years: [year2028] } }));
    await gateway.call('/_control/reference/limits', postJson({ data: { offlineHours: 48, maxUnsent: 50, minFreeMb: null } }));
    const after = await supervisor.sync.run({ job: 'refdata' });
    expect(datasetOf(after, 'calendar').version).toBe(2);
    expect(kzCalendar.years()).toEqual([2025, 2026, 2027, 2028]);
    expect(kzCalendar.isWorkingDay('2028-01-04')).toBe(true);
    expect(after.guardrails).toMatchObject({ offlineHours: 48, maxUnsent: 50 });
    const own = await supervisor.sync.setGuardrails({ offlineHours: 24, maxUnsent: 10, minFreeMb: null });
    expect(own.guardrails).toMatchObject({ offlineHours: 24, maxUnsent: 10 });
    // A restart puts the applied calendar back in force before any sync.
    useCalendarYears(null);
    core.close();
    const again = testCore({ gateway, dataDir: core.dataDir });
    expect(kzCalendar.years()).toContain(2028);
    again.close();
    rmSync(core.dataDir, { recursive: true, force: true });
  });

  it('routes offline by the signed organisations dataset', async () => {
    const { core } = await synced();
    const route = readReference(core.db, 'organisations')!.routes[0]!;
    expect(readSetting(core.db, 'reference.organisations')).toBeNull();
    await expect(routeProvider({ ...core.core.context, gatewayClient: null }, core.db, route.service, route.district)).resolves.toBe(route.provider);
  });

  it('keeps the supervisor’s catalog overrides on top of the gateway’s catalog', async () => {
    const { supervisor } = await synced();
    const service = currentCatalog().get('unemployed-certificate')!;
    const variant = service.variants[0]!;
    await supervisor.catalog.setDocuments({ variantId: variant.id, items: [{ name: { ru: 'Удостоверение личности', kk: 'Жеке куәлік' }, form: 'original', requirement: 'required' }], basis: 'Стандарт, п.8' });
    const renamed = currentCatalog().services.map((entry) => (entry.id === service.id ? { ...entry, name: { ...entry.name, ru: 'Справка безработного (ред. ШЭП)' } } : entry));
    await gateway.call('/_control/reference/catalog', postJson({ data: { services: renamed } }));
    await supervisor.sync.run({ job: 'refdata' });
    const shown = await supervisor.catalog.get({ id: service.id });
    expect(shown.name.ru).toBe('Справка безработного (ред. ШЭП)');
    expect(shown.variants[0]!.documentsOverride).toMatchObject({ version: 1 });
    expect(shown.variants[0]!.documents.items.map((item) => item.name.ru)).toEqual(['Удостоверение личности']);
  });

  it('lists the open requests whose due date a changed holiday moves, old and new in the audit', async () => {
    const { core, supervisor } = await synced();
    const { request } = queueRequest(core.db, new Date('2026-03-02T09:00:00.000Z'));
    // Three working days at the centre from Monday 2 March 2026 (14:00 local): due Thursday the 5th.
    const content = requestContent(pki, { number: request.number, serviceId: 'unemployed-certificate', variantId: '003-r1', channel: 'centre', dueBy: '2026-03-05' });
    core.db.prepare('UPDATE requests SET content = ?, due_by = ? WHERE id = ?').run(JSON.stringify(content), '2026-03-05', request.id);
    const changed = year2026();
    changed.holidays.push({ date: '2026-03-04', key: 'extra', name: { ru: 'Дополнительный выходной', kk: 'Қосымша демалыс' }, religious: false });
    await gateway.call('/_control/reference/calendar', postJson({ data: { years: [changed] } }));
    const after = await supervisor.sync.run({ job: 'refdata' });
    expect(datasetOf(after, 'calendar').dueChanges).toEqual([{ number: request.number, from: '2026-03-05', to: '2026-03-06' }]);
    expect(core.db.prepare('SELECT due_by FROM requests WHERE id = ?').get(request.id)).toEqual({ due_by: '2026-03-06' });
    expect(listAudit(core.db, { limit: 10, action: 'reference.due' }).map((entry) => [entry.objectId, entry.details])).toEqual([[request.id, { from: '2026-03-05', to: '2026-03-06', calendarVersion: 2 }]]);
  });
});

describe('a gateway without a reference-data key', () => {
  it('keeps the bundled data in force and says so per dataset, without failing the sync', async () => {
    const bare = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
    try {
      const core = testCore({ gateway: bare });
      const supervisor = core.as('supervisor');
      await supervisor.sync.run({ job: 'trust' });
      const status = await supervisor.sync.run({ job: 'refdata' });
      expect(status.jobs.find((job) => job.name === 'refdata')).toMatchObject({ failures: 0, lastError: null });
      expect(status.reference.map((entry) => [entry.dataset, entry.version, entry.error?.code])).toEqual(
        ['catalog', 'calendar', 'organisations', 'signers', 'limits'].map((name) => [name, null, 'REFERENCE_UNAVAILABLE']),
      );
      expect(kzCalendar.years()).toEqual([2025, 2026, 2027]);
    } finally {
      await bare.dispose();
    }
  });
});

describe('reference data: bad inputs keep the previous data', () => {
  /** Runs the job with one forged dataset; answers the status and asserts nothing of it was applied. */
  async function refused(dataset: SignedReference['dataset'], forgedEnvelope: SignedReference, before?: () => Promise<unknown>) {
    await before?.();
    const { core, supervisor } = await synced();
    const kept = core.db.prepare('SELECT * FROM reference_data WHERE dataset = ?').get(dataset);
    const audits = applied(core).length;
    const years = kzCalendar.years();
    forged.set(dataset, forgedEnvelope);
    const status = await supervisor.sync.run({ job: 'refdata' });
    expect(core.db.prepare('SELECT * FROM reference_data WHERE dataset = ?').get(dataset)).toEqual(kept);
    expect(applied(core)).toHaveLength(audits);
    expect(kzCalendar.years()).toEqual(years);
    expect(status.jobs.find((job) => job.name === 'refdata')!.failures).toBe(1);
    return { status, entry: datasetOf(status, dataset), core, supervisor };
  }

  it('a dataset whose data was changed after signing', async () => {
    const good = sign(envelope('limits', { offlineHours: 48, maxUnsent: null, minFreeMb: null }));
    const { status, entry } = await refused('limits', { ...good, data: { offlineHours: 4800, maxUnsent: null, minFreeMb: null } });
    expect(entry.error).toMatchObject({ code: 'REFERENCE_SIGNATURE_INVALID' });
    expect(status.jobs.find((job) => job.name === 'refdata')!.lastError).toBe('REFERENCE_SIGNATURE_INVALID');
    expect(entry.version).toBe(1);
  });

  it('a dataset signed by a valid key that is not the gateway’s reference-data key', async () => {
    const { entry } = await refused('signers', sign(envelope('signers', { certificates: [certificatePem(pki.keys.operator.certificate)] }), pki.keys.head));
    expect(entry.error).toMatchObject({ code: 'REFERENCE_SIGNATURE_INVALID', params: { reason: 'CERT_UNTRUSTED' } });
  });

  it('a newer schema version', async () => {
    const { entry } = await refused('catalog', sign(envelope('catalog', { services: [], layout: 'v2' }, 2, REFERENCE_SCHEMA + 1)));
    expect(entry.error).toMatchObject({ code: 'REFERENCE_SCHEMA_NEWER', params: { schema: REFERENCE_SCHEMA + 1, supported: REFERENCE_SCHEMA } });
  });

  it('a calendar year with a malformed date', async () => {
    const bad = year2026();
    bad.holidays.push({ date: '2026-02-30', key: 'bad', name: { ru: 'Нет такого дня', kk: 'Мұндай күн жоқ' }, religious: false });
    const { entry } = await refused('calendar', sign(envelope('calendar', { years: [bad] })));
    expect(entry.error).toMatchObject({ code: 'REFERENCE_DATA_INVALID', params: { problem: expect.stringMatching(/^years\.0\.holidays\.\d+\.date: not a day of the calendar$/) } });
    expect(kzCalendar.dayKind('2026-03-04')).toBe('working');
  });

  it('an older version than the one applied', async () => {
    const publishV2 = () => gateway.call('/_control/reference/organisations', postJson({ data: { organisations: [], routes: [] } }));
    const { entry } = await refused('organisations', sign(envelope('organisations', { organisations: [], routes: [] }, 1)), publishV2);
    expect(entry).toMatchObject({ version: 2, error: { code: 'REFERENCE_VERSION_OLDER', params: { version: 1, current: 2 } } });
  });

  it('a disk full during the update: nothing half-applied, the update goes through once there is room', async () => {
    const { core, supervisor } = await synced();
    const changed = year2026();
    changed.holidays.push({ date: '2026-03-04', key: 'extra', name: { ru: 'Дополнительный выходной', kk: 'Қосымша демалыс' }, religious: false });
    forged.set('calendar', sign(envelope('calendar', { years: [changed, ...bundledCalendarYears.filter((year) => year.year !== 2026)] })));
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    // The database may not grow by a page: the write of the new calendar fails as on a full disk.
    core.db.pragma(`max_page_count = ${pages}`);
    const before = core.db.prepare("SELECT version, data FROM reference_data WHERE dataset = 'calendar'").get();
    const status = await supervisor.sync.run({ job: 'refdata' });
    expect(status.jobs.find((job) => job.name === 'refdata')!.lastError).toBe('REFERENCE_WRITE_FAILED');
    expect(core.db.prepare("SELECT version, data FROM reference_data WHERE dataset = 'calendar'").get()).toEqual(before);
    expect(kzCalendar.dayKind('2026-03-04')).toBe('working');
    expect(listAudit(core.db, { limit: 100, action: 'reference.apply' }).filter((entry) => entry.objectId === 'calendar')).toHaveLength(1);
    core.db.pragma('max_page_count = 1073741823');
    const after = await supervisor.sync.run({ job: 'refdata' });
    expect(datasetOf(after, 'calendar')).toMatchObject({ version: 2, error: null });
    expect(kzCalendar.dayKind('2026-03-04')).toBe('holiday');
  });
});
