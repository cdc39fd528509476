import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PORTAL_DEMO_CITIZENS, PORTAL_DEMO_PASSWORD } from '../../../gateway/portal';
import { demoPersons } from '../../../gateway/seed/demo';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { RequestContent, ResultContent, Role } from '../../../shared/api';
import { portalCabinetSchema, portalDraftSchema, portalSessionSchema } from '../../../shared/gateway/portal';
import { createCatalog } from '../../../shared/catalog/catalog';
import type { ChannelKind, Variant } from '../../../shared/catalog/schema';
import { outsideStage } from '../../../shared/catalog/steps';
import { alsoIssued, typedFields, type TemplateField } from '../../../shared/results/templates';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, issueCertificate, type DemoKeyId, type DemoPki, type Issued } from '../../../shared/signing/testPki';
import { DISTRICT_SEEDS } from '../../../shared/catalog/reach';
import { findRequest } from '../requests/repository';
import { writeSettings } from '../settings/store';
import { configureProvider, providerCore } from '../testing/provider';

// Issue 17 item 4: every variant of the catalog through every channel its regulation names — taken
// in through that channel, decided by the executor, signed by the head, and the result in the
// applicant's hands where that channel delivers it: the centre's or mobile centre's counter
// (through the gateway and back), the provider's own office (no gateway), or the citizen's
// «личный кабинет» on the portal (filed and signed by the citizen through the portal's API, pulled
// by the provider's АРМ, the signed result delivered back). One workstation plays the centre and
// the provider, as in training mode; for a portal request it is the provider the portal routed to.
// A channel without a path here fails its test: the count is the catalog's, never a fixed number.

const catalog = createCatalog();
const APPLICANT = '900412400014';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082', 'hex');

/** The district whose regulation a seed is (the inverse of intake's DISTRICT_SEEDS). */
const districtOf = (variant: Variant) => Object.entries(DISTRICT_SEEDS).find(([, seed]) => variant.seed.startsWith(seed))?.[0] ?? null;

interface Path {
  variant: Variant;
  channel: ChannelKind;
}
const paths: Path[] = catalog.services.flatMap((service) => service.variants.flatMap((variant) => variant.channels.map((channel) => ({ variant, channel: channel.kind }))));

const INTAKE_ROLE: Partial<Record<ChannelKind, Role & DemoKeyId>> = { centre: 'operator', mobileCentre: 'mobileOperator', provider: 'officeWorker' };

function fieldValue(type: string): string {
  return { iin: '190620500010', date: '2020-01-15', phone: '+77011234567', number: '2', address: 'ул. Абая, 1', choice: 'да' }[type] ?? 'Учебное значение';
}

/** A sample value for a document's field, as the clerk would type it. */
function documentValue(field: TemplateField): string {
  return field.type === 'date' ? '2026-02-20' : field.type === 'choice' ? field.options![0]!.value : 'Учебное значение';
}
const filled = (templateId: string) => Object.fromEntries(typedFields(templateId).map((field) => [field.key, documentValue(field)]));

/** The decision's input as the decision form builds it: the first result, and the documents issued with it. */
function certificate(variant: Variant, requestId: string) {
  const templateId = variant.results[0]!.templateId;
  const also = alsoIssued(variant).map((other) => ({ templateId: other, fields: filled(other) }));
  return { requestId, outcome: 'certificate' as const, templateId, fields: filled(templateId), ...(also.length ? { also } : {}) };
}

let pki: DemoPki;
let gateway: TestGateway;
let actNumber = 0;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'mobileOperator', 'officeWorker', 'clerk', 'head'] });
  // The portal checks the citizen's own signature («условие 2») against the training PKI.
  gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
  // The gateway checks each signature at its own time: the workstations' day (testing/provider.ts).
  gateway.clock.advance((Date.parse('2026-03-06T10:00:00Z') - gateway.clock.now().getTime()) / 1000);
}, 60_000);
afterAll(() => gateway.dispose());

/** The provider's workstation: its executor and head, and the signature of a demo key. */
function providerDesk(organisation: string) {
  const t = providerCore(pki, { gateway, organisation });
  configureProvider(t.db, pki, organisation);
  const executorKey = t.signIn('clerk', pki.keys.clerk.person.iin);
  const sign = (content: RequestContent | ResultContent, key: DemoKeyId) =>
    toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys[key].key, certificate: pki.keys[key].certificate, signingTime: t.core.context.now() }));
  return { t, executorKey, executor: t.window(executorKey), head: t.as('head', pki.keys.head.person.iin), sign };
}

