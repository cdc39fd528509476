import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayErrorSchema, receiptSchema, type GatewayMessage } from '../shared/gateway/api';
import { countersign, GATEWAY_TIME_HEADER } from '../shared/gateway/machine';
import { canonicalBytes, signDetached, toBase64 } from '../shared/signing';
import { buildCrl } from '../shared/signing/crl';
import { createDemoPki, createTestRoot, issueCertificate, type DemoPki, type Issued } from '../shared/signing/testPki';
import { newMachineKey, postJson, signedFetch, startTestGateway, type TestGateway, type TestMachine } from './testing';

// The probe's cases (issue 16): an unenrolled process leased and acked another organisation's
// inbox; a replay under a new id and a changed recipient got receipts; an expired key signing
// with a backdated time was verified. Here the gateway requires enrolled machines, as the CLI does.

const NOW = new Date('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;
const CENTRE = 'con-kokpekty';
const PROVIDER = 'edu-kokpekty';

let pki: DemoPki;
let gateway: TestGateway;
let centre: TestMachine;
let provider: TestMachine;
/** The probe's key: issued by a root of long standing, expired months ago. */
let expiredLongAgo: Issued;

beforeAll(async () => {
  pki = await createDemoPki({ now: NOW, only: ['operator'] });
  const oldRoot = createTestRoot({ now: new Date(NOW.getTime() - 800 * DAY), commonName: 'Old CA' });
  expiredLongAgo = issueCertificate({ issuer: oldRoot, person: pki.keys.operator.person, kind: 'sign', notBefore: new Date(NOW.getTime() - 700 * DAY), notAfter: new Date(NOW.getTime() - 200 * DAY), organisationRole: 'employee' });
  const oldCrl = buildCrl({ issuer: oldRoot.certificate, issuerKey: oldRoot.key, revoked: [], thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + 7 * DAY), crlNumber: 1 });
  gateway = await startTestGateway({ machineAuth: 'required', trust: { roots: [pki.root.certificate, oldRoot.certificate], crls: [pki.crl, oldCrl] } });
  centre = await gateway.machine([CENTRE]);
  provider = await gateway.machine([PROVIDER]);
}, 60_000);
afterAll(() => gateway.dispose());

const codeOf = async (response: Response) => gatewayErrorSchema.parse(await response.json()).error.code;
const stored = () => gateway.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()!.n;
const lease = (org: string) => `/inboxes/${org}/lease?limit=10&leaseSeconds=60`;

function request(signer: Issued, signingTime = NOW, payload: Record<string, unknown> = { number: `Z-${randomUUID().slice(0, 8)}`, operator: { iin: pki.keys.operator.person.iin } }): GatewayMessage {
  return {
    id: randomUUID(),
    kind: 'request',
    from: CENTRE,
    to: PROVIDER,
    service: 'preschool-queue',
    createdAt: gateway.clock.now().toISOString(),
    attachments: [],
    payload,
    signature: { format: 'cms', value: toBase64(signDetached({ content: canonicalBytes(payload), key: signer.key, certificate: signer.certificate, signingTime })) },
  };
}
const send = (machine: TestMachine, message: unknown) => machine.call('/messages', postJson(message));

