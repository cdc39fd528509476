import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ackAnswerSchema, gatewayErrorSchema, leaseAnswerSchema, receiptSchema, type GatewayMessage } from '../shared/gateway/api';
import { demoIins } from './seed/demo';
import { postJson, startTestGateway, type TestGateway } from './testing';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startTestGateway();
});
afterEach(() => gateway.dispose());

function request(overrides: Partial<GatewayMessage> = {}): GatewayMessage {
  return {
    id: randomUUID(),
    kind: 'request',
    from: 'con-kokpekty',
    to: 'edu-kokpekty',
    service: 'preschool-queue',
    createdAt: '2026-03-02T08:59:00.000Z',
    attachments: [],
    payload: { applicantIin: demoIins.mother, childIin: demoIins.preschoolChild },
    ...overrides,
  };
}

const send = (message: unknown) => gateway.call('/messages', postJson(message));
const lease = (org: string, query = '') => gateway.call(`/inboxes/${org}/lease${query}`, { method: 'POST' });
const ack = (org: string, ids: unknown) => gateway.call(`/inboxes/${org}/ack`, postJson({ ids }));
const count = (table: string) => gateway.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
const refusal = async (response: Response) => gatewayErrorSchema.parse(await response.json()).error;

describe('gateway emulator: messages', () => {
  it('accepts a message with a receipt, and a resend of the same id and content returns that receipt', async () => {
    const message = request();
    const first = await send(message);
    expect(first.status).toBe(201);
    const receipt = receiptSchema.parse(await first.json());
    expect(receipt).toMatchObject({ messageId: message.id, from: 'con-kokpekty', to: 'edu-kokpekty', receivedAt: '2026-03-02T09:00:00.000Z', signature: 'not-checked' });
    expect(receipt.receiptNumber).toBe('2026-00000001');

    gateway.clock.advance(60);
    // Same content with the keys in another order: the canonical form (RFC 8785) is the same.
    const reordered = Object.fromEntries(Object.entries(message).reverse());
    const again = await send(reordered);
    expect(again.status).toBe(200);
    expect(receiptSchema.parse(await again.json())).toEqual(receipt);
    expect(count('messages')).toBe(1);
    expect(count('deliveries')).toBe(1);
  });

  it('refuses the same id with other content: 409 MESSAGE_ID_CONFLICT, nothing changed', async () => {
    const message = request();
    await send(message);
    const stored = gateway.db.prepare('SELECT * FROM messages').all();
    const conflict = await send({ ...message, payload: { ...message.payload, childIin: demoIins.schoolChild } });
    expect(conflict.status).toBe(409);
    expect((await refusal(conflict)).code).toBe('MESSAGE_ID_CONFLICT');
    expect(gateway.db.prepare('SELECT * FROM messages').all()).toEqual(stored);
  });

  it('numbers receipts in the order messages arrive', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push(receiptSchema.parse(await (await send(request())).json()).receiptNumber);
    expect(numbers).toEqual(['2026-00000001', '2026-00000002', '2026-00000003']);
  });

  it('refuses malformed messages with 400 and the reason, storing nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...request(), id: 'not-a-uuid' }, 'id'],
      [{ ...request(), kind: 'gossip' }, 'kind'],
      [{ ...request(), createdAt: 'yesterday' }, 'createdAt'],
      [{ ...request(), attachments: ['abc'] }, 'attachments.0'],
      [{ ...request(), extra: true }, ''],
      [{ ...request(), signature: { format: 'cms', value: '***' } }, 'signature.value'],
    ];
    for (const [body, path] of cases) {
      const response = await send(body);
      expect(response.status, path).toBe(400);
      const error = await refusal(response);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.issues?.map((issue) => issue.path)).toContain(path);
    }
    const notJson = await gateway.call('/messages', { method: 'POST', body: '{"id":' });
    expect(notJson.status).toBe(400);
    expect(count('messages')).toBe(0);
  });

  it('refuses a JSON body over the limit with 413, storing nothing', async () => {
    const small = await startTestGateway({ maxJsonBytes: 2048 });
    try {
      const response = await small.call('/messages', postJson(request({ payload: { note: 'x'.repeat(4096) } })));
      expect(response.status).toBe(413);
      expect((await refusal(response)).code).toBe('PAYLOAD_TOO_LARGE');
      expect(small.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
      expect((await small.call('/messages', postJson(request()))).status).toBe(201);
    } finally {
      await small.dispose();
    }
  });

  it('refuses unknown organisations and attachments that were not uploaded first', async () => {
    const unknownTo = await send(request({ to: 'edu-atlantis' }));
    expect(unknownTo.status).toBe(422);
    expect(await refusal(unknownTo)).toMatchObject({ code: 'ORGANISATION_NOT_FOUND', issues: [{ path: 'to' }] });

    const scan = Buffer.from('scan');
    const hash = createHash('sha256').update(scan).digest('hex');
    const early = await send(request({ attachments: [hash] }));
    expect(early.status).toBe(422);
    expect(await refusal(early)).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND', issues: [{ path: 'attachments', message: hash }] });
    expect(count('messages')).toBe(0);

    await gateway.call(`/attachments/${hash}`, { method: 'PUT', body: scan });
    expect((await send(request({ attachments: [hash] }))).status).toBe(201);
  });

  it('keeps accepted messages and their receipts across a restart on the same data folder', async () => {
    const message = request();
    const receipt = receiptSchema.parse(await (await send(message)).json());
    gateway = await gateway.restart();
    const resend = await send(message);
    expect(resend.status).toBe(200);
    expect(receiptSchema.parse(await resend.json())).toEqual(receipt);
    const inbox = leaseAnswerSchema.parse(await (await lease('edu-kokpekty')).json());
    expect(inbox.messages.map((entry) => entry.message)).toEqual([message]);
    expect(count('persons')).toBeGreaterThan(300);
  });
});

