import type forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { createDemoPki, issueCertificate, type DemoPki } from '../../../shared/signing/testPki';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { receiptSchema, type GatewayMessage } from '../../../shared/gateway/api';
import { readAttachment } from '../documents/store';
import { createGatewayClient } from '../gateway/client';
import { requestHistory } from '../requests/repository';
import { memoryLogger, testCore } from '../testing';
import { refreshTrust } from '../signing/trust';
import { pullInbox } from './pull';
import { nodeCrypto } from '../crypto/node';
import { writeSettings } from '../settings/store';
import { CENTRE, PROVIDER, SCANS, configureProvider, postRequest, requestContent, requestMessage, sha256, signedRequestMessage } from '../testing/provider';

let pki: DemoPki;
const gateways: TestGateway[] = [];

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'revoked', 'clerk'] });
}, 60_000);
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.dispose()));
});

async function setup() {
  const gateway = await startTestGateway();
  gateways.push(gateway);
  const t = testCore();
  configureProvider(t.db, pki);
  const client = createGatewayClient({ url: gateway.url, clientVersion: '0.0.0-test', timeoutMs: 1500 });
  const pull = () => pullInbox({ db: t.db, client, dataDir: t.dataDir, now: () => new Date(t.clock.now), log: memoryLogger(), crypto: nodeCrypto() });
  return { ...t, gateway, client, pull };
}

const requests = (t: Awaited<ReturnType<typeof setup>>) =>
  t.db.prepare("SELECT id, number, state, side, message_id, applicant_name, due_by, content_sha256, received FROM requests WHERE side = 'provider'").all() as Array<Record<string, string>>;

