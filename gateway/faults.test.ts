import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatewayErrorSchema, receiptSchema, type GatewayMessage } from '../shared/gateway/api';
import { postJson, startTestGateway, type TestGateway } from './testing';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startTestGateway();
});
afterEach(() => gateway.dispose());

const fault = (body: unknown) => gateway.call('/_control/faults', postJson(body));
const count = () => gateway.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()!.n;
const message = (): GatewayMessage => ({
  id: randomUUID(),
  kind: 'request',
  from: 'con-uralsk',
  to: 'edu-uralsk',
  service: 'guardianship-certificate',
  createdAt: '2026-03-02T08:00:00.000Z',
  attachments: [],
  payload: {},
});

describe('gateway emulator: fault injection', () => {
  it('error500: answers 500 without processing, until set back to none', async () => {
    expect(await (await fault({ mode: 'error500' })).json()).toEqual({ mode: 'error500', remaining: null });
    const health = await gateway.call('/health');
    expect(health.status).toBe(500);
    expect(gatewayErrorSchema.parse(await health.json()).error.code).toBe('INTERNAL');
    expect((await gateway.call('/messages', postJson(message()))).status).toBe(500);
    expect(count()).toBe(0);

    await fault({ mode: 'none' });
    expect((await gateway.call('/health')).status).toBe(200);
  });

  it('heals itself after count requests', async () => {
    await fault({ mode: 'error500', count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await gateway.call('/health')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('timeout: holds the request open until the client gives up', async () => {
    await fault({ mode: 'timeout', count: 1 });
    await expect(gateway.call('/health', { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await gateway.call('/health')).status).toBe(200);
  });

  it('slow: answers after the delay; an impatient client times out while its message is still taken in', async () => {
    await fault({ mode: 'slow', delayMs: 400, count: 2 });
    await expect(gateway.call('/messages', { ...postJson(message()), signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: 'TimeoutError' });
    // The gateway still takes the message in: the client's resend must get the receipt, not a copy.
    await vi.waitFor(() => expect(count()).toBe(1), { timeout: 2000 });
    const patient = await gateway.call('/persons/900412400014');
    expect(patient.status).toBe(200);
    expect(await patient.json()).toMatchObject({ iin: '900412400014' });
  });

  it('drop: processes the message, then cuts the connection; the resend gets the receipt', async () => {
    await fault({ mode: 'drop', count: 1 });
    const sent = message();
    await expect(gateway.call('/messages', postJson(sent))).rejects.toThrow();
    expect(count()).toBe(1);
    const resend = await gateway.call('/messages', postJson(sent));
    expect(resend.status).toBe(200);
    expect(receiptSchema.parse(await resend.json()).messageId).toBe(sent.id);
    expect(count()).toBe(1);
  });

  it('refuses unknown modes and keeps the current one', async () => {
    await fault({ mode: 'error500' });
    for (const body of [{ mode: 'explode' }, { mode: 'drop', count: 0 }, { mode: 'slow', delayMs: 0 }, { mode: 'drop', extra: 1 }, 'drop']) {
      const response = await fault(body);
      expect(response.status).toBe(400);
      expect(gatewayErrorSchema.parse(await response.json()).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await gateway.call('/health')).status).toBe(500);
    expect((await gateway.call('/_control/faults', { method: 'GET' })).status).toBe(405);
    expect((await gateway.call('/_control/explode', { method: 'POST' })).status).toBe(404);
  });

  it('reset: clears faults and the traffic (messages, inboxes, attachments), keeps the registries', async () => {
    await gateway.call('/messages', postJson(message()));
    await gateway.call(`/attachments/${'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'}`, { method: 'PUT', body: 'hello' });
    await fault({ mode: 'error500' });
    const reset = await gateway.call('/_control/reset', { method: 'POST' });
    expect(await reset.json()).toEqual({ status: 'reset' });
    expect((await gateway.call('/health')).status).toBe(200);
    expect(count()).toBe(0);
    expect(gateway.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    expect((await gateway.call('/persons/900412400014')).status).toBe(200);
    const receipt = receiptSchema.parse(await (await gateway.call('/messages', postJson(message()))).json());
    expect(receipt.receiptNumber).toBe('2026-00000001');
  });
});