/** At the provider: assigned by the head, worked by the executor (through the outside body where there is one), decided, signed. */
async function decideAndSign({ t, executorKey, executor, head, sign }: ReturnType<typeof providerDesk>, variant: Variant, number: string): Promise<ResultContent> {
  const provider = (await executor.inbox.list({})).find((row) => row.number === number)!;
  expect(provider).toMatchObject({ state: 'registered', variantId: variant.id });
  await head.inbox.assign({ requestId: provider.id, clerkId: t.core.sessions.get(executorKey).user!.id, comment: '' });
  await executor.inbox.take({ requestId: provider.id });
  if (outsideStage(variant)) {
    await executor.chain.sendToStage({ requestId: provider.id });
    await executor.chain.recordAct({ requestId: provider.id, number: String(++actNumber), date: '2026-03-06' });
  }
  await executor.decision.decide(certificate(variant, provider.id));
  const { content: result } = await head.decision.prepare({ requestId: provider.id });
  await head.decision.approve({ requestId: provider.id, cms: sign(result, 'head') });
  return result;
}

/** Taken in at a counter or at the provider's office, followed to the applicant's hands there. */
async function walkDesk({ variant, channel }: Path): Promise<void> {
  const district = districtOf(variant);
  if (!district) throw new Error(`No district applies seed ${variant.seed.slice(0, 3)}: no counter or office takes ${variant.id} in.`);
  const route = (await (await gateway.call(`/routing?service=${variant.serviceId}&district=${district}`)).json()) as { provider: { code: string } };
  const office = channel === 'provider';
  const desk = providerDesk(route.provider.code);
  const { t, sign } = desk;
  if (!office) writeSettings(t.db, { 'workstation.centre': { code: `con-${district}`, district } }, { userId: null }, t.core.context.now());
  const intakeRole = INTAKE_ROLE[channel]!;
  const counter = t.as(intakeRole, pki.keys[intakeRole].person.iin);

  let draft = await counter.intake.start({ serviceId: variant.serviceId });
  expect(draft).toMatchObject({ variantId: variant.id, channel });
  draft = await counter.intake.lookupPerson({ requestId: draft.requestId, role: 'applicant', iin: APPLICANT });
  for (const line of draft.lines.filter((candidate) => candidate.required)) {
    await counter.documents.upload({ requestId: draft.requestId, document: line.document, fileName: 'scan.png', bytes: PNG });
  }
  draft = await counter.intake.get({ requestId: draft.requestId });
  await counter.intake.saveDraft({
    requestId: draft.requestId,
    language: 'ru',
    represented: false,
    fields: Object.fromEntries(draft.formFields.map((field) => [field.key, draft.fields[field.key] || fieldValue(field.type)])),
    checklist: draft.lines.filter((line) => line.required).map((line) => ({ document: line.document, presented: true, form: line.expected === 'copy' ? 'copy' : 'original' })),
  });
  const content = await counter.intake.prepare({ requestId: draft.requestId });
  await counter.intake.submit({ requestId: draft.requestId, cms: sign(content, intakeRole) });

  // At the provider: the office's own registration, or the gateway's delivery.
  if (!office) {
    await t.core.context.sync!.run();
    await desk.executor.inbox.pull();
  }
  await decideAndSign(desk, variant, content.number);

  // Delivered where the channel delivers: back at the counter through the gateway, or at the office.
  let handedOver = draft.requestId;
  if (!office) {
    await t.core.context.sync!.run();
    await counter.inbox.pull();
    expect(findRequest(t.db, draft.requestId).state).toBe('resultAtCentre');
  } else {
    handedOver = (await desk.executor.inbox.list({})).find((row) => row.number === content.number)!.id;
  }
  const issued = await counter.results.issue({ requestId: handedOver, collectorIin: APPLICANT, documentNumber: '041234567' });
  expect(issued.state).toBe('issued');
}

