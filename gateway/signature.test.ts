import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crlReferenceSchema, gatewayErrorSchema, receiptSchema, trustReferenceSchema, type GatewayMessage } from '../shared/gateway/api';
import { canonicalBytes, certificatePem, parseCertificate, parseCrl, signDetached, toBase64, verifyDetached } from '../shared/signing';
import { createDemoPki, createTestRoot, issueCertificate, type DemoKeyId, type DemoPki, type Issued } from '../shared/signing/testPki';
import { verifyTimeStamp } from '../shared/gateway/timestamp';
import { ArmError } from '../shared/api/errors';
import { gatewayCrypto } from './signature';
import { postJson, startTestGateway, type TestGateway } from './testing';

// The gateway's own clock in tests (testing.ts manualClock): the PKI is made at the same instant.
const NOW = new Date('2026-03-02T09:00:00.000Z');
const PKI_TIMEOUT_MS = 60_000;

let pki: DemoPki;
let stranger: Issued;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: NOW, only: ['operator', 'head', 'revoked', 'expired', 'foreignIin', 'operatorAuth'] });
  // A CA the gateway does not trust issues a certificate with the operator's own subject.
  const otherRoot = createTestRoot({ now: NOW, commonName: 'Somebody else CA' });
  stranger = issueCertificate({ issuer: otherRoot, person: pki.keys.operator.person, kind: 'sign', notBefore: NOW, notAfter: new Date(NOW.getTime() + 86_400_000) });
  gateway = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
}, PKI_TIMEOUT_MS);
afterAll(() => gateway.dispose());

const operatorIin = () => pki.keys.operator.person.iin;

function message(kind: GatewayMessage['kind'], payload: Record<string, unknown>, signer: Issued | null): GatewayMessage {
  return {
    id: randomUUID(),
    kind,
    from: kind === 'request' ? 'con-kokpekty' : 'edu-kokpekty',
    to: kind === 'request' ? 'edu-kokpekty' : 'con-kokpekty',
    service: 'preschool-queue',
    createdAt: NOW.toISOString(),
    attachments: [],
    payload,
    ...(signer
      ? { signature: { format: 'cms' as const, value: toBase64(signDetached({ content: canonicalBytes(payload), key: signer.key, certificate: signer.certificate, signingTime: NOW })) } }
      : {}),
  };
}

const request = (signer: Issued | null, payload: Record<string, unknown> = { number: 'Z-1', operator: { iin: operatorIin() } }) => message('request', payload, signer);
const key = (id: DemoKeyId) => pki.keys[id];
const send = (body: unknown) => gateway.call('/messages', postJson(body));
const stored = () => gateway.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()!.n;

async function refusedWith(body: GatewayMessage): Promise<string> {
  const before = stored();
  const response = await send(body);
  expect(response.status).toBe(422);
  expect(stored()).toBe(before);
  return gatewayErrorSchema.parse(await response.json()).error.code;
}