describe('gateway emulator: inboxes with leases', () => {
  it('leases the oldest messages, hides them during the lease, and forgets them once acknowledged', async () => {
    const messages = [request(), request(), request()];
    for (const message of messages) await send(message);

    const first = leaseAnswerSchema.parse(await (await lease('edu-kokpekty', '?limit=2&leaseSeconds=30')).json());
    expect(first.messages.map((entry) => entry.message.id)).toEqual([messages[0]!.id, messages[1]!.id]);
    expect(first.messages[0]).toMatchObject({ deliveryAttempt: 1, leaseUntil: '2026-03-02T09:00:30.000Z' });
    expect(first.messages[0]!.message).toEqual(messages[0]);

    const second = leaseAnswerSchema.parse(await (await lease('edu-kokpekty', '?limit=10')).json());
    expect(second.messages.map((entry) => entry.message.id)).toEqual([messages[2]!.id]);

    expect(ackAnswerSchema.parse(await (await ack('edu-kokpekty', [messages[0]!.id, messages[1]!.id])).json())).toEqual({ acknowledged: 2 });
    // Acknowledging twice is harmless (the client may crash between its commit and our answer).
    expect(ackAnswerSchema.parse(await (await ack('edu-kokpekty', [messages[0]!.id])).json())).toEqual({ acknowledged: 0 });

    gateway.clock.advance(3600);
    const later = leaseAnswerSchema.parse(await (await lease('edu-kokpekty')).json());
    expect(later.messages.map((entry) => entry.message.id)).toEqual([messages[2]!.id]);
  });

  it('redelivers a message whose lease ran out without an acknowledgement', async () => {
    const message = request();
    await send(message);
    const first = leaseAnswerSchema.parse(await (await lease('edu-kokpekty', '?leaseSeconds=60')).json());
    expect(first.messages).toHaveLength(1);

    gateway.clock.advance(59);
    expect(leaseAnswerSchema.parse(await (await lease('edu-kokpekty')).json()).messages).toEqual([]);
    gateway.clock.advance(1);
    const again = leaseAnswerSchema.parse(await (await lease('edu-kokpekty')).json());
    expect(again.messages).toHaveLength(1);
    expect(again.messages[0]).toMatchObject({ deliveryAttempt: 2, message, receipt: first.messages[0]!.receipt });
  });

  it('keeps inboxes apart: a centre does not see the provider messages, and the result goes back', async () => {
    const incoming = request();
    await send(incoming);
    expect(leaseAnswerSchema.parse(await (await lease('con-kokpekty')).json()).messages).toEqual([]);
    const wrongInbox = await ack('con-kokpekty', [incoming.id]);
    expect(wrongInbox.status).toBe(404);
    expect(await refusal(wrongInbox)).toMatchObject({ code: 'MESSAGE_NOT_FOUND', issues: [{ path: 'ids', message: incoming.id }] });

    const result = request({ kind: 'result', from: 'edu-kokpekty', to: 'con-kokpekty', payload: { inReplyTo: incoming.id, decision: 'queued' } });
    await send(result);
    const centre = leaseAnswerSchema.parse(await (await lease('con-kokpekty')).json());
    expect(centre.messages.map((entry) => entry.message)).toEqual([result]);
  });

  it('refuses a partly unknown acknowledgement as a whole', async () => {
    const message = request();
    await send(message);
    await lease('edu-kokpekty');
    const response = await ack('edu-kokpekty', [message.id, randomUUID()]);
    expect(response.status).toBe(404);
    expect(gateway.db.prepare('SELECT count(*) AS n FROM deliveries WHERE acked_at IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('refuses bad lease parameters, unknown inboxes and malformed acknowledgements', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=two', '?leaseSeconds=0', '?leaseSeconds=3601', '?leaseSeconds=1.5']) {
      const response = await lease('edu-kokpekty', query);
      expect(response.status, query).toBe(400);
      expect((await refusal(response)).code).toBe('VALIDATION_FAILED');
    }
    const nowhere = await lease('edu-atlantis');
    expect(nowhere.status).toBe(404);
    expect((await refusal(nowhere)).code).toBe('ORGANISATION_NOT_FOUND');
    for (const ids of [[], ['not-a-uuid'], 'all']) {
      expect((await ack('edu-kokpekty', ids)).status).toBe(400);
    }
  });
});

