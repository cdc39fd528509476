import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { leaseAnswerSchema, type GatewayMessage } from '../../../shared/gateway/api';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import { listAudit } from '../audit/log';
import { readAttachment, writeAttachment } from '../documents/store';
import { createGatewayClient } from '../gateway/client';
import { searchJournal } from '../journal/search';
import { findRequest } from '../requests/repository';
import { memoryLogger, queueRequest, requestMessageTo, testCore } from '../testing';
import { createSync, enqueue, sendWaitingNow } from './outbox';
import { nodeCrypto } from '../crypto/node';
import { refreshTrust } from '../signing/trust';

// The outbox against the real emulator on loopback: exactly once through 500s, drops and restarts.

const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.dispose()));
});

async function setup(fetchImpl?: typeof fetch, timeoutMs = 1500) {
  const gateway = await startTestGateway();
  gateways.push(gateway);
  const t = testCore();
  const now = () => new Date(t.clock.now);
  const client = createGatewayClient({ url: gateway.url, clientVersion: '0.0.0-test', timeoutMs, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const sync = createSync({ db: t.db, client, readAttachment: (sha) => readAttachment(t.dataDir, sha), now, log: memoryLogger(), crypto: nodeCrypto() });
  return { ...t, gateway, client, sync, now };
}

/** setup, with every call the outbox makes listed as "METHOD /path". */
async function countingSetup() {
  const calls: string[] = [];
  const counting: typeof fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname}`);
    return fetch(input, init);
  };
  return { ...(await setup(counting, 5000)), calls };
}

const queuedRequest = (t: Awaited<ReturnType<typeof setup>>, attachments: string[] = [], unverifiedPersons?: GatewayMessage['unverifiedPersons']) =>
  queueRequest(t.db, t.now(), { attachments, ...(unverifiedPersons ? { unverifiedPersons } : {}) });

const fault = (gateway: TestGateway, mode: string, count?: number) => gateway.call('/_control/faults', postJson(count ? { mode, count } : { mode }));

describe('outbox', () => {
  it("keeps the gateway's re-check of a person typed by hand on the request: the journal flags the mismatch with its fields", async () => {
    const t = await setup();
    const typed = { iin: '190620500010', surname: 'Сарсенбаев', name: 'Алихан', patronymic: null, birthDate: '2019-06-21' };
    const { request } = queuedRequest(t, [], [typed]);
    const matching = queuedRequest(t, [], [{ ...typed, patronymic: 'Нурланович', birthDate: '2019-06-20' }]).request;
    await t.sync.run();
    const journal = searchJournal(t.db, { limit: 10 }, t.now());
    expect(journal.rows.find((row) => row.id === request.id)?.recheck).toEqual([{ iin: typed.iin, result: 'mismatch', mismatches: ['patronymic', 'birthDate'] }]);
    expect(journal.rows.find((row) => row.id === matching.id)?.recheck).toEqual([{ iin: typed.iin, result: 'match', mismatches: [] }]);
    const audited = listAudit(t.db, { limit: 50, action: 'request.recheck' });
    expect(audited.map((entry) => entry.objectId)).toEqual([request.id]);
    expect(JSON.stringify(audited)).not.toContain(typed.iin);
  });

  it('delivers a queued request with its scan, moves it to "sent" and keeps the receipt', async () => {
    const t = await setup();
    const scan = writeAttachment(t.dataDir, Buffer.from('скан заявления'));
    const { request, message } = queuedRequest(t, [scan]);
    expect(t.sync.status()).toMatchObject({ pending: 1 });
    await expect(t.sync.run()).resolves.toEqual({ delivered: 1, retrying: 0, rejected: 0 });
    expect(findRequest(t.db, request.id).state).toBe('sent');
    expect(t.sync.status()).toMatchObject({ pending: 0, rejected: 0 });
    const row = t.db.prepare('SELECT state, receipt FROM outbox WHERE id = ?').get(message.id) as { state: string; receipt: string };
    expect(row.state).toBe('delivered');
    expect(JSON.parse(row.receipt)).toMatchObject({ messageId: message.id, to: 'edu-kokpekty' });
    expect(listAudit(t.db, { limit: 50, action: 'outbox.delivered' })).toHaveLength(1);
    // The provider's inbox has it once.
    const leased = leaseAnswerSchema.parse(await (await t.gateway.call('/inboxes/edu-kokpekty/lease', { method: 'POST' })).json());
    expect(leased.messages.map((entry) => entry.message.id)).toEqual([message.id]);
  });

  it("keeps the receipt with the gateway's checked time-stamp, shown in the journal; a receipt stamped by another gateway is refused", async () => {
    const t = await setup();
    await refreshTrust(t.db, t.client, t.now());
    const { request, message } = queuedRequest(t);
    await expect(t.sync.run()).resolves.toEqual({ delivered: 1, retrying: 0, rejected: 0 });
    const receipt = JSON.parse((t.db.prepare('SELECT receipt FROM outbox WHERE id = ?').get(message.id) as { receipt: string }).receipt) as { receivedAt: string; stamp?: { genTime: string } };
    expect(receipt.stamp?.genTime).toBe(receipt.receivedAt);
    expect(searchJournal(t.db, { limit: 10 }, t.now()).rows.find((row) => row.id === request.id)?.stampedAt).toBe(receipt.receivedAt);

    // This workstation's keys are another gateway's: the receipt it gets is not believed.
    const other = await startTestGateway();
    gateways.push(other);
    await refreshTrust(t.db, createGatewayClient({ url: other.url, clientVersion: '0.0.0-test', timeoutMs: 1500 }), t.now());
    const second = queuedRequest(t);
    await expect(t.sync.run()).resolves.toEqual({ delivered: 0, retrying: 0, rejected: 1 });
    expect(t.db.prepare('SELECT state, last_error FROM outbox WHERE id = ?').get(second.message.id)).toEqual({ state: 'rejected', last_error: 'TIMESTAMP_UNTRUSTED' });
    expect(findRequest(t.db, second.request.id).state).toBe('queued');
    expect(searchJournal(t.db, { limit: 10 }, t.now()).rows.find((row) => row.id === second.request.id)?.stampedAt).toBeNull();
  });

  it('keeps a request queued while the gateway is down, and retries later with the same message id', async () => {
    const t = await setup();
    const { request, message } = queuedRequest(t);
    await fault(t.gateway, 'error500');
    await expect(t.sync.run()).resolves.toEqual({ delivered: 0, retrying: 1, rejected: 0 });
    expect(findRequest(t.db, request.id).state).toBe('queued');
    expect(t.sync.status()).toMatchObject({ pending: 1, lastError: 'GATEWAY_UNAVAILABLE' });
    // Not due yet: the backoff holds it back.
    await expect(t.sync.run()).resolves.toEqual({ delivered: 0, retrying: 0, rejected: 0 });
    await fault(t.gateway, 'none');
    t.clock.now += 6_000;
    await expect(t.sync.run()).resolves.toMatchObject({ delivered: 1 });
    expect(findRequest(t.db, request.id).state).toBe('sent');
    expect((t.db.prepare('SELECT attempts FROM outbox WHERE id = ?').get(message.id) as { attempts: number }).attempts).toBe(2);
  });

  it('"sync now" sends a message still waiting out its retry delay, keeping its attempt count', async () => {
    const t = await setup();
    const { request, message } = queuedRequest(t);
    await fault(t.gateway, 'error500');
    await t.sync.run();
    await fault(t.gateway, 'none');
    // The clock has not moved: without "sync now" the backoff would hold it back.
    expect(sendWaitingNow(t.db, t.now())).toBe(1);
    await expect(t.sync.run()).resolves.toMatchObject({ delivered: 1 });
    expect(findRequest(t.db, request.id).state).toBe('sent');
    expect((t.db.prepare('SELECT attempts FROM outbox WHERE id = ?').get(message.id) as { attempts: number }).attempts).toBe(2);
    expect(sendWaitingNow(t.db, t.now())).toBe(0);
  });

  it('does not duplicate a message whose answer was lost on the way back', async () => {
    const t = await setup();
    const { message } = queuedRequest(t);
    await fault(t.gateway, 'drop', 1);
    await expect(t.sync.run()).resolves.toMatchObject({ retrying: 1 });
    t.clock.now += 6_000;
    await expect(t.sync.run()).resolves.toMatchObject({ delivered: 1 });
    const leased = leaseAnswerSchema.parse(await (await t.gateway.call('/inboxes/edu-kokpekty/lease?limit=10', { method: 'POST' })).json());
    expect(leased.messages.filter((entry) => entry.message.id === message.id)).toHaveLength(1);
  });

  it('gives up on nothing when the gateway does not answer at all, and survives a restart of the gateway', async () => {
    const t = await setup();
    queuedRequest(t);
    await fault(t.gateway, 'timeout');
    await expect(t.sync.run()).resolves.toMatchObject({ retrying: 1 });
    const restarted = await t.gateway.restart();
    gateways.splice(gateways.indexOf(t.gateway), 1, restarted);
    const sync = createSync({ db: t.db, client: createGatewayClient({ url: restarted.url, clientVersion: '0.0.0-test' }), readAttachment: () => null, now: t.now, log: memoryLogger(), crypto: nodeCrypto() });
    t.clock.now += 6_000;
    await expect(sync.run()).resolves.toMatchObject({ delivered: 1 });
  });

  it('sets aside what the gateway refuses, without holding up the rest', async () => {
    const t = await setup();
    const first = queuedRequest(t);
    // Same id, other content: the gateway has seen this id already (a bug or a tampered row).
    await t.gateway.call('/messages', postJson({ ...first.message, payload: { other: true } }));
    const second = queuedRequest(t);
    const missingScan = queuedRequest(t, ['a'.repeat(64)]);
    await expect(t.sync.run()).resolves.toEqual({ delivered: 1, retrying: 0, rejected: 2 });
    expect(findRequest(t.db, second.request.id).state).toBe('sent');
    expect(findRequest(t.db, first.request.id).state).toBe('queued');
    const errors = t.db.prepare("SELECT id, last_error FROM outbox WHERE state = 'rejected' ORDER BY created_at").all();
    expect(errors).toEqual([
      { id: first.message.id, last_error: 'MESSAGE_ID_CONFLICT' },
      { id: missingScan.message.id, last_error: 'ATTACHMENT_NOT_FOUND' },
    ]);
    expect(t.sync.status()).toMatchObject({ pending: 0, rejected: 2 });
  });

  it("keeps a request's messages in order: a later one waits until its earlier one went, and never overtakes one that was refused", async () => {
    const t = await setup();
    const refused = queuedRequest(t);
    const afterRefused = requestMessageTo(t.now());
    enqueue(t.db, afterRefused, refused.request.id, t.now());
    // The gateway has seen the first message's id with other content: it is refused.
    await t.gateway.call('/messages', postJson({ ...refused.message, payload: { other: true } }));
    const going = queuedRequest(t);
    const afterGoing = requestMessageTo(t.now());
    enqueue(t.db, afterGoing, going.request.id, t.now());
    await expect(t.sync.run()).resolves.toEqual({ delivered: 2, retrying: 0, rejected: 1 });
    // Never sent: still pending, not attempted.
    expect(t.db.prepare('SELECT state, attempts FROM outbox WHERE id = ?').get(afterRefused.id)).toEqual({ state: 'pending', attempts: 0 });
    const leased = leaseAnswerSchema.parse(await (await t.gateway.call('/inboxes/edu-kokpekty/lease?limit=10', { method: 'POST' })).json());
    const ids = leased.messages.map((entry) => entry.message.id);
    expect(ids).not.toContain(afterRefused.id);
    expect(ids.indexOf(going.message.id)).toBeLessThan(ids.indexOf(afterGoing.id));
    // The later message went in a later call, after its earlier one's receipt.
    const numbers = [going.message.id, afterGoing.id].map((id) => (JSON.parse((t.db.prepare('SELECT receipt FROM outbox WHERE id = ?').get(id) as { receipt: string }).receipt) as { receiptNumber: string }).receiptNumber);
    expect(numbers[0]! < numbers[1]!).toBe(true);
  });

  it('sends many requests with their scans in a few batch calls, each recorded delivered', async () => {
    const t = await countingSetup();
    const { gateway, now, calls, sync } = t;
    const queued = Array.from({ length: 120 }, (_, index) => queueRequest(t.db, now(), { attachments: [writeAttachment(t.dataDir, Buffer.from(`скан ${index}`))] }));
    await expect(sync.run()).resolves.toEqual({ delivered: 120, retrying: 0, rejected: 0 });
    // 100 at most a call: two calls, no uploads one by one.
    expect(calls).toEqual(['POST /messages/batch', 'POST /messages/batch']);
    expect(queued.every(({ request }) => findRequest(t.db, request.id).state === 'sent')).toBe(true);
    expect(listAudit(t.db, { limit: 500, action: 'outbox.delivered' })).toHaveLength(120);
    const stored = gateway.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number };
    expect(stored.n).toBe(120);
  });

  it('sends a scan too large for a batch ahead of it on its own, and the batch still carries the rest', async () => {
    const t = await countingSetup();
    const { gateway, now, calls, sync } = t;
    // A many-page PDF runs to megabytes, past what one batch carries inline.
    const large = writeAttachment(t.dataDir, randomBytes(3 * 1024 * 1024));
    const small = writeAttachment(t.dataDir, Buffer.from('скан заявления'));
    const queued = [queueRequest(t.db, now(), { attachments: [large, small] }), queueRequest(t.db, now(), { attachments: [small] })];
    await expect(sync.run()).resolves.toEqual({ delivered: 2, retrying: 0, rejected: 0 });
    expect(calls).toEqual([`PUT /attachments/${large}`, 'POST /messages/batch']);
    expect(queued.every(({ request }) => findRequest(t.db, request.id).state === 'sent')).toBe(true);
    const stored = gateway.db.prepare('SELECT sha256, size FROM attachments ORDER BY size').all();
    expect(stored).toEqual([
      { sha256: small, size: Buffer.byteLength('скан заявления') },
      { sha256: large, size: 3 * 1024 * 1024 },
    ]);
  });

  it('runs once at a time: two calls at once deliver each message once', async () => {
    const t = await setup();
    queuedRequest(t);
    queuedRequest(t);
    const [a, b] = await Promise.all([t.sync.run(), t.sync.run()]);
    expect(a).toEqual(b);
    expect(a.delivered).toBe(2);
  });

  it('refuses to enqueue a message that breaks the wire format', () => {
    const { db, clock } = testCore();
    expect(() => enqueue(db, { id: 'not-a-uuid' } as unknown as GatewayMessage, null, new Date(clock.now))).toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
