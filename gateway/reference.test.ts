import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayErrorSchema } from '../shared/gateway/api';
import { REFERENCE_SIGNER_BIN, referenceSignedBytes, signedReferenceSchema } from '../shared/gateway/reference';
import { certificatePem, fromBase64, parseCrl, verifyDetached } from '../shared/signing';
import { createDemoPki, issueReferenceDataKey, type DemoPki, type Issued } from '../shared/signing/testPki';
import { postJson, startTestGateway, type TestGateway } from './testing';

// The gateway publishes reference data signed by its reference-data key (issue 14 item 4): each
// dataset with a version and an ETag, 304 while unchanged, a new version after the admin publishes.

let pki: DemoPki;
let referenceKey: Issued;
let gateway: TestGateway;
beforeAll(async () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  pki = await createDemoPki({ now, only: ['head'] });
  referenceKey = await issueReferenceDataKey(pki.root, now);
  gateway = await startTestGateway({
    trust: { roots: [pki.root.certificate], crls: [pki.crl] },
    reference: { signer: referenceKey, heads: [pki.keys.head.certificate] },
  });
});
afterAll(() => gateway.dispose());

async function dataset(name: string, etag?: string) {
  const response = await gateway.call(`/reference/datasets/${name}`, etag ? { headers: { 'If-None-Match': etag } } : {});
  return response;
}

describe('gateway: signed reference data', () => {
  it('signs each dataset with the reference-data key, under the trusted root', async () => {
    for (const name of ['catalog', 'calendar', 'organisations', 'signers', 'limits']) {
      const response = await dataset(name);
      expect(response.status, name).toBe(200);
      const envelope = signedReferenceSchema.parse(await response.json());
      expect(envelope).toMatchObject({ dataset: name, schema: 1, version: 1 });
      const verified = verifyDetached({ cms: fromBase64(envelope.signature)!, content: referenceSignedBytes(envelope), trustedRoots: [pki.root.certificate], crls: [parseCrl(pki.crl)], expectedIin: null, now: gateway.clock.now() });
      expect(verified.signer.subject.bin).toBe(REFERENCE_SIGNER_BIN);
    }
    const signers = signedReferenceSchema.parse(await (await dataset('signers')).json());
    expect(signers.data).toEqual({ certificates: [certificatePem(pki.keys.head.certificate)] });
  });

  it('answers 304 for the ETag it gave, and a new version after the admin publishes one', async () => {
    const first = await dataset('calendar');
    const etag = first.headers.get('etag')!;
    const body = signedReferenceSchema.parse(await first.json());
    expect((await dataset('calendar', etag)).status).toBe(304);
    const published = await gateway.call('/_control/reference/calendar', postJson({ data: { years: (body.data as { years: unknown[] }).years.slice(-1) } }));
    expect(await published.json()).toEqual({ dataset: 'calendar', version: 2 });
    const second = await dataset('calendar', etag);
    expect(second.status).toBe(200);
    expect(signedReferenceSchema.parse(await second.json()).version).toBe(2);
    // The published version outlives a restart.
    gateway = await gateway.restart();
    expect(signedReferenceSchema.parse(await (await dataset('calendar')).json()).version).toBe(2);
  });

  it('refuses to publish data its own АРМs would refuse, and knows no other dataset', async () => {
    const malformed = await gateway.call('/_control/reference/calendar', postJson({ data: { years: [{ year: 2028, basis: { ru: 'x', kk: 'x' }, provisional: true, note: '', holidays: [{ date: '2028-02-30', key: 'x', name: { ru: 'x', kk: 'x' }, religious: false }], transfers: [] }] } }));
    expect(malformed.status).toBe(400);
    expect(gatewayErrorSchema.parse(await malformed.json()).error.code).toBe('VALIDATION_FAILED');
    const unknown = await dataset('weather');
    expect(unknown.status).toBe(404);
    expect(gatewayErrorSchema.parse(await unknown.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('gateway without a reference-data key', () => {
  it('publishes nothing unsigned', async () => {
    const bare = await startTestGateway();
    try {
      const response = await bare.call('/reference/datasets/catalog');
      expect(response.status).toBe(404);
      expect(gatewayErrorSchema.parse(await response.json()).error.code).toBe('REFERENCE_UNAVAILABLE');
    } finally {
      await bare.dispose();
    }
  });
});
