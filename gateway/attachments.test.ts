import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayErrorSchema } from '../shared/gateway/api';
import { startTestGateway, type TestGateway } from './testing';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startTestGateway({ maxAttachmentBytes: 64 * 1024 });
});
afterEach(() => gateway.dispose());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const put = (hash: string, body: Buffer) => gateway.call(`/attachments/${hash}`, { method: 'PUT', body });
const stored = () => gateway.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM attachments').get()!.n;

describe('gateway emulator: attachments by SHA-256', () => {
  const scan = Buffer.from('%PDF-1.7 скан свидетельства о рождении');

  it('stores by the hash it computes, gives the bytes back, and a second PUT is a no-op', async () => {
    const first = await put(sha256(scan), scan);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: sha256(scan), size: scan.length });
    const again = await put(sha256(scan), scan);
    expect(again.status).toBe(200);
    expect(stored()).toBe(1);

    const back = await gateway.call(`/attachments/${sha256(scan)}`);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(scan)).toBe(true);
  });

  it('refuses bytes that do not hash to the name with 422 HASH_MISMATCH and stores nothing', async () => {
    const damaged = Buffer.from(scan);
    damaged[0] = 0x25 ^ 0xff;
    const response = await put(sha256(scan), damaged);
    expect(response.status).toBe(422);
    const { error } = gatewayErrorSchema.parse(await response.json());
    expect(error).toMatchObject({ code: 'HASH_MISMATCH', issues: [{ path: 'sha256', message: sha256(damaged) }] });
    expect(stored()).toBe(0);
    expect((await gateway.call(`/attachments/${sha256(scan)}`)).status).toBe(404);
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 7);
    const response = await put(sha256(big), big);
    expect(response.status).toBe(413);
    expect(gatewayErrorSchema.parse(await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const huge = Buffer.alloc(4 * 1024 * 1024, 9);
    expect((await put(sha256(huge), huge)).status).toBe(413);
    const limit = Buffer.alloc(64 * 1024, 7);
    expect((await put(sha256(limit), limit)).status).toBe(201);
    expect(stored()).toBe(1);
  });

  it('refuses a name that is not a SHA-256, and says ATTACHMENT_NOT_FOUND for an unknown one', async () => {
    const badName = await put('ABC', scan);
    expect(badName.status).toBe(400);
    expect(gatewayErrorSchema.parse(await badName.json()).error.code).toBe('VALIDATION_FAILED');
    const unknown = await gateway.call(`/attachments/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(gatewayErrorSchema.parse(await unknown.json()).error.code).toBe('ATTACHMENT_NOT_FOUND');
    expect(stored()).toBe(0);
  });
});
