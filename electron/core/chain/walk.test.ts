import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { RequestContent, ResultContent, Role } from '../../../shared/api';
import { createCatalog } from '../../../shared/catalog/catalog';
import type { ChannelKind, Variant } from '../../../shared/catalog/schema';
import { outsideStage } from '../../../shared/catalog/steps';
import { certificateTemplate } from '../../../shared/results/templates';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { DISTRICT_SEEDS } from '../intake/form';
import { findRequest } from '../requests/repository';
import { writeSettings } from '../settings/store';
import { configureProvider, providerCore } from '../testing/provider';

// Issue 17 item 4: every variant of the catalog through every channel its regulation names — taken
// in through that channel, decided by the executor, signed by the head, and the result in the
// applicant's hands where that channel delivers it: the centre's or mobile centre's counter
// (through the gateway and back), or the provider's own office (no gateway). One workstation plays
// the centre and the provider, as in training mode. The portal channel is the portal helper's
// (issue 17 item 2) and a region whose district the АРМ does not know (seed 002) has no centre
// and no office to take it in: both are listed below as known gaps, and the test fails when a gap
// closes (shrink the list) or a path outside it fails.

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

/** Why a path cannot pass yet, or null. */
function knownGap({ variant, channel }: Path): string | null {
  if (channel === 'portal') return 'portal: issue 17 item 2 (the portal helper)';
  if (!districtOf(variant)) return `no district applies seed ${variant.seed.slice(0, 3)} (issue 19 item 8)`;
  return null;
}

const INTAKE_ROLE: Partial<Record<ChannelKind, Role & DemoKeyId>> = { centre: 'operator', mobileCentre: 'mobileOperator', provider: 'officeWorker' };

function fieldValue(type: string): string {
  return { iin: '190620500010', date: '2020-01-15', phone: '+77011234567', number: '2', address: 'ул. Абая, 1', choice: 'да' }[type] ?? 'Учебное значение';
}

let pki: DemoPki;
let gateway: TestGateway;
let actNumber = 0;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'mobileOperator', 'officeWorker', 'clerk', 'head'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

/** Takes the request in through the path's channel and follows it to the applicant's hands. */
async function walk({ variant, channel }: Path): Promise<string> {
  const district = districtOf(variant)!;
  const route = (await (await gateway.call(`/routing?service=${variant.serviceId}&district=${district}`)).json()) as { provider: { code: string } };
  const office = channel === 'provider';
  const t = providerCore(pki, { gateway, organisation: route.provider.code });
  configureProvider(t.db, pki, route.provider.code);
  if (!office) writeSettings(t.db, { 'workstation.centre': { code: `con-${district}`, district } }, { userId: null }, t.core.context.now());
  const intakeRole = INTAKE_ROLE[channel]!;
  const desk = t.as(intakeRole, pki.keys[intakeRole].person.iin);
  const executorKey = t.signIn('clerk', pki.keys.clerk.person.iin);
  const executor = t.window(executorKey);
  const head = t.as('head', pki.keys.head.person.iin);
  const sign = (content: RequestContent | ResultContent, key: DemoKeyId) =>
    toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys[key].key, certificate: pki.keys[key].certificate, signingTime: t.core.context.now() }));

  let draft = await desk.intake.start({ serviceId: variant.serviceId });
  expect(draft).toMatchObject({ variantId: variant.id, channel });
  draft = await desk.intake.lookupPerson({ requestId: draft.requestId, role: 'applicant', iin: APPLICANT });
  for (const line of draft.lines.filter((candidate) => candidate.required)) {
    await desk.documents.upload({ requestId: draft.requestId, document: line.document, fileName: 'scan.png', bytes: PNG.toString('base64') });
  }
  draft = await desk.intake.get({ requestId: draft.requestId });
  await desk.intake.saveDraft({
    requestId: draft.requestId,
    language: 'ru',
    represented: false,
    fields: Object.fromEntries(draft.formFields.map((field) => [field.key, draft.fields[field.key] || fieldValue(field.type)])),
    checklist: draft.lines.filter((line) => line.required).map((line) => ({ document: line.document, presented: true, form: line.expected === 'copy' ? 'copy' : 'original' })),
  });
  const content = await desk.intake.prepare({ requestId: draft.requestId });
  await desk.intake.submit({ requestId: draft.requestId, cms: sign(content, intakeRole) });

  // At the provider: the office's own registration, or the gateway's delivery.
  if (!office) {
    await t.core.context.sync!.run();
    await executor.inbox.pull();
  }
  const provider = (await executor.inbox.list({})).find((row) => row.number === content.number)!;
  expect(provider).toMatchObject({ state: 'registered', variantId: variant.id });
  await head.inbox.assign({ requestId: provider.id, clerkId: t.core.sessions.get(executorKey).user!.id, comment: '' });
  await executor.inbox.take({ requestId: provider.id });
  if (outsideStage(variant)) {
    await executor.chain.sendToStage({ requestId: provider.id });
    await executor.chain.recordAct({ requestId: provider.id, number: String(++actNumber), date: '2026-03-06' });
  }
  const templateId = variant.results[0]!.templateId;
  const fields = Object.fromEntries(certificateTemplate(templateId).fields.map((field) => [field.key, field.type === 'date' ? '2026-02-20' : field.type === 'choice' ? field.options![0]!.value : 'Учебное значение']));
  await executor.decision.decide({ requestId: provider.id, outcome: 'certificate', fields });
  const { content: result } = await head.decision.prepare({ requestId: provider.id });
  await head.decision.approve({ requestId: provider.id, cms: sign(result, 'head') });

  // Delivered where the channel delivers: back at the counter through the gateway, or at the office.
  let handedOver = draft.requestId;
  if (!office) {
    await t.core.context.sync!.run();
    await desk.inbox.pull();
    expect(findRequest(t.db, draft.requestId).state).toBe('resultAtCentre');
  } else {
    handedOver = provider.id;
  }
  const issued = await desk.results.issue({ requestId: handedOver, collectorIin: APPLICANT, documentNumber: '041234567' });
  expect(issued.state).toBe('issued');
  return issued.state;
}

describe('every variant × every channel of the catalog (issue 17 item 4)', () => {
  const passed: string[] = [];
  const gaps = paths.filter((path) => knownGap(path));

  it.each(paths.filter((path) => !knownGap(path)).map((path) => [`${path.variant.id} via ${path.channel}`, path] as const))('%s: taken in, decided, signed, in the applicant’s hands', async (name, path) => {
    await walk(path);
    passed.push(name);
  }, 60_000);

  it('names its gaps: the portal (another helper) and seed 002 (no district), nothing else', () => {
    expect(gaps.map(knownGap).filter((gap) => !gap!.startsWith('portal'))).toEqual(gaps.filter((path) => path.channel !== 'portal').map(() => 'no district applies seed 002 (issue 19 item 8)'));
    // The count the issue asks for, printed for the report.
    console.info(`catalog walk: ${passed.length} of ${paths.length} variant × channel paths pass; gaps: ${gaps.map((path) => `${path.variant.id}/${path.channel}`).join(', ')}`);
    expect(passed.length + gaps.length).toBe(paths.length);
  });
});
