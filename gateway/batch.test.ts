import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { batchAnswerSchema, gatewayErrorSchema, leaseAnswerSchema, type BatchHead, type GatewayMessage } from '../shared/gateway/api';
import { encodeFrames } from '../shared/gateway/framed';
import { countersign, type MachineSigner } from '../shared/gateway/machine';
import { postJson, startTestGateway, type TestGateway } from './testing';

// POST /messages/batch: each message checked and refused on its own, all stored in one commit,
// answered after it; a batch resent after a lost answer gets the same receipts.

const gateways: TestGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.dispose()));
});

async function setup(options: Parameters<typeof startTestGateway>[0] = {}) {
  const gateway = await startTestGateway(options);
  gateways.push(gateway);
  return { gateway, now: gateway.clock.now };
}

/** A centre's request to the department, unsigned (the test gateway checks no ЭЦП). */
const requestMessageTo = (now: Date, attachments: string[] = []): GatewayMessage => ({
  id: randomUUID(),
  kind: 'request',
  from: 'con-kokpekty',
  to: 'edu-kokpekty',
  service: 'preschool-queue',
  createdAt: now.toISOString(),
  attachments,
  payload: { applicantIin: '900412400014', childIin: '190620500010' },
});

const framedBody = (head: BatchHead, parts: Uint8Array[]) => encodeFrames([new TextEncoder().encode(JSON.stringify(head)), ...parts]);

/** POST /messages/batch as the АРМ sends it; `call` signs it when given a machine's. */
async function sendBatch(gateway: TestGateway, head: BatchHead, parts: Uint8Array[], call: (path: string, init: RequestInit) => Promise<Response> = gateway.call) {
  const response = await call('/messages/batch', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: framedBody(head, parts) });
  const body: unknown = await response.json();
  return response.ok ? { status: response.status, answer: batchAnswerSchema.parse(body) } : { status: response.status, error: gatewayErrorSchema.parse(body).error };
}

const scan = () => {
  const bytes = new Uint8Array(randomBytes(2048));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
};

const inbox = async (gateway: TestGateway) =>
  leaseAnswerSchema.parse(await (await gateway.call('/inboxes/edu-kokpekty/lease?limit=100', { method: 'POST' })).json()).messages.map((entry) => entry.message.id);