describe('inbox pull', () => {
  it('registers a signed request once, with its scans, and acknowledges it', async () => {
    const t = await setup();
    const message = requestMessage(pki, requestContent(pki));
    await postRequest(t.gateway, message);

    await expect(t.pull()).resolves.toEqual({ received: 1, refused: 0, duplicates: 0, waiting: 0, results: 0, statuses: 0 });
    const [row] = requests(t);
    expect(row).toMatchObject({ number: `${CENTRE}-20260302-0001`, state: 'registered', message_id: message.id, applicant_name: 'Сарсенбаева Айгерим Нурлановна', due_by: '2026-03-10T18:00' });
    expect(JSON.parse(row!.received!)).toMatchObject({ receiptNumber: '2026-00000001', signer: { subject: { iin: pki.keys.operator.person.iin } } });
    expect(requestHistory(t.db, row!.id!)).toEqual([expect.objectContaining({ from: null, to: 'registered', actorRole: 'system' })]);
    for (const bytes of SCANS) expect(new Uint8Array(readAttachment(t.dataDir, sha256(bytes))!)).toEqual(bytes);
    const audit = t.db.prepare("SELECT action FROM audit_log WHERE object_id = ?").all(row!.id) as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toEqual(['request.received']);

    // Acknowledged: nothing left for this inbox, even after any lease would have run out.
    t.gateway.clock.advance(3600);
    await expect(t.pull()).resolves.toEqual({ received: 0, refused: 0, duplicates: 0, waiting: 0, results: 0, statuses: 0 });
  });

  it('applies a redelivery once: a lost acknowledgement brings the message back, it changes nothing', async () => {
    const t = await setup();
    const message = requestMessage(pki, requestContent(pki));
    await postRequest(t.gateway, message);
    // The acknowledgement is lost: the gateway fails the call after the local commit.
    const lossyClient = { ...t.client, ack: () => Promise.reject(new Error('connection reset')) };
    await expect(pullInbox({ db: t.db, client: lossyClient, dataDir: t.dataDir, now: () => new Date(t.clock.now), log: memoryLogger(), crypto: nodeCrypto() })).rejects.toThrow('connection reset');
    expect(requests(t)).toHaveLength(1);

    t.gateway.clock.advance(600);
    await expect(t.pull()).resolves.toEqual({ received: 0, refused: 0, duplicates: 1, waiting: 0, results: 0, statuses: 0 });
    expect(requests(t)).toHaveLength(1);
  });

  it.each([
    ['a changed letter after signing', 'SIGNATURE_INVALID', (m: ReturnType<typeof requestMessage>) => ({ ...m, payload: { ...m.payload, number: `${CENTRE}-20260302-0009` } })],
    ['a signer whose IIN is not the operator named in the request', 'CERT_IIN_MISMATCH', null],
    ['a revoked operator certificate', 'CERT_REVOKED', null],
    ['no signature at all', 'SIGNATURE_INVALID', (m: ReturnType<typeof requestMessage>) => ({ ...m, signature: undefined })],
  ] as const)('refuses on receipt %s: never a request, recorded, acknowledged', async (_name, code, tamper) => {
    const t = await setup();
    const content = requestContent(pki, code === 'CERT_REVOKED' ? { operator: { userId: 'u', iin: pki.keys.revoked.person.iin, fullName: 'x' } } : {});
    const signed = requestMessage(pki, content, code === 'CERT_IIN_MISMATCH' ? 'clerk' : code === 'CERT_REVOKED' ? 'revoked' : 'operator');
    const { signature, ...unsigned } = tamper ? tamper(signed) : signed;
    await postRequest(t.gateway, signature ? { ...unsigned, signature } : unsigned);

    await expect(t.pull()).resolves.toEqual({ received: 0, refused: 1, duplicates: 0, waiting: 0, results: 0, statuses: 0 });
    expect(requests(t)).toEqual([]);
    expect(t.db.prepare('SELECT message_id, code FROM inbox_refused').all()).toEqual([{ message_id: signed.id, code }]);
    t.gateway.clock.advance(3600);
    await expect(t.pull()).resolves.toEqual({ received: 0, refused: 0, duplicates: 0, waiting: 0, results: 0, statuses: 0 });
  });

  it('fails closed without trusted roots: the request is refused as untrusted', async () => {
    const t = await setup();
    writeSettings(t.db, { 'trust.roots': '' }, { userId: null }, new Date());
    await postRequest(t.gateway, requestMessage(pki, requestContent(pki)));
    await t.pull();
    expect(t.db.prepare('SELECT code FROM inbox_refused').all()).toEqual([{ code: 'CERT_UNTRUSTED' }]);
  });

  it('trusts the roots and CRL the gateway publishes when the supervisor set none', async () => {
    const gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
    gateways.push(gateway);
    const t = testCore();
    writeSettings(t.db, { 'workstation.organisation': PROVIDER }, { userId: null }, new Date());
    const client = createGatewayClient({ url: gateway.url, clientVersion: '0.0.0-test', timeoutMs: 1500 });
    await refreshTrust(t.db, client, new Date(t.clock.now));
    await postRequest(gateway, requestMessage(pki, requestContent(pki)));
    await expect(pullInbox({ db: t.db, client, dataDir: t.dataDir, now: () => new Date(t.clock.now), log: memoryLogger(), crypto: nodeCrypto() })).resolves.toMatchObject({ received: 1, refused: 0 });
  });

  it('leaves a message unacknowledged while its scans cannot be fetched, and takes it on the next pull', async () => {
    const t = await setup();
    await postRequest(t.gateway, requestMessage(pki, requestContent(pki)));
    const failing = { ...t.client, getAttachment: () => Promise.reject(Object.assign(new Error('down'), { code: 'GATEWAY_UNAVAILABLE' })) };
    await expect(pullInbox({ db: t.db, client: failing, dataDir: t.dataDir, now: () => new Date(t.clock.now), log: memoryLogger(), crypto: nodeCrypto() })).resolves.toMatchObject({ waiting: 1, received: 0 });
    expect(requests(t)).toEqual([]);
    t.gateway.clock.advance(600);
    await expect(t.pull()).resolves.toMatchObject({ received: 1 });
  });

  it('refuses a request addressed to another provider, and needs its own organisation code', async () => {
    const t = await setup();
    writeSettings(t.db, { 'workstation.organisation': 'edu-zhambyl-sko' }, { userId: null }, new Date());
    const content = requestContent(pki, { provider: 'edu-zhambyl-sko' });
    await postRequest(t.gateway, { ...requestMessage(pki, content), to: 'edu-zhambyl-sko' });
    await postRequest(t.gateway, { ...requestMessage(pki, requestContent(pki, { number: `${CENTRE}-20260302-0002` })), to: 'edu-zhambyl-sko' });
    await expect(t.pull()).resolves.toMatchObject({ received: 1, refused: 1 });
    expect(t.db.prepare('SELECT code FROM inbox_refused').all()).toEqual([{ code: 'MESSAGE_UNEXPECTED' }]);

    writeSettings(t.db, { 'workstation.organisation': null }, { userId: null }, new Date());
    await expect(t.pull()).rejects.toMatchObject({ code: 'WORKSTATION_NOT_CONFIGURED' });
    expect(PROVIDER).toBe('edu-kokpekty');
  });
});

