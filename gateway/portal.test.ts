import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_CODE, requestContentSchema, type RequestContent } from '../shared/api/requests';
import { gatewayErrorSchema, type GatewayMessage } from '../shared/gateway/api';
import { portalCabinetSchema, portalDraftSchema, portalRequestSchema, portalServicesSchema, portalSessionSchema } from '../shared/gateway/portal';
import { canonicalBytes, signDetached, toBase64 } from '../shared/signing';
import { signGostDetached } from '../shared/signing/gost/cms';
import { buildGostCrl, createGostRoot, issueGostCertificate } from '../shared/signing/gost/issue';
import { createDemoPki, type DemoKeyId, type DemoPki } from '../shared/signing/testPki';
import { PORTAL_DEMO_PASSWORD } from './portal';
import { postJson, startTestGateway, type TestGateway } from './testing';

// The emulator's portal (ПЭП): login («условие 1»), a request for a service with a portal channel,
// «условие 2» on the citizen's own signature, and the «личный кабинет» that gets the provider's
// notices and result — and refuses what belongs to someone else's cabinet.

const NOW = new Date('2026-03-02T09:00:00.000Z');
const MOTHER = '900412400014';
const GUARDIAN = '751130400011';

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: NOW, only: ['citizen', 'citizenGuardian', 'citizenRevoked', 'citizenExpired', 'head', 'operator'] });
  gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
}, 60_000);
afterAll(() => gateway.dispose());

const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
const count = (table: string) => gateway.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;

async function login(iin = MOTHER, password = PORTAL_DEMO_PASSWORD): Promise<string> {
  const response = await gateway.call('/portal/api/session', postJson({ iin, password }));
  expect(response.status).toBe(200);
  return portalSessionSchema.parse(await response.json()).token;
}

async function prepare(token: string, variantId: string, files: string[] = [], fields: Record<string, string> = {}): Promise<{ draftId: string; content: RequestContent }> {
  const response = await gateway.call('/portal/api/requests/prepare', { ...postJson({ variantId, fields, files }), headers: { 'Content-Type': 'application/json', ...bearer(token) } });
  expect(response.status, await response.clone().text()).toBe(200);
  return portalDraftSchema.parse(await response.json());
}

const signWith = (id: DemoKeyId, content: unknown) =>
  toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys[id].key, certificate: pki.keys[id].certificate, signingTime: NOW }));

const submit = (token: string, draftId: string, cms: string) =>
  gateway.call('/portal/api/requests', { ...postJson({ draftId, cms }), headers: { 'Content-Type': 'application/json', ...bearer(token) } });

async function cabinet(token: string) {
  return portalCabinetSchema.parse(await (await gateway.call('/portal/api/cabinet', { headers: bearer(token) })).json());
}