describe('POST /messages/batch', () => {
  it('refuses a bad message alone with its reason and stores the rest, with their scans, in order', async () => {
    const { gateway, now } = await setup();
    const good = scan();
    const bent = scan();
    const first = requestMessageTo(now(), [good.sha256]);
    // Accepted earlier with other content: this id is taken.
    const taken = requestMessageTo(now());
    expect((await gateway.call('/messages', postJson({ ...taken, payload: { other: true } }))).status).toBe(201);
    const broken = { ...requestMessageTo(now()), kind: 'gossip' };
    const badScan = requestMessageTo(now(), [bent.sha256]);
    const unknownScan = requestMessageTo(now(), ['a'.repeat(64)]);
    const last = requestMessageTo(now(), [good.sha256]);
    const { answer } = await sendBatch(
      gateway,
      { messages: [first, taken, broken, badScan, unknownScan, last], attachments: [{ sha256: good.sha256 }, { sha256: bent.sha256 }] },
      // The second part does not hash to its name.
      [good.bytes, new Uint8Array(randomBytes(2048))],
    );
    if (!answer) throw new Error('the batch was refused as a whole');
    const outcome = answer.results.map((result) => ('error' in result ? result.error.code : result.created ? 'created' : 'again'));
    expect(outcome).toEqual(['created', 'MESSAGE_ID_CONFLICT', 'VALIDATION_FAILED', 'HASH_MISMATCH', 'ATTACHMENT_NOT_FOUND', 'created']);
    expect(answer.results.map((result) => result.messageId)).toEqual([first.id, taken.id, broken.id, badScan.id, unknownScan.id, last.id]);
    // Stored in the order sent: the receipts' running numbers grow.
    const numbers = answer.results.flatMap((result) => ('receipt' in result ? [result.receipt.receiptNumber] : []));
    expect([...numbers].sort()).toEqual(numbers);
    expect(await inbox(gateway)).toEqual([taken.id, first.id, last.id]);
    // The good scan is stored; the bent one is not.
    expect(Buffer.from(await (await gateway.call(`/attachments/${good.sha256}`)).arrayBuffer())).toEqual(Buffer.from(good.bytes));
    expect((await gateway.call(`/attachments/${bent.sha256}`)).status).toBe(404);
  });

  it('answers a batch resent after its answer was lost with the same receipts, storing nothing twice', async () => {
    const { gateway, now } = await setup();
    const page = scan();
    const messages = [requestMessageTo(now(), [page.sha256]), requestMessageTo(now())];
    const head = { messages, attachments: [{ sha256: page.sha256 }] };
    // Committed, then the connection dies before the answer: the sender cannot know it arrived.
    expect((await gateway.call('/_control/faults', postJson({ mode: 'drop', count: 1 }))).ok).toBe(true);
    await expect(sendBatch(gateway, head, [page.bytes])).rejects.toThrow();
    expect(await inbox(gateway)).toEqual(messages.map((message) => message.id));
    const { answer: again } = await sendBatch(gateway, head, [page.bytes]);
    if (!again) throw new Error('the resend was refused as a whole');
    expect(again.results.map((result) => ('created' in result ? result.created : result.error.code))).toEqual([false, false]);
    const stored = gateway.db.prepare('SELECT id, receipt FROM messages ORDER BY seq').all() as Array<{ id: string; receipt: string }>;
    expect(stored.map((row) => row.id)).toEqual(messages.map((message) => message.id));
    expect(again.results.map((result) => ('receipt' in result ? result.receipt : null))).toEqual(stored.map((row) => JSON.parse(row.receipt)));
  });

  it('refuses the call as a whole only for what is not a batch: framing, head, too many messages', async () => {
    const { gateway, now } = await setup();
    const post = (body: Uint8Array) => gateway.call('/messages/batch', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });
    const head = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const refusal = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code });
    expect(await refusal(await post(new Uint8Array([0, 0, 0, 9, 1, 2])))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await refusal(await post(encodeFrames([head({ messages: [], attachments: [] })])))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const many = Array.from({ length: 101 }, () => requestMessageTo(now()));
    expect(await refusal(await post(encodeFrames([head({ messages: many, attachments: [] })])))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    // Two scans named, one sent.
    const page = scan();
    expect(await refusal(await post(encodeFrames([head({ messages: [requestMessageTo(now())], attachments: [{ sha256: page.sha256 }, { sha256: page.sha256 }] }), page.bytes])))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await inbox(gateway)).toEqual([]);
  });

  it('checks each envelope against the machine that signed the call', async () => {
    const { gateway, now } = await setup({ machineAuth: 'required' });
    const machine = await gateway.machine(['con-kokpekty']);
    const other = await gateway.machine(['con-kokpekty']);
    const signed = (signer: MachineSigner, message: GatewayMessage) => countersign(signer, message);
    const ours = signed(machine.signer, requestMessageTo(now()));
    // Countersigned by another workstation than the one that signs the call.
    const theirs = signed(other.signer, requestMessageTo(now()));
    // Another organisation's message: this machine may not send as it.
    const foreign = signed(machine.signer, { ...requestMessageTo(now()), from: 'con-uralsk' });
    const { answer } = await sendBatch(gateway, { messages: [ours, theirs, foreign], attachments: [] }, [], (path, init) => machine.call(path, init));
    expect(answer?.results.map((result) => ('error' in result ? result.error.code : 'receipt'))).toEqual(['receipt', 'ENVELOPE_INVALID', 'MACHINE_REMAPPED']);
    // An unsigned call is refused as a whole.
    expect(await sendBatch(gateway, { messages: [signed(machine.signer, requestMessageTo(now()))], attachments: [] }, [], (path, init) => fetch(`${gateway.url}${path}`, init))).toMatchObject({
      status: 401,
      error: { code: 'MACHINE_NOT_ENROLLED' },
    });
    // The harness's own lease would be refused here too: the store is read directly.
    expect(gateway.db.prepare('SELECT id FROM messages').all()).toEqual([{ id: ours.id }]);
  });
});
