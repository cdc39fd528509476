import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEndpoints } from '../../../shared/gateway/endpoints';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { demoIins } from '../../../gateway/seed/demo';
import { createGatewayClient, type GatewayClient } from './client';

// The client made from the table (shared/gateway/endpoints.ts) against the emulator made from the
// same table: every row the АРМ calls answers through it, with its schema and its refusal codes.

let gateway: TestGateway;
let client: GatewayClient;
beforeAll(async () => {
  gateway = await startTestGateway();
  client = createGatewayClient({ url: gateway.url, clientVersion: '0.0.0-test', timeoutMs: 2000 });
});
afterAll(() => gateway.dispose());

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code);

describe('gateway client', () => {
  it('has one method per row an АРМ calls, and none for the harness controls', () => {
    const rows = Object.entries(gatewayEndpoints)
      .filter(([, endpoint]) => endpoint.callers.some((caller) => caller === 'centre' || caller === 'provider'))
      .map(([name]) => name);
    expect(Object.keys(client).sort()).toEqual(rows.sort());
    expect(client).not.toHaveProperty('faults');
  });

  it('fills path and query, checks the answer, and keeps the refusal codes', async () => {
    await expect(client.health()).resolves.toEqual({ status: 'ok' });
    await expect(client.person({ iin: demoIins.mother })).resolves.toMatchObject({ iin: demoIins.mother, birthDate: '1990-04-12' });
    expect(await code(client.person({ iin: '850505300011' }))).toBe('PERSON_NOT_FOUND');
    expect(await code(client.person({ iin: '123' }))).toBe('IIN_INVALID');
    await expect(client.powerOfAttorney({ number: '2025-000101', date: '2025-03-10' })).resolves.toMatchObject({ status: 'valid' });
    expect(await code(client.powerOfAttorney({ number: '2025-000101', date: '10.03.2025' }))).toBe('VALIDATION_FAILED');
    await expect(client.route({ service: 'preschool-queue', district: 'kokpekty' })).resolves.toMatchObject({ provider: { code: 'edu-kokpekty' } });
    await expect(client.organisation({ code: 'con-kokpekty' })).resolves.toMatchObject({ kind: 'centre' });
  });

  it('answers reference data with its ETag, and null while it is unchanged', async () => {
    for (const name of ['holidays', 'organisationsReference', 'catalog', 'trust', 'crl'] as const) {
      const first = await client[name]();
      expect(first?.etag, name).toMatch(/^"\w+-v1-[0-9a-f]{16}"$/);
      await expect(client[name]({ etag: first!.etag }), name).resolves.toBeNull();
    }
  });

  it('uploads and downloads a scan by its hash, sends, leases and acknowledges a message', async () => {
    const scan = new TextEncoder().encode('scan bytes');
    const sha256 = createHash('sha256').update(scan).digest('hex');
    await expect(client.putAttachment({ sha256, body: scan })).resolves.toEqual({ sha256, size: scan.length });
    expect(await code(client.putAttachment({ sha256: '0'.repeat(64), body: scan }))).toBe('HASH_MISMATCH');
    expect(Buffer.from(await client.getAttachment({ sha256 })).toString()).toBe('scan bytes');

    const message = {
      id: randomUUID(),
      kind: 'request' as const,
      from: 'con-kokpekty',
      to: 'edu-kokpekty',
      service: 'preschool-queue',
      createdAt: '2026-03-02T08:59:00.000Z',
      attachments: [sha256],
      payload: { n: 1 },
    };
    const receipt = await client.send({ body: message });
    await expect(client.send({ body: message })).resolves.toEqual(receipt);
    expect(await code(client.send({ body: { ...message, payload: { n: 2 } } }))).toBe('MESSAGE_ID_CONFLICT');
    const { messages } = await client.lease({ org: 'edu-kokpekty', limit: 5, leaseSeconds: 30 });
    expect(messages.map((entry) => entry.message.id)).toEqual([message.id]);
    expect(messages[0]!.leaseUntil).toBe('2026-03-02T09:00:30.000Z');
    expect(await code(client.lease({ org: 'edu-kokpekty', limit: 500 }))).toBe('VALIDATION_FAILED');
    await expect(client.ack({ org: 'edu-kokpekty', body: { ids: [message.id] } })).resolves.toEqual({ acknowledged: 1 });
  });
});