describe('who calls the gateway', () => {
  it('refuses a call without a machine signature, or from a machine it does not know', async () => {
    const plain = await gateway.call(lease(PROVIDER), { method: 'POST' });
    expect(plain.status).toBe(401);
    expect(await codeOf(plain)).toBe('MACHINE_NOT_ENROLLED');
    const stranger = newMachineKey();
    const unknown = await signedFetch(gateway.url, stranger.signer, lease(PROVIDER), { method: 'POST' }, gateway.clock.now());
    expect(await codeOf(unknown)).toBe('MACHINE_NOT_ENROLLED');
    // The online indicator stays open to anyone, and every answer carries the gateway's clock.
    const health = await gateway.call('/health');
    expect(health.status).toBe(200);
    expect(health.headers.get(GATEWAY_TIME_HEADER)).toBe(NOW.toISOString());
  });

  it('lets only its own organisation’s machines lease and acknowledge an inbox', async () => {
    const sent = request(pki.keys.operator);
    expect((await send(centre, countersign(centre.signer, sent))).status).toBe(201);
    const foreign = await centre.call(lease(PROVIDER), { method: 'POST' });
    expect(foreign.status).toBe(403);
    expect(await codeOf(foreign)).toBe('MACHINE_REMAPPED');
    const foreignAck = await centre.call(`/inboxes/${PROVIDER}/ack`, postJson({ ids: [sent.id] }));
    expect(await codeOf(foreignAck)).toBe('MACHINE_REMAPPED');
    // The real recipient still sees the message: nothing was leased or acknowledged away.
    const own = await provider.call(lease(PROVIDER), { method: 'POST' });
    expect(own.status).toBe(200);
    const leased = ((await own.json()) as { messages: Array<{ message: { id: string } }> }).messages.map((entry) => entry.message.id);
    expect(leased).toContain(sent.id);
    expect((await provider.call(`/inboxes/${PROVIDER}/ack`, postJson({ ids: leased }))).status).toBe(200);
  });

  it('refuses a signature that does not cover the call as sent, and a clock hours off', async () => {
    const signedForOther = await signedFetch(gateway.url, provider.signer, lease(CENTRE), { method: 'POST' }, gateway.clock.now());
    expect(await codeOf(signedForOther)).toBe('MACHINE_REMAPPED');
    // Headers signed for one path, sent with another.
    const headers = Object.fromEntries(
      Object.entries((await import('../shared/gateway/machine')).machineHeaders(provider.signer, { method: 'POST', path: lease(PROVIDER), body: new Uint8Array(), time: gateway.clock.now() })),
    );
    const moved = await fetch(`${gateway.url}${lease(CENTRE)}`, { method: 'POST', headers });
    expect(moved.status).toBe(401);
    expect(await codeOf(moved)).toBe('MACHINE_SIGNATURE_INVALID');
    const late = await provider.call(lease(PROVIDER), { method: 'POST' }, new Date(NOW.getTime() + 3 * 3600_000));
    expect(late.status).toBe(401);
    expect(await codeOf(late)).toBe('CLOCK_DRIFT');
    expect(late.headers.get(GATEWAY_TIME_HEADER)).toBe(gateway.clock.now().toISOString());
  });

  it('refuses enrollment to an organisation that does not exist, and enrollment without the admin secret', async () => {
    const key = newMachineKey();
    const before = gateway.db.prepare('SELECT count(*) AS n FROM machines').get();
    const missing = await gateway.call('/_control/machines', postJson({ publicKey: key.publicKey, organisations: ['con-nowhere'] }));
    expect(missing.status).toBe(422);
    expect(await codeOf(missing)).toBe('ORGANISATION_NOT_FOUND');
    const notAKey = await gateway.call('/_control/machines', postJson({ publicKey: Buffer.from('x'.repeat(64)).toString('base64'), organisations: [CENTRE] }));
    expect(await codeOf(notAKey)).toBe('VALIDATION_FAILED');
    const noSecret = await fetch(`${gateway.url}/_control/machines`, postJson({ publicKey: key.publicKey, organisations: [CENTRE] }));
    expect(noSecret.status).toBe(401);
    expect(gateway.db.prepare('SELECT count(*) AS n FROM machines').get()).toEqual(before);
  });

  it('refuses a revoked machine, and tells a remapped one what happened', async () => {
    const moving = await gateway.machine([CENTRE]);
    expect((await moving.call(lease(CENTRE), { method: 'POST' })).status).toBe(200);
    await gateway.call('/_control/machines', postJson({ publicKey: moving.publicKey, organisations: [PROVIDER] }));
    const remapped = await moving.call(lease(CENTRE), { method: 'POST' });
    expect(remapped.status).toBe(403);
    expect(gatewayErrorSchema.parse(await remapped.json()).error).toMatchObject({ code: 'MACHINE_REMAPPED', message: expect.stringMatching(/moved from con-kokpekty/) });
    expect((await moving.call(lease(PROVIDER), { method: 'POST' })).status).toBe(200);
    await gateway.call(`/_control/machines/${moving.signer.machineId}/revoke`, { method: 'POST' });
    expect(await codeOf(await moving.call(lease(PROVIDER), { method: 'POST' }))).toBe('MACHINE_NOT_ENROLLED');
  });
});

