import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leaseAnswerSchema, type GatewayMessage } from '../shared/gateway/api';
import { picker } from './seed/random';
import { postJson, startTestGateway, type TestGateway } from './testing';

// The gateway's half of "never lost, never doubled": a sender that retries until it has a receipt
// and a receiver that leases, applies by id and acknowledges, through dropped connections, 500s
// and expired leases.

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startTestGateway();
});
afterEach(() => gateway.dispose());

const message = (index: number): GatewayMessage => ({
  id: randomUUID(),
  kind: 'request',
  from: 'mobile-m-zhumabaev',
  to: 'edu-kokpekty',
  service: 'preschool-queue',
  createdAt: '2026-03-02T08:00:00.000Z',
  attachments: [],
  payload: { index },
});

async function sendUntilReceipt(body: GatewayMessage): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await gateway.call('/messages', postJson(body));
      if (response.status === 200 || response.status === 201) return attempt;
      await response.arrayBuffer();
    } catch {
      // Connection dropped: the outcome is unknown, so send the same message again.
    }
  }
}

describe('gateway emulator: exactly-once delivery through faults', () => {
  it('stores 200 retried messages once each, and redelivers to a receiver that crashes before acknowledging until it does', async () => {
    const pick = picker(42);
    const messages = Array.from({ length: 200 }, (_, index) => message(index));
    let retried = 0;
    for (const body of messages) {
      if (pick.chance(0.2)) await gateway.call('/_control/faults', postJson({ mode: pick.chance(0.5) ? 'drop' : 'error500', count: pick.int(1, 2) }));
      // The fault heals itself after `count` requests, which the retries use up.
      if ((await sendUntilReceipt(body)) > 1) retried++;
    }
    expect(retried).toBeGreaterThan(10);
    expect(gateway.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 200 });

    const applied = new Map<string, number>();
    for (let round = 0; round < 100; round++) {
      const { messages: leased } = leaseAnswerSchema.parse(await (await gateway.call('/inboxes/edu-kokpekty/lease?limit=25&leaseSeconds=30', { method: 'POST' })).json());
      if (leased.length === 0) break;
      // The receiver applies by id (a redelivery is recognised), then acknowledges; sometimes it
      // "crashes" after applying and before acknowledging, and the lease runs out.
      for (const entry of leased) applied.set(entry.message.id, (applied.get(entry.message.id) ?? 0) + 1);
      const acked = leased.filter(() => !pick.chance(0.3)).map((entry) => entry.message.id);
      if (acked.length > 0) await gateway.call('/inboxes/edu-kokpekty/ack', postJson({ ids: acked }));
      gateway.clock.advance(31);
    }
    expect(new Set(applied.keys())).toEqual(new Set(messages.map((body) => body.id)));
    expect([...applied.values()].some((times) => times > 1)).toBe(true);
    expect(gateway.db.prepare('SELECT count(*) AS n FROM deliveries WHERE acked_at IS NULL').get()).toEqual({ n: 0 });
  });

  it('never hands the same message to two concurrent leases', async () => {
    for (let index = 0; index < 20; index++) await gateway.call('/messages', postJson(message(index)));
    const lease = async () =>
      leaseAnswerSchema.parse(await (await gateway.call('/inboxes/edu-kokpekty/lease?limit=15', { method: 'POST' })).json()).messages.map((entry) => entry.message.id);
    const [first, second] = await Promise.all([lease(), lease()]);
    expect(first!.length + second!.length).toBe(20);
    expect(new Set([...first!, ...second!]).size).toBe(20);
  });
});