describe('gateway signature check (условие 2: срок действия, отзыв, цепочка, ИИН)', () => {
  it("accepts a request signed by its operator and says 'verified' in the receipt", async () => {
    const response = await send(request(key('operator')));
    expect(response.status).toBe(201);
    expect(receiptSchema.parse(await response.json()).signature).toBe('verified');
  });

  it("accepts a result signed by the provider's head named in payload.signer", async () => {
    const result = message('result', { decision: 'approved', signer: { iin: key('head').person.iin } }, key('head'));
    expect((await send(result)).status).toBe(201);
  });

  it('refuses an unsigned message, a changed payload and a signature that is not base64', async () => {
    expect(await refusedWith(request(null))).toBe('SIGNATURE_INVALID');
    const signed = request(key('operator'));
    expect(await refusedWith({ ...signed, payload: { ...signed.payload, number: 'Z-2' } })).toBe('SIGNATURE_INVALID');
    expect(await refusedWith({ ...signed, id: randomUUID(), signature: { format: 'cms', value: toBase64(new Uint8Array([1, 2, 3])) } })).toBe('SIGNATURE_INVALID');
  });

  it('refuses a revoked, an expired, a foreign-IIN, a login key and an untrusted certificate with their codes', async () => {
    expect(await refusedWith(request(key('revoked'), { operator: { iin: key('revoked').person.iin } }))).toBe('CERT_REVOKED');
    expect(await refusedWith(request(key('expired'), { operator: { iin: key('expired').person.iin } }))).toBe('CERT_EXPIRED');
    expect(await refusedWith(request(key('foreignIin')))).toBe('CERT_IIN_MISMATCH');
    expect(await refusedWith(request(key('operatorAuth')))).toBe('CERT_KEY_USAGE');
    expect(await refusedWith(request(stranger))).toBe('CERT_UNTRUSTED');
  });

  it('refuses a request whose payload names no operator IIN, and a result signed by the operator', async () => {
    expect(await refusedWith(request(key('operator'), { number: 'Z-3' }))).toBe('CERT_IIN_MISMATCH');
    expect(await refusedWith(message('result', { signer: { iin: key('head').person.iin } }, key('operator')))).toBe('CERT_IIN_MISMATCH');
  });

  it("refuses a request signed with a head's key and a result signed with an employee's key (НУЦ key roles)", async () => {
    expect(await refusedWith(request(key('head'), { number: 'Z-4', operator: { iin: key('head').person.iin } }))).toBe('CERT_ROLE');
    expect(await refusedWith(message('result', { signer: { iin: operatorIin() } }, key('operator')))).toBe('CERT_ROLE');
  });
});

describe("the gateway's time-stamp on each receipt", () => {
  const stampCode = (run: () => unknown) => {
    try {
      run();
      return 'ok';
    } catch (error) {
      if (error instanceof ArmError) return error.code;
      throw error;
    }
  };

  it('signs the receipt with its genTime and the window it vouched for, by the key it publishes; another gateway’s stamp is refused', async () => {
    const receipt = receiptSchema.parse(await (await send(request(key('operator'), { number: 'Z-stamped', operator: { iin: operatorIin() } }))).json());
    const { timeStampKeys = [] } = trustReferenceSchema.parse(await (await gateway.call('/reference/trust')).json());
    expect(receipt.stamp?.genTime).toBe(receipt.receivedAt);
    const window = verifyTimeStamp(receipt, timeStampKeys, gatewayCrypto);
    expect(window.latest.toISOString()).toBe(receipt.receivedAt);
    expect(window.earliest.getTime()).toBe(NOW.getTime() - 14 * 86_400_000);
    // Any field of the receipt changed after stamping, or the stamp's own time moved: not this stamp.
    expect(stampCode(() => verifyTimeStamp({ ...receipt, to: 'edu-other' }, timeStampKeys, gatewayCrypto))).toBe('TIMESTAMP_INVALID');
    expect(stampCode(() => verifyTimeStamp({ ...receipt, stamp: { ...receipt.stamp!, signedNotBefore: new Date(0).toISOString() } }, timeStampKeys, gatewayCrypto))).toBe('TIMESTAMP_INVALID');
    const { stamp: _stamp, ...unstamped } = receipt;
    expect(stampCode(() => verifyTimeStamp(unstamped, timeStampKeys, gatewayCrypto))).toBe('TIMESTAMP_INVALID');
    // A second gateway (its own data folder, its own key) stamps what this one's workstations refuse.
    const other = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
    try {
      const foreign = receiptSchema.parse(await (await other.call('/messages', postJson(request(key('operator'))))).json());
      expect(stampCode(() => verifyTimeStamp(foreign, timeStampKeys, gatewayCrypto))).toBe('TIMESTAMP_UNTRUSTED');
    } finally {
      await other.dispose();
    }
  });

  it('keeps its key across restarts, so the receipts it stamped stay checkable', async () => {
    const keysOf = async (g: TestGateway) => trustReferenceSchema.parse(await (await g.call('/reference/trust')).json()).timeStampKeys;
    const before = await keysOf(gateway);
    gateway = await gateway.restart();
    expect(await keysOf(gateway)).toEqual(before);
  });

  it('refuses a signature when its CRL is past its next update (CRL_STALE), nothing stored', async () => {
    const nextUpdate = parseCrl(pki.crl).nextUpdate!;
    const seconds = (nextUpdate.getTime() - gateway.clock.now().getTime()) / 1000 + 60;
    gateway.clock.advance(seconds);
    try {
      const signedNow = message('request', { number: 'Z-stale', operator: { iin: operatorIin() } }, null);
      const cms = signDetached({ content: canonicalBytes(signedNow.payload), key: key('operator').key, certificate: key('operator').certificate, signingTime: gateway.clock.now() });
      expect(await refusedWith({ ...signedNow, signature: { format: 'cms', value: toBase64(cms) } })).toBe('CRL_STALE');
    } finally {
      gateway.clock.advance(-seconds);
    }
  });
});

