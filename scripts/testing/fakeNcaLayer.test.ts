import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { parseCrl, verifyDetached } from '../../shared/signing';
import { buildGostCrl, createGostRoot, issueGostCertificate, type GostIssued } from '../../shared/signing/gost/issue';
import type { Signer } from '../../renderer/features/signing/ncalayer';
import { startFakeNcaLayer, type FakeNcaLayer } from './fakeNcaLayer';

// The page's NCALayer signer (renderer/features/signing/ncalayer.ts) with the real
// ncalayer-js-client, against the fake NCALayer over TLS (its certificate trusted by the client,
// not verification switched off). The core's re-verification is verifyDetached, as in intake.submit.

const NOW = new Date();
const DAY = 86_400_000;
const operator = { surname: 'СӘРСЕНОВА', firstName: 'АЙГҮЛ', patronymic: 'МАРАТҚЫЗЫ', iin: '920314410210', organisation: { name: 'ЦОН (TEST)', bin: '160340012015' } };
const data = new TextEncoder().encode('{"number":"con-kokpekty-20260302-0001"}');

let root: GostIssued;
let key: GostIssued;
let crl: Uint8Array;
let fake: FakeNcaLayer;
let module: typeof import('../../renderer/features/signing/ncalayer');

beforeAll(async () => {
  root = createGostRoot({ now: new Date(NOW.getTime() - 10 * DAY), commonName: 'ARM GOST TEST Root' });
  key = issueGostCertificate({ issuer: root, person: operator, kind: 'sign', organisationRole: 'employee', notBefore: new Date(NOW.getTime() - DAY), notAfter: new Date(NOW.getTime() + 365 * DAY) });
  crl = buildGostCrl({ issuer: root, revoked: [], thisUpdate: new Date(NOW.getTime() - DAY), nextUpdate: new Date(NOW.getTime() + 7 * DAY), crlNumber: 1 });
  fake = await startFakeNcaLayer({ key: key.key, port: 0 });
  const ca = fake.certificatePem;
  // ncalayer-js-client takes the global WebSocket when it loads: the browser's in the page, here ws trusting the fake's certificate.
  (globalThis as { WebSocket?: unknown }).WebSocket = class extends NodeWebSocket {
    constructor(url: string) {
      super(url, { ca });
    }
  };
  module = await import('../../renderer/features/signing/ncalayer');
}, 60_000);
afterAll(() => fake.close());

const signer = (timeoutMs = 10_000): Signer => module.createNcaLayerSigner({ url: fake.url, timeoutMs });
const verify = (cms: string) =>
  verifyDetached({ cms: Uint8Array.from(Buffer.from(cms, 'base64')), content: data, trustedRoots: [root.certificate.der], crls: [parseCrl(crl)], expectedIin: operator.iin, now: new Date(Date.now() + 1000) });

describe('NCALayer signer against the fake NCALayer', () => {
  it('asks for a CMS over the decoded bytes, without TSA, from file/KAZTOKEN/ID card, for the account’s IIN; the core verifies what comes back', async () => {
    fake.mode = 'sign';
    const outcome = await signer().sign({ data, iin: operator.iin, purpose: 'sign', locale: 'kk' });
    expect(outcome.kind).toBe('signed');
    const request = fake.requests.at(-1)!;
    expect(request).toMatchObject({
      format: 'cms',
      data: Buffer.from(data).toString('base64'),
      signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: null },
      signerParams: { iin: operator.iin, extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'] },
      allowedStorages: ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore'],
    });
    expect(verify((outcome as { cms: string }).cms).signer.subject.iin).toBe(operator.iin);
  });

  it('a cancel in NCALayer is "cancelled", not an error', async () => {
    fake.mode = 'cancel';
    await expect(signer().sign({ data, iin: operator.iin, purpose: 'sign', locale: 'ru' })).resolves.toEqual({ kind: 'cancelled' });
  });

  it('garbage, a closed socket, an error answer and a hang are NCALAYER_FAILED', async () => {
    for (const mode of ['garbage', 'close', 'error'] as const) {
      fake.mode = mode;
      await expect(signer().sign({ data, iin: operator.iin, purpose: 'sign', locale: 'ru' })).rejects.toMatchObject({ code: 'NCALAYER_FAILED' });
    }
    fake.mode = 'hang';
    await expect(signer(300).sign({ data, iin: operator.iin, purpose: 'sign', locale: 'ru' })).rejects.toMatchObject({ code: 'NCALAYER_FAILED' });
  });

  it('a signature over other data comes back, and the core refuses it', async () => {
    fake.mode = 'otherData';
    const outcome = await signer().sign({ data, iin: operator.iin, purpose: 'sign', locale: 'ru' });
    expect(() => verify((outcome as { cms: string }).cms)).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
  });

  it('NCALayer not running is NCALAYER_UNAVAILABLE; after it restarts (on update) the next signature connects anew', async () => {
    const port = Number(new URL(fake.url).port);
    await fake.close();
    await expect(signer().sign({ data, iin: operator.iin, purpose: 'sign', locale: 'ru' })).rejects.toMatchObject({ code: 'NCALAYER_UNAVAILABLE' });
    const restarted = await startFakeNcaLayer({ key: key.key, port, tls: fake.tls });
    fake = restarted;
    const outcome = await signer().sign({ data, iin: operator.iin, purpose: 'sign', locale: 'ru' });
    expect(verify((outcome as { cms: string }).cms).signer.subject.iin).toBe(operator.iin);
  });
});
