import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_DEMO_PASSWORD } from '../../../gateway/portal';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { RequestContent, ResultContent } from '../../../shared/api';
import { portalCabinetSchema, portalDraftSchema, portalSessionSchema } from '../../../shared/gateway/portal';
import { barcodeFromCms } from '../../../shared/results/barcode';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { providerCore } from '../testing/provider';

// A request filed on the emulator's portal reaches the provider's АРМ through the same inbox as a
// centre's, marked as the portal's, with the portal term; the result the head signs goes back to
// the portal, into the applicant's «личный кабинет», with its signed PDFs.

const NOW = new Date('2026-03-02T09:00:00Z');
const MOTHER = '900412400014';
/** The guardian lives in Uralsk, where seed 001 (its portal-only Рег.2) is in force. */
const GUARDIAN = '751130400011';

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: NOW, only: ['citizen', 'citizenGuardian', 'clerk', 'head'] });
  gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
}, 60_000);
afterAll(() => gateway.dispose());

const json = (token: string, body: unknown): RequestInit => ({ ...postJson(body), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } });
const signWith = (id: DemoKeyId, content: unknown, at: Date) =>
  toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys[id].key, certificate: pki.keys[id].certificate, signingTime: at }));

/** The citizen's side, through the portal API as the page calls it. */
async function fileOnPortal(variantId: string, fields: Record<string, string> = {}, citizen: { iin: string; key: DemoKeyId } = { iin: MOTHER, key: 'citizen' }): Promise<{ token: string; content: RequestContent }> {
  const token = portalSessionSchema.parse(await (await gateway.call('/portal/api/session', postJson({ iin: citizen.iin, password: PORTAL_DEMO_PASSWORD }))).json()).token;
  const scan = Buffer.from(`%PDF-1.4 copy for ${variantId}`);
  const sha256 = createHash('sha256').update(scan).digest('hex');
  await gateway.call(`/portal/api/files/${sha256}`, { method: 'PUT', body: scan, headers: { Authorization: `Bearer ${token}` } });
  const { draftId, content } = portalDraftSchema.parse(await (await gateway.call('/portal/api/requests/prepare', json(token, { variantId, fields, files: [sha256] }))).json());
  const submitted = await gateway.call('/portal/api/requests', json(token, { draftId, cms: signWith(citizen.key, content, gateway.clock.now()) }));
  expect(submitted.status, await submitted.clone().text()).toBe(201);
  return { token, content };
}

describe('a portal request at the provider', () => {
  it('arrives in the inbox marked as the portal’s; decided and signed, its result and PDFs reach the cabinet', async () => {
    const { token, content } = await fileOnPortal('001-r2', {}, { iin: GUARDIAN, key: 'citizenGuardian' });
    expect(content.provider).toBe('edu-uralsk');
    const w = providerCore(pki, { gateway, organisation: 'edu-uralsk', clock: { now: Date.parse('2026-03-02T09:05:00Z') } });
    const clerk = w.as('clerk', pki.keys.clerk.person.iin);
    const head = w.as('head', pki.keys.head.person.iin);
    expect(await clerk.inbox.pull()).toMatchObject({ received: 1, refused: 0 });
    const [row] = await clerk.inbox.list({});
    expect(row).toMatchObject({ number: content.number, channel: 'portal', serviceId: 'guardianship-certificate', dueBy: null });
    // Seed 001's chain: the head's resolution appoints the executor (п.5 пп.2).
    const [executor] = await head.inbox.clerks();
    await head.inbox.assign({ requestId: row!.id, clerkId: executor!.userId, comment: '' });
    const view = await clerk.inbox.take({ requestId: row!.id });
    expect(view.content).toMatchObject({ channel: 'portal', operator: null, centre: 'egov-portal' });
    expect(view.received.signer.subject.iin).toBe(GUARDIAN);

    await clerk.decision.decide({ requestId: row!.id, outcome: 'certificate', fields: { body: 'Сведения об опеке и попечительстве не найдены.' } });
    const prepared = await head.decision.prepare({ requestId: row!.id });
    const cms = signWith('head', prepared.content, w.core.context.now());
    await head.decision.approve({ requestId: row!.id, cms });
    await w.core.context.sync!.run();

    const cabinet = portalCabinetSchema.parse(await (await gateway.call('/portal/api/cabinet', { headers: { Authorization: `Bearer ${token}` } })).json());
    const entry = cabinet.requests.find((request) => request.number === content.number)!;
    expect(entry.notifications.map((note) => note.kind)).toEqual(['accepted', 'registered', 'inWork', 'decided', 'certificate']);
    expect(entry.state).toBe('issued');
    expect(entry.result).toMatchObject({ kind: 'certificate', number: prepared.content.number, signer: prepared.content.signer!.fullName });
    expect(entry.result!.documents.map((document) => document.language)).toEqual(['ru', 'kk']);
    const pdf = Buffer.from(await (await gateway.call(`/portal/api/documents/${entry.result!.documents[0]!.sha256}`, { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF's QR carries the content exactly as the head signed it.
    expect(barcodeFromCms(Buffer.from(cms, 'base64'), prepared.content as ResultContent)).toBeTruthy();
    w.close();
  });

  it('a portal term in minutes gives a due time the inbox counts against', async () => {
    const { content } = await fileOnPortal('003-r1', { applicantPhone: '+7 701 000 00 00', periodFrom: '2026-01-01', periodTo: '2026-02-28' });
    // Ten minutes from 14:00 Almaty; twenty minutes later the request is overdue the same day.
    expect(content.dueBy).toBe('2026-03-02T14:10');
    const w = providerCore(pki, { gateway, organisation: 'social-kokpekty', clock: { now: Date.parse('2026-03-02T09:20:00Z') } });
    const clerk = w.as('clerk', pki.keys.clerk.person.iin);
    await clerk.inbox.pull();
    const row = (await clerk.inbox.list({})).find((entry) => entry.number === content.number);
    expect(row).toMatchObject({ channel: 'portal', dueBy: '2026-03-02T14:10', urgency: 'overdue' });
    w.close();
  });
});
