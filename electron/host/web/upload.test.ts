import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BINARY_INPUT_HEADER } from '../../../shared/api/upload';
import { MAX_UPLOAD_BYTES } from '../../../shared/limits';
import { signedIn, testCore } from '../../core/testing';
import { startWebHost, type WebHost } from './server';

// Streamed binary uploads (issue 16, the probe's bad uploads): a file is the body of a binary
// channel's call, counted while it streams against the one 20 MiB limit.

const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function setup(role: 'operator' | null) {
  const t = testCore();
  const window = role ? signedIn(t.core, role) : 'nobody';
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'arm-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const host = await startWebHost({ rendererDir, port: 0, dispatch: (channel, input) => t.core.dispatch(channel, input, window) });
  hosts.push(host);
  const upload = (body: Uint8Array | ReadableStream<Uint8Array>, fields: unknown = { requestId: randomUUID(), document: 0, fileName: 'скан.png' }, channel = 'documents.upload') =>
    fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream', [BINARY_INPUT_HEADER]: encodeURIComponent(JSON.stringify(fields)) },
      body: body as RequestInit['body'],
      duplex: 'half',
    } as RequestInit);
  const json = (channel: string, input: unknown) =>
    fetch(`http://127.0.0.1:${host.port}/api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ input }) });
  return { ...t, upload, json };
}

/** A body that arrives in 1 MiB chunks, as a browser streams a File. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      const size = Math.min(1024 * 1024, bytes - sent);
      if (size <= 0) return controller.close();
      controller.enqueue(new Uint8Array(size));
      sent += size;
    },
  });
}

describe('binary uploads through the web host', () => {
  it('answers a 21 MiB streamed scan with 413 FILE_TOO_LARGE and its limit, never a reset, and stores nothing', async () => {
    const t = await setup('operator');
    for (let round = 0; round < 3; round++) {
      const response = await t.upload(streamed(21 * 1024 * 1024));
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { limit: 20 } } });
    }
    expect(existsSync(path.join(t.dataDir, 'attachments'))).toBe(false);
    expect(readdirSync(t.dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('takes a file at the limit as bytes to the contract: the channel, the caller and the draft are checked as for any call', async () => {
    const t = await setup('operator');
    const atLimit = await t.upload(new Uint8Array(MAX_UPLOAD_BYTES));
    // No such draft: the contract's own answer, so the 20 MiB went through the door, not past the limit.
    expect(await atLimit.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The other fields still pass the schema.
    expect(await (await t.upload(new Uint8Array(10), { requestId: 'not-a-uuid', document: 0, fileName: 'x' })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await t.upload(new Uint8Array(10), 'not json', 'documents.upload')).status).toBe(400);
    // A file to a channel that takes JSON is refused; so is JSON without the bytes on a binary channel.
    expect(await (await t.upload(new Uint8Array(10), {}, 'system.health')).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await (await t.json('documents.upload', { requestId: randomUUID(), document: 0, fileName: 'x.png', bytes: 'iVBORw0KGgo=' })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses a binary call before login like any other call (no side door)', async () => {
    const t = await setup(null);
    const response = await t.upload(new Uint8Array(10));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });
});