describe('gateway emulator: re-check of persons typed by hand offline («не проверено»)', () => {
  it('compares each unverified person with ГБД ФЛ on receipt and tells both sides', async () => {
    const message = request({
      unverifiedPersons: [
        // Kazakh spelling, other case and spacing: the same person.
        { iin: demoIins.mother, surname: ' сәрсенбаева', name: 'ӘЙГЕРІМ', patronymic: 'Ерланқызы', birthDate: '1990-04-12' },
        { iin: demoIins.preschoolChild, surname: 'Сарсенбаев', name: 'Али', patronymic: 'Нурланович', birthDate: '2019-06-21' },
        { iin: demoIins.unknown, surname: 'Петров', name: 'Пётр', patronymic: null, birthDate: '1985-05-05' },
      ],
    });
    const receipt = receiptSchema.parse(await (await send(message)).json());
    expect(receipt.recheck).toEqual([
      { iin: demoIins.mother, result: 'match', mismatches: [] },
      { iin: demoIins.preschoolChild, result: 'mismatch', mismatches: ['name', 'birthDate'] },
      { iin: demoIins.unknown, result: 'not-found', mismatches: [] },
    ]);
    const inbox = leaseAnswerSchema.parse(await (await lease('edu-kokpekty')).json());
    expect(inbox.messages[0]!.receipt.recheck).toEqual(receipt.recheck);
  });

  it('flags a missing patronymic as a mismatch and a message without unverified persons has none', async () => {
    const receipt = receiptSchema.parse(
      await (await send(request({ unverifiedPersons: [{ iin: demoIins.father, surname: 'Сарсенбаев', name: 'Нурлан', patronymic: null, birthDate: '1988-09-03' }] }))).json(),
    );
    expect(receipt.recheck).toEqual([{ iin: demoIins.father, result: 'mismatch', mismatches: ['patronymic'] }]);
    expect(receiptSchema.parse(await (await send(request())).json()).recheck).toEqual([]);
  });

  it('refuses an unverified person with an invalid IIN before storing anything', async () => {
    const response = await send(request({ unverifiedPersons: [{ iin: '900412400015', surname: 'А', name: 'Б', patronymic: null, birthDate: '1990-04-12' }] }));
    expect(response.status).toBe(400);
    expect((await refusal(response)).issues?.map((issue) => issue.path)).toEqual(['unverifiedPersons.0.iin']);
    expect(count('messages')).toBe(0);
  });
});

describe('gateway emulator: possible duplicates on receipt (issue 22)', () => {
  const about = (iin: string, service: string, number: string) => ({ number, serviceId: service, applicant: { iin } });

  it('names another open request of the same applicant and service from any centre; not another service, applicant, nor a closed one', async () => {
    const first = request({ from: 'con-kokpekty', to: 'edu-kokpekty', payload: about(demoIins.mother, 'guardianship-certificate', 'con-kokpekty-20260302-0001') });
    const firstReceipt = receiptSchema.parse(await (await send(first)).json());
    expect(firstReceipt.possibleDuplicates).toBeUndefined();
    // Another centre, the same applicant and service: named, with the first one's centre.
    const second = receiptSchema.parse(await (await send(request({ from: 'mobile-m-zhumabaev', to: 'edu-kokpekty', payload: about(demoIins.mother, 'guardianship-certificate', 'mobile-m-zhumabaev-20260302-0007') }))).json());
    expect(second.possibleDuplicates).toEqual([{ number: 'con-kokpekty-20260302-0001', centre: 'con-kokpekty', receivedAt: firstReceipt.receivedAt }]);
    // The same IIN with another service, another IIN with the same service: no flag.
    expect(receiptSchema.parse(await (await send(request({ payload: about(demoIins.mother, 'preschool-queue', 'con-kokpekty-20260302-0002') }))).json()).possibleDuplicates).toBeUndefined();
    expect(receiptSchema.parse(await (await send(request({ payload: about(demoIins.father, 'guardianship-certificate', 'con-kokpekty-20260302-0003') }))).json()).possibleDuplicates).toBeUndefined();
    // The provider returns the first one: it is closed, only the second is open now.
    await send(request({ kind: 'status', from: 'edu-kokpekty', to: 'con-kokpekty', payload: { messageId: first.id, requestNumber: 'con-kokpekty-20260302-0001', state: 'returned', at: '2026-03-02T10:00:00.000Z' } }));
    const third = receiptSchema.parse(await (await send(request({ payload: about(demoIins.mother, 'guardianship-certificate', 'con-kokpekty-20260302-0009') }))).json());
    expect(third.possibleDuplicates?.map((duplicate) => duplicate.number)).toEqual(['mobile-m-zhumabaev-20260302-0007']);
  });
});