/** A private person's own signing key from the test root (the demo PKI has key files for two citizens only). */
const citizenKeys = new Map<string, Issued>();
function citizenKey(person: (typeof demoPersons)[number]): Issued {
  const at = gateway.clock.now().getTime();
  if (!citizenKeys.has(person.iin)) {
    const subject = { surname: person.surname.ru.toUpperCase(), firstName: person.name.ru.toUpperCase(), patronymic: person.patronymic?.ru.toUpperCase() ?? '', iin: person.iin };
    citizenKeys.set(person.iin, issueCertificate({ issuer: pki.root, person: subject, kind: 'sign', notBefore: new Date(at - 30 * 86_400_000), notAfter: new Date(at + 365 * 86_400_000) }));
  }
  return citizenKeys.get(person.iin)!;
}

/** Filed by the citizen on the portal, pulled by the provider's АРМ, the signed result in the citizen's cabinet. */
async function walkPortal({ variant }: Path): Promise<void> {
  // The portal offers a service only where its regulation is in force: the citizen lives in that district.
  const citizen = demoPersons.find((person) => (PORTAL_DEMO_CITIZENS as readonly string[]).includes(person.iin) && person.district === districtOf(variant));
  expect(citizen, `no portal citizen in ${districtOf(variant)}`).toBeDefined();
  const bearer = { Authorization: `Bearer ${portalSessionSchema.parse(await (await gateway.call('/portal/api/session', postJson({ iin: citizen!.iin, password: PORTAL_DEMO_PASSWORD }))).json()).token}` };
  const scan = Buffer.from(`%PDF-1.4 copy for ${variant.id}`);
  const sha256 = createHash('sha256').update(scan).digest('hex');
  expect((await gateway.call(`/portal/api/files/${sha256}`, { method: 'PUT', body: scan, headers: bearer })).status).toBe(200);
  // The portal fills the applicant's IIN, name and address from the login and ГБД ФЛ; the citizen types the rest.
  const fields = Object.fromEntries(variant.applicationForm.fields.filter((field) => !['applicantIin', 'applicantName', 'applicantAddress'].includes(field.key)).map((field) => [field.key, fieldValue(field.type)]));
  const json = (body: unknown): RequestInit => ({ ...postJson(body), headers: { 'Content-Type': 'application/json', ...bearer } });
  const prepared = await gateway.call('/portal/api/requests/prepare', json({ variantId: variant.id, fields, files: [sha256] }));
  expect(prepared.status, await prepared.clone().text()).toBe(200);
  const { draftId, content } = portalDraftSchema.parse(await prepared.json());
  expect(content).toMatchObject({ channel: 'portal', variantId: variant.id });
  const key = citizenKey(citizen!);
  const cms = toBase64(signDetached({ content: canonicalBytes(content), key: key.key, certificate: key.certificate, signingTime: gateway.clock.now() }));
  const submitted = await gateway.call('/portal/api/requests', json({ draftId, cms }));
  expect(submitted.status, await submitted.clone().text()).toBe(201);

  // The АРМ plays the provider the portal routed the request to.
  const desk = providerDesk(content.provider);
  expect(await desk.executor.inbox.pull()).toMatchObject({ refused: 0 });
  const result = await decideAndSign(desk, variant, content.number);
  await desk.t.core.context.sync!.run();

  const cabinet = portalCabinetSchema.parse(await (await gateway.call('/portal/api/cabinet', { headers: bearer })).json());
  const entry = cabinet.requests.find((request) => request.number === content.number)!;
  expect(entry).toMatchObject({ state: 'issued', result: { kind: 'certificate', number: result.number } });
  expect(entry.result!.documents.map((document) => document.language)).toEqual(['ru', 'kk']);
}

const WALKS: Record<ChannelKind, ((path: Path) => Promise<void>) | undefined> = { centre: walkDesk, mobileCentre: walkDesk, provider: walkDesk, portal: walkPortal };

describe('every variant × every channel of the catalog (issue 17 item 4)', () => {
  const passed: string[] = [];

  it.each(paths.map((path) => [`${path.variant.id} via ${path.channel}`, path] as const))('%s: taken in, decided, signed, in the applicant’s hands', async (name, path) => {
    const walk = WALKS[path.channel];
    expect(walk, `a path for the ${path.channel} channel`).toBeDefined();
    await walk!(path);
    passed.push(name);
  }, 60_000);

  it('walks every path the catalog has, each channel at least once', () => {
    console.info(`catalog walk: ${passed.length} of ${paths.length} variant × channel paths pass`);
    expect(passed).toEqual(paths.map((path) => `${path.variant.id} via ${path.channel}`));
    expect(new Set(paths.map((path) => path.channel))).toEqual(new Set(Object.keys(WALKS)));
  });
});