describe('trusted time at the provider (issue 16 item 3)', () => {
  const DAY = 86_400;
  /** An operator key valid for one day from the PKI's start: it expires while the centre is offline. */
  const shortLivedRequest = (number: string) => {
    const start = pki.root.certificate.validity.notBefore.getTime() + DAY * 1000;
    const key = issueCertificate({ issuer: pki.root, person: pki.keys.operator.person, kind: 'sign', notBefore: new Date(start), notAfter: new Date(start + DAY * 1000), keys: { privateKey: pki.keys.operator.key, publicKey: pki.keys.operator.certificate.publicKey as forge.pki.rsa.PublicKey }, organisationRole: 'employee' });
    const content = requestContent(pki, { number });
    const cms = signDetached({ content: canonicalBytes(content), key: key.key, certificate: key.certificate, signingTime: new Date(start + 3_600_000) });
    return signedRequestMessage(content, toBase64(cms));
  };
  const refusedCodes = (t: { db: { prepare(sql: string): { all(): unknown[] } } }) => t.db.prepare('SELECT code FROM inbox_refused ORDER BY code').all();

  it("judges a key expired since at its signing time inside the window the gateway's stamp vouches for, and refuses it without one", async () => {
    // A gateway that checks no signatures (none of its own trust): the provider's check is the one that counts here.
    const stamped = await setup();
    await refreshTrust(stamped.db, stamped.client, new Date(stamped.clock.now));
    await postRequest(stamped.gateway, shortLivedRequest(`${CENTRE}-20260302-0101`));
    stamped.gateway.clock.advance(3 * DAY);
    stamped.clock.now += 3 * DAY * 1000;
    await postRequest(stamped.gateway, shortLivedRequest(`${CENTRE}-20260302-0102`));
    await expect(stamped.pull()).resolves.toMatchObject({ received: 2, refused: 0 });
    const received = JSON.parse(requests(stamped)[0]!.received!) as { stamp?: { genTime: string } };
    expect(received.stamp?.genTime).toBe('2026-03-02T09:00:00.000Z');

    // Without its gateway's stamping keys the workstation believes no stamp: a key expired by now
    // cannot claim an earlier signing time.
    const unstamped = await setup();
    unstamped.gateway.clock.advance(3 * DAY);
    unstamped.clock.now += 3 * DAY * 1000;
    await postRequest(unstamped.gateway, shortLivedRequest(`${CENTRE}-20260302-0103`));
    await expect(unstamped.pull()).resolves.toMatchObject({ received: 0, refused: 1 });
    expect(refusedCodes(unstamped)).toEqual([{ code: 'SIGNING_TIME_SKEW' }]);
  });

  it('refuses a backdated signature by an expired key past the stamped window, and a stamp from another gateway', async () => {
    const t = await setup();
    await refreshTrust(t.db, t.client, new Date(t.clock.now));
    t.gateway.clock.advance(20 * DAY);
    t.clock.now += 20 * DAY * 1000;
    await postRequest(t.gateway, shortLivedRequest(`${CENTRE}-20260302-0201`));

    // The same request, stamped by a second gateway: its receipt is swapped into this inbox's lease.
    const other = await startTestGateway();
    gateways.push(other);
    const forged = requestMessage(pki, requestContent(pki, { number: `${CENTRE}-20260302-0202` }));
    await postRequest(t.gateway, forged);
    for (const bytes of SCANS) await other.call(`/attachments/${sha256(bytes)}`, { method: 'PUT', body: bytes });
    const foreignReceipt = receiptSchema.parse(await (await other.call('/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(forged) })).json());
    const swapping = {
      ...t.client,
      lease: async (input: Parameters<typeof t.client.lease>[0]) => {
        const answer = await t.client.lease(input);
        return { messages: answer.messages.map((leased) => ((leased.message as GatewayMessage).id === forged.id ? { ...leased, receipt: foreignReceipt } : leased)) };
      },
    };
    await expect(pullInbox({ db: t.db, client: swapping, dataDir: t.dataDir, now: () => new Date(t.clock.now), log: memoryLogger(), crypto: nodeCrypto() })).resolves.toMatchObject({ received: 0, refused: 2 });
    expect(refusedCodes(t)).toEqual([{ code: 'SIGNING_TIME_SKEW' }, { code: 'TIMESTAMP_UNTRUSTED' }]);
    expect(requests(t)).toEqual([]);
  });
});