describe('the whole message is signed', () => {
  it('refuses a message without the envelope countersignature, or with a changed envelope', async () => {
    const before = stored();
    const bare = await send(centre, request(pki.keys.operator));
    expect(bare.status).toBe(422);
    expect(await codeOf(bare)).toBe('ENVELOPE_INVALID');
    const readdressed = { ...countersign(centre.signer, request(pki.keys.operator)), to: 'edu-other' };
    expect(await codeOf(await send(centre, readdressed))).toBe('ENVELOPE_INVALID');
    const renumbered = { ...countersign(centre.signer, request(pki.keys.operator)), id: randomUUID() };
    expect(await codeOf(await send(centre, renumbered))).toBe('ENVELOPE_INVALID');
    // Sent by the provider's machine in the centre's name.
    expect(await codeOf(await send(provider, countersign(provider.signer, request(pki.keys.operator))))).toBe('MACHINE_REMAPPED');
    expect(stored()).toBe(before);
  });

  it('recognises the same signed content under a new id as a replay, and a resend as the same message', async () => {
    const first = request(pki.keys.operator);
    const accepted = await send(centre, countersign(centre.signer, first));
    expect(accepted.status).toBe(201);
    const receipt = receiptSchema.parse(await accepted.json());
    // A resend countersigned anew (ECDSA signatures differ each time) gets the first receipt back.
    const resent = await send(centre, countersign(centre.signer, first));
    expect(resent.status).toBe(200);
    expect(receiptSchema.parse(await resent.json())).toEqual(receipt);
    const before = stored();
    const replay = await send(centre, countersign(centre.signer, { ...first, id: randomUUID() }));
    expect(replay.status).toBe(409);
    expect(await codeOf(replay)).toBe('MESSAGE_REPLAYED');
    expect(stored()).toBe(before);
    // Re-signed after a return: a new signature, so a new message.
    expect((await send(centre, countersign(centre.signer, request(pki.keys.operator, new Date(NOW.getTime() + 1000), first.payload)))).status).toBe(201);
  });
});

describe('trusted time', () => {
  it('refuses a key that expired months ago signing with a backdated time', async () => {
    const before = stored();
    const backdated = request(expiredLongAgo, new Date(NOW.getTime() - 300 * DAY));
    const refused = await send(centre, countersign(centre.signer, backdated));
    expect(refused.status).toBe(422);
    expect(await codeOf(refused)).toBe('SIGNING_TIME_SKEW');
    expect(stored()).toBe(before);
  });

  it('accepts what a mobile centre signed offline after its last contact, and no earlier time for a key expired since', async () => {
    const person = pki.keys.operator.person;
    // A key valid at its last contact that expires while the centre is away.
    const shortLived = issueCertificate({ issuer: pki.root, person, kind: 'sign', notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 2 * 3600_000), organisationRole: 'employee' });
    const mobile = await gateway.machine([CENTRE]);
    const lastContact = gateway.clock.now();
    expect((await mobile.call(lease(CENTRE), { method: 'POST' })).status).toBe(200);
    gateway.clock.advance(2 * 86_400);
    const signedOffline = (at: Date) => {
      const message = request(shortLived, at);
      return countersign(mobile.signer, message);
    };
    expect((await send(mobile, signedOffline(new Date(lastContact.getTime() + 3600_000)))).status).toBe(201);
    const backdated = await send(mobile, signedOffline(new Date(lastContact.getTime() - 3600_000)));
    expect(backdated.status).toBe(422);
    expect(await codeOf(backdated)).toBe('SIGNING_TIME_SKEW');
    gateway.clock.advance(-2 * 86_400);
  });
});

describe('earliestSigningTime', () => {
  it('is the offline window for a valid key, and the last contact for one expired since', async () => {
    const { earliestSigningTime } = await import('../shared/signing/window');
    const now = new Date(NOW.getTime() + 20 * DAY);
    const contact = new Date(NOW.getTime() + 19 * DAY);
    const stillValid = new Date(now.getTime() + DAY);
    const expiredSince = new Date(now.getTime() - DAY);
    expect(earliestSigningTime(contact, stillValid, now)).toEqual(new Date(now.getTime() - 14 * DAY));
    expect(earliestSigningTime(contact, expiredSince, now)).toEqual(contact);
    // A last contact older than the window moves nothing: the window is the bound.
    expect(earliestSigningTime(NOW, expiredSince, now)).toEqual(new Date(now.getTime() - 14 * DAY));
  });
});