describe('portal login («условие 1»)', () => {
  it('lets a demo citizen in with IIN and password and refuses a wrong password with PORTAL_LOGIN_REFUSED', async () => {
    expect(await login()).toMatch(/.{20,}/);
    const wrong = await gateway.call('/portal/api/session', postJson({ iin: MOTHER, password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(gatewayErrorSchema.parse(await wrong.json()).error.code).toBe('PORTAL_LOGIN_REFUSED');
    const stranger = await gateway.call('/portal/api/session', postJson({ iin: '880903300010', password: PORTAL_DEMO_PASSWORD }));
    expect(gatewayErrorSchema.parse(await stranger.json()).error.code).toBe('PORTAL_LOGIN_REFUSED');
  });

  it('answers 401 without a session', async () => {
    expect((await gateway.call('/portal/api/cabinet')).status).toBe(401);
    expect((await gateway.call('/portal/api/services', { headers: bearer('forged') })).status).toBe(401);
  });

  it('takes the page’s own same-origin calls but refuses another origin', async () => {
    const own = await gateway.call('/portal/api/session', { ...postJson({ iin: MOTHER, password: PORTAL_DEMO_PASSWORD }), headers: { 'Content-Type': 'application/json', Origin: gateway.url } });
    expect(own.status).toBe(200);
    const foreign = await gateway.call('/portal/api/session', { ...postJson({ iin: MOTHER, password: PORTAL_DEMO_PASSWORD }), headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    // The АРМ's endpoints stay closed to browsers, portal origin or not.
    expect((await gateway.call('/health', { headers: { Origin: gateway.url } })).status).toBe(403);
  });
});

describe('the portal page', () => {
  it('is served in ru and kk under a CSP that allows nothing from elsewhere and no inline script', async () => {
    const ru = await gateway.call('/portal/');
    expect(ru.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(ru.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await ru.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('Личный кабинет');
    const kk = await (await gateway.call('/portal/?lang=kk')).text();
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain('Жеке кабинет');
    expect(page).not.toMatch(/<script>(?!<)/);
  });
});

describe('portal services and requests', () => {
  it('offers only variants with a portal channel whose regulation is in force where the citizen lives, with the portal term (minutes too)', async () => {
    const listed = async (iin: string) =>
      portalServicesSchema.parse(await (await gateway.call('/portal/api/services', { headers: bearer(await login(iin)) })).json()).services;
    const mother = await listed(MOTHER); // Kokpekty: seed 003
    expect(mother.map((service) => service.variantId)).toContain('003-r4');
    expect(mother.map((service) => service.variantId)).not.toContain('001-r2');
    expect(mother.find((service) => service.variantId === '003-r1')?.term).toEqual({ value: 10, unit: 'minutes' });
    const guardian = await listed(GUARDIAN); // Uralsk: seed 001
    expect(guardian.map((service) => service.variantId)).toContain('001-r2');
    expect(guardian.map((service) => service.variantId)).not.toContain('001-r13');
    expect(guardian.every((service) => service.variantId.startsWith('001-'))).toBe(true);
  });

  it('refuses a variant whose regulation is not in force in the citizen’s district with REGULATION_NOT_IN_FORCE, and routes it where it is', async () => {
    const response = await gateway.call('/portal/api/requests/prepare', { ...postJson({ variantId: '001-r2', fields: {}, files: [] }), headers: { 'Content-Type': 'application/json', ...bearer(await login(MOTHER)) } });
    expect(response.status).toBe(422);
    expect(gatewayErrorSchema.parse(await response.json()).error.code).toBe('REGULATION_NOT_IN_FORCE');
    // The guardian lives in Uralsk, where seed 001 is in force: her district's department decides it.
    const { content } = await prepare(await login(GUARDIAN), '001-r2');
    expect(content.provider).toBe('edu-uralsk');
  });

  it('in training routes a request whose regulation applies, and every route of the directory, to the provider the training АРМ plays', async () => {
    const training = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] }, trainingProvider: 'edu-kokpekty' });
    try {
      const call = async (iin: string, variantId: string) => {
        const token = portalSessionSchema.parse(await (await training.call('/portal/api/session', postJson({ iin, password: PORTAL_DEMO_PASSWORD }))).json()).token;
        return training.call('/portal/api/requests/prepare', { ...postJson({ variantId, fields: {}, files: [] }), headers: { 'Content-Type': 'application/json', ...bearer(token) } });
      };
      expect(portalDraftSchema.parse(await (await call(GUARDIAN, '001-r2')).json()).content.provider).toBe('edu-kokpekty');
      // The АРМ's own routing and the organisations reference name it too (Kokpekty's employment
      // department for 003 Рег.1 otherwise), for the same (service, district) pairs.
      expect(((await (await training.call('/routing?service=unemployed-certificate&district=kokpekty')).json()) as { provider: { code: string } }).provider.code).toBe('edu-kokpekty');
      const reference = (await (await training.call('/reference/organisations')).json()) as { routes: Array<{ service: string; district: string; provider: string }> };
      expect(new Set(reference.routes.map((route) => route.provider))).toEqual(new Set(['edu-kokpekty']));
      expect(reference.routes).toContainEqual({ service: 'housing-queue', district: 'kokpekty', provider: 'edu-kokpekty' });
      // The reach check stands in training too.
      expect(gatewayErrorSchema.parse(await (await call(MOTHER, '001-r2')).json()).error.code).toBe('REGULATION_NOT_IN_FORCE');
    } finally {
      await training.dispose();
    }
  });

  it('refuses a service without a portal channel with PORTAL_CHANNEL_MISSING', async () => {
    const token = await login();
    const response = await gateway.call('/portal/api/requests/prepare', { ...postJson({ variantId: '001-r13', fields: {}, files: [] }), headers: { 'Content-Type': 'application/json', ...bearer(token) } });
    expect(response.status).toBe(422);
    expect(gatewayErrorSchema.parse(await response.json()).error.code).toBe('PORTAL_CHANNEL_MISSING');
  });

  it('prepares the content the citizen signs: the applicant from ГБД ФЛ, no operator, the portal as its centre, the portal term in minutes', async () => {
    const token = await login();
    const { content } = await prepare(token, '003-r1', [], { applicantPhone: '+7 701 000 00 00', periodFrom: '2026-01-01', periodTo: '2026-02-28' });
    expect(requestContentSchema.parse(content)).toMatchObject({ channel: 'portal', operator: null, centre: PORTAL_CODE, provider: 'social-kokpekty', variantId: '003-r1' });
    expect(content.applicant.iin).toBe(MOTHER);
    expect(content.fields).toMatchObject({ applicantName: 'Сарсенбаева Айгерим Ерлановна', applicantPhone: '+7 701 000 00 00' });
    // 09:00Z is 14:00 in Almaty; ten minutes later.
    expect(content.dueBy).toBe('2026-03-02T14:10');
  });

  it.each([
    ['citizenRevoked', 'CERT_REVOKED'],
    ['citizenExpired', 'CERT_EXPIRED'],
    ['citizenGuardian', 'CERT_IIN_MISMATCH'],
    ['operator', 'CERT_IIN_MISMATCH'],
  ] as const)('«условие 2»: a request signed with %s is refused (SIGNATURE_NOT_CONFIRMED, %s) and nothing is stored', async (key, cause) => {
    const token = await login();
    const file = Buffer.from(`scan for ${key}`);
    const sha256 = createHash('sha256').update(file).digest('hex');
    expect((await gateway.call(`/portal/api/files/${sha256}`, { method: 'PUT', body: file, headers: bearer(token) })).status).toBe(200);
    const { draftId, content } = await prepare(token, '003-r4', [sha256]);
    const before = { messages: count('messages'), attachments: count('attachments'), requests: count('portal_requests') };
    const response = await submit(token, draftId, signWith(key, content));
    expect(response.status).toBe(422);
    const { error } = gatewayErrorSchema.parse(await response.json());
    expect(error.code).toBe('SIGNATURE_NOT_CONFIRMED');
    expect(error.issues?.[0]?.message).toBe(cause);
    expect({ messages: count('messages'), attachments: count('attachments'), requests: count('portal_requests') }).toEqual(before);
  });

  it('a signed request goes to the provider’s inbox with its files; notices and the signed result reach the cabinet, and nobody else’s', async () => {
    const token = await login();
    const file = Buffer.from('%PDF-1.4 birth certificate');
    const sha256 = createHash('sha256').update(file).digest('hex');
    await gateway.call(`/portal/api/files/${sha256}`, { method: 'PUT', body: file, headers: bearer(token) });
    const { draftId, content } = await prepare(token, '003-r4', [sha256]);
    const response = await submit(token, draftId, signWith('citizen', content));
    expect(response.status, await response.clone().text()).toBe(201);
    const accepted = portalRequestSchema.parse(await response.json());
    expect(accepted.notifications[0]).toMatchObject({ kind: 'accepted', number: content.number });
    // The provider's АРМ leases it from its inbox like a centre's request.
    const leased = (await (await gateway.call('/inboxes/edu-kokpekty/lease?limit=100', { method: 'POST' })).json()) as { messages: Array<{ message: GatewayMessage }> };
    const delivered = leased.messages.find((entry) => entry.message.id === accepted.messageId)!.message;
    expect(delivered).toMatchObject({ from: PORTAL_CODE, to: 'edu-kokpekty', attachments: [sha256] });
    expect(delivered.payload).toEqual(content);

    // A status notice and the head's signed result, addressed to the portal.
    const notice: GatewayMessage = { id: randomUUID(), kind: 'status', from: 'edu-kokpekty', to: PORTAL_CODE, service: content.serviceId, createdAt: NOW.toISOString(), attachments: [], payload: { messageId: accepted.messageId, requestNumber: content.number, state: 'registered', at: NOW.toISOString() } };
    expect((await gateway.call('/messages', postJson(notice))).status).toBe(201);
    const pdf = Buffer.from('%PDF-1.7 result');
    const pdfSha = createHash('sha256').update(pdf).digest('hex');
    await gateway.call(`/attachments/${pdfSha}`, { method: 'PUT', body: pdf });
    const head = pki.keys.head;
    const result = {
      kind: 'certificate',
      number: 'edu-kokpekty-20260302-0001',
      date: '2026-03-02',
      request: { number: content.number, messageId: accepted.messageId, serviceId: content.serviceId, variantId: content.variantId },
      provider: 'edu-kokpekty',
      centre: PORTAL_CODE,
      templateId: '001-r2.certificate',
      applicant: { iin: MOTHER, fullName: 'Сарсенбаева Айгерим Ерлановна', address: null },
      fields: {},
      refusal: null,
      preparedBy: { fullName: 'x' },
      signer: { fullName: 'БЕКОВ АСХАТ', iin: head.person.iin, position: { ru: 'Руководитель', kk: 'Басшы' }, organisation: 'x' },
    };
    const resultMessage = (payload: Record<string, unknown>): GatewayMessage => ({
      id: randomUUID(),
      kind: 'result',
      from: 'edu-kokpekty',
      to: PORTAL_CODE,
      service: content.serviceId,
      createdAt: NOW.toISOString(),
      attachments: [pdfSha],
      payload,
      signature: { format: 'cms', value: signWith('head', payload) },
    });
    // Addressed to the guardian's cabinet: she did not file this request.
    const foreign = await gateway.call('/messages', postJson(resultMessage({ ...result, applicant: { ...result.applicant, iin: GUARDIAN } })));
    expect(foreign.status).toBe(422);
    expect(gatewayErrorSchema.parse(await foreign.json()).error.code).toBe('CABINET_NOT_OWNED');
    expect((await gateway.call('/messages', postJson(resultMessage(result)))).status).toBe(201);

    const mine = (await cabinet(token)).requests.find((entry) => entry.messageId === accepted.messageId)!;
    expect(mine.state).toBe('issued');
    expect(mine.notifications.map((note) => note.kind)).toEqual(['accepted', 'registered', 'certificate']);
    expect(mine.result).toMatchObject({ kind: 'certificate', number: result.number, documents: [{ sha256: pdfSha, language: 'ru' }] });
    const download = await gateway.call(`/portal/api/documents/${pdfSha}`, { headers: bearer(token) });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    // The guardian sees neither the request nor its document.
    const guardian = await login(GUARDIAN);
    expect((await cabinet(guardian)).requests).toEqual([]);
    expect((await gateway.call(`/portal/api/documents/${pdfSha}`, { headers: bearer(guardian) })).status).toBe(404);
  });

  it('refuses portal requests and the portal’s name from an АРМ', async () => {
    const token = await login();
    const { content } = await prepare(token, '003-r4');
    const forged: GatewayMessage = { id: randomUUID(), kind: 'request', from: 'con-kokpekty', to: 'edu-kokpekty', service: content.serviceId, createdAt: NOW.toISOString(), attachments: [], payload: content as unknown as Record<string, unknown>, signature: { format: 'cms', value: signWith('citizen', content) } };
    const response = await gateway.call('/messages', postJson(forged));
    expect(response.status).toBe(422);
    expect(gatewayErrorSchema.parse(await response.json()).error.code).toBe('MESSAGE_UNEXPECTED');
  });
});

describe('«условие 2» on a GOST key (НУЦ РК’s GOST 34.10-2015, the shared JS signer)', () => {
  it('accepts the citizen’s own GOST signature and refuses her revoked GOST key', async () => {
    const DAY = 86_400_000;
    const root = createGostRoot({ now: new Date(NOW.getTime() - 30 * DAY), commonName: 'ARM GOST TEST Root - NOT FOR PRODUCTION' });
    const validity = { notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 365 * DAY) };
    const mother = { surname: 'САРСЕНБАЕВА', firstName: 'АЙГЕРИМ', patronymic: 'ЕРЛАНОВНА', iin: MOTHER };
    const own = issueGostCertificate({ issuer: root, person: mother, kind: 'sign', ...validity });
    const revoked = issueGostCertificate({ issuer: root, person: mother, kind: 'sign', ...validity });
    const crl = buildGostCrl({ issuer: root, revoked: [{ serialNumber: revoked.certificate.serialHex, date: new Date(NOW.getTime() - DAY) }], thisUpdate: new Date(NOW.getTime() - DAY), nextUpdate: new Date(NOW.getTime() + 7 * DAY), crlNumber: 1 });
    const gost = await startTestGateway({ trust: { roots: [root.certificate.der], crls: [crl] } });
    try {
      const token = portalSessionSchema.parse(await (await gost.call('/portal/api/session', postJson({ iin: MOTHER, password: PORTAL_DEMO_PASSWORD }))).json()).token;
      const headers = { 'Content-Type': 'application/json', ...bearer(token) };
      const sign = (content: unknown, key: typeof own) => toBase64(signGostDetached({ content: canonicalBytes(content), key: key.key, signingTime: NOW, profile: 'kz' }));
      for (const [key, status, code] of [[revoked, 422, 'CERT_REVOKED'], [own, 201, null]] as const) {
        const { draftId, content } = portalDraftSchema.parse(await (await gost.call('/portal/api/requests/prepare', { ...postJson({ variantId: '003-r4', fields: {}, files: [] }), headers })).json());
        const response = await gost.call('/portal/api/requests', { ...postJson({ draftId, cms: sign(content, key) }), headers });
        expect(response.status).toBe(status);
        if (code) expect(gatewayErrorSchema.parse(await response.json()).error.issues?.[0]?.message).toBe(code);
      }
    } finally {
      await gost.dispose();
    }
  });
});