describe('GET /reference/trust and /reference/crl', () => {
  it('publish the trusted root and the CRL, and answer 304 to their ETag', async () => {
    const trust = await gateway.call('/reference/trust');
    const roots = trustReferenceSchema.parse(await trust.json()).roots;
    expect(roots).toEqual([certificatePem(pki.root.certificate)]);
    expect(parseCertificate(roots[0]!)?.subject.hash).toBe(parseCertificate(certificatePem(pki.root.certificate))?.subject.hash);

    const crl = await gateway.call('/reference/crl');
    const etag = crl.headers.get('etag')!;
    expect(etag).toMatch(/^"crl-v1-/);
    const [pem] = crlReferenceSchema.parse(await crl.json()).crls;
    expect([...parseCrl(pem!).revoked.keys()]).toEqual([parseCrl(pki.crl).revoked.keys().next().value]);

    const again = await gateway.call('/reference/crl', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await gateway.call('/reference/trust', { headers: { 'If-None-Match': trust.headers.get('etag')! } })).status).toBe(304);
  });
});

describe('a gateway started without trust', () => {
  it('publishes empty lists and accepts unsigned messages as not-checked', async () => {
    const plain = await startTestGateway();
    try {
      expect(trustReferenceSchema.parse(await (await plain.call('/reference/trust')).json()).roots).toEqual([]);
      expect(crlReferenceSchema.parse(await (await plain.call('/reference/crl')).json()).crls).toEqual([]);
      const response = await plain.call('/messages', postJson(request(null)));
      expect(receiptSchema.parse(await response.json()).signature).toBe('not-checked');
    } finally {
      await plain.dispose();
    }
  });
});

describe("the gateway's native RSA checks", () => {
  it('give the verdicts forge gives: valid, a flipped signature byte, an untrusted chain', () => {
    const content = canonicalBytes({ number: 'Z-2', operator: { iin: operatorIin() } });
    const cms = signDetached({ content, key: key('operator').key, certificate: key('operator').certificate, signingTime: NOW });
    const input = { cms, content, trustedRoots: [pki.root.certificate], crls: [parseCrl(pki.crl)], expectedIin: operatorIin(), now: NOW };
    const verdict = (options: Partial<typeof input> & { crypto?: typeof gatewayCrypto }) => {
      try {
        return verifyDetached({ ...input, ...options }).signer.subject.iin;
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    // The signature value is the last bytes of this SignedData (one signer, no unsigned attributes).
    const flipped = cms.slice();
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0x01;
    const foreign = signDetached({ content, key: stranger.key, certificate: stranger.certificate, signingTime: NOW });
    for (const crypto of [undefined, gatewayCrypto]) {
      expect(verdict({ crypto })).toBe(operatorIin());
      expect(verdict({ crypto, cms: flipped })).toBe('SIGNATURE_INVALID');
      expect(verdict({ crypto, cms: foreign })).toBe('CERT_UNTRUSTED');
    }
  });
});
