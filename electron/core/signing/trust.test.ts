import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustStatus } from '../../../shared/api';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { Core } from '../app';
import { testCore, type TestCore } from '../testing';

const START = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;
let pki: DemoPki;
let gateway: TestGateway;
let t: TestCore;
let core: Core;
let window: string;
const clock = { now: START };
const seen: Array<string | null> = [];

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(START), only: ['operator'] });
  gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
  // Records the If-None-Match of every reference fetch, to see the ETag round trip.
  const recordingFetch: typeof fetch = (input, init) => {
    if (String(input).includes('/reference/crl')) seen.push(new Headers(init?.headers).get('if-none-match'));
    return fetch(input, init);
  };
  t = testCore({ gateway, clock, fetch: recordingFetch });
  core = t.core;
  window = t.signIn('operator', pki.keys.operator.person.iin);
}, 60_000);

afterAll(async () => {
  t.close();
  await gateway.dispose();
});

async function status(): Promise<TrustStatus> {
  // The clock jumps hours ahead; the idle lock is not what this file tests.
  core.sessions.get(window).lastActivity = clock.now;
  const envelope = await core.dispatch('signing.trustStatus', undefined, window);
  if (!envelope.ok) throw new Error(envelope.error.code);
  return envelope.value as TrustStatus;
}

const cached = () => core.context.db!.prepare('SELECT name, etag, fetched_at FROM trust_cache ORDER BY name').all() as Array<{ name: string; etag: string; fetched_at: string }>;

describe('signing.trustStatus and the trust cache', () => {
  it('fetches roots and CRL, caches them with the fetch time, and asks again by ETag', async () => {
    clock.now = START + 90 * MINUTE;
    expect(await status()).toEqual({
      refreshed: true,
      roots: 1,
      crl: { issuedAt: '2026-03-02T09:00:00.000Z', nextUpdate: '2026-03-09T09:00:00.000Z', fetchedAt: '2026-03-02T10:30:00.000Z', ageMinutes: 90, stale: false },
    });
    const first = cached();
    expect(first.map((row) => row.name)).toEqual(['crl', 'trust']);
    expect(first[0]!.etag).toMatch(/^"crl-v1-/);

    clock.now = START + 120 * MINUTE;
    expect((await status()).crl?.fetchedAt).toBe('2026-03-02T11:00:00.000Z');
    // The second fetch presented the first ETag, got 304, and only the fetch time moved.
    expect(seen).toEqual([null, first[0]!.etag]);
    expect(cached().map((row) => row.etag)).toEqual(first.map((row) => row.etag));
  });

  it('answers from the cache when the gateway is gone, and flags a CRL past its nextUpdate', async () => {
    await gateway.close();
    clock.now = START + 8 * 24 * 60 * MINUTE;
    const offline = await status();
    expect(offline).toMatchObject({ refreshed: false, roots: 1, crl: { fetchedAt: '2026-03-02T11:00:00.000Z', ageMinutes: 8 * 24 * 60, stale: true } });
  });
});
