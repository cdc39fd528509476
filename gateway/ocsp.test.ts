import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOcspRequest, certIdOf, certificatePem, checkOcspResponse } from '../shared/signing';
import { createDemoPki, createTestRoot, issueCertificate, type DemoPki } from '../shared/signing/testPki';
import { startTestGateway, type TestGateway } from './testing';

// The emulator's OCSP responder over HTTP: asked by OpenSSL's client (`openssl ocsp -url`), the
// real peer, and by our own client; its answers follow the CRL it publishes.

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const available = openssl.status === 0;
const PKI_TIMEOUT_MS = 60_000;
// OpenSSL judges the answer's times by the real clock, so this gateway runs on it.
const now = new Date();
let pki: DemoPki;
let gateway: TestGateway;
let dir: string;

beforeAll(async () => {
  pki = await createDemoPki({ now, only: ['operator', 'revoked'] });
  gateway = await startTestGateway({ now: () => new Date(), trust: { roots: [pki.root.certificate], crls: [pki.crl], ocsp: pki.ocsp } });
  dir = mkdtempSync(path.join(os.tmpdir(), 'arm-gateway-ocsp-'));
  writeFileSync(path.join(dir, 'root.pem'), certificatePem(pki.root.certificate));
  writeFileSync(path.join(dir, 'operator.pem'), certificatePem(pki.keys.operator.certificate));
  writeFileSync(path.join(dir, 'revoked.pem'), certificatePem(pki.keys.revoked.certificate));
}, PKI_TIMEOUT_MS);
afterAll(async () => {
  await gateway.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** spawnSync would block the event loop the gateway answers on. */
function opensslAsync(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('openssl', args);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (status) => resolve({ status, out }));
  });
}

const post = (body: Uint8Array) => gateway.call('/ocsp', { method: 'POST', headers: { 'Content-Type': 'application/ocsp-request' }, body });

describe.skipIf(!available)('POST /ocsp asked by `openssl ocsp -url`', () => {
  it('says good for a current key and revoked for the one the CRL lists, signed so OpenSSL verifies it', async () => {
    for (const [key, expected] of [
      ['operator', 'good'],
      ['revoked', 'revoked'],
    ] as const) {
      const result = await opensslAsync(['ocsp', '-url', `${gateway.url}/ocsp`, '-issuer', path.join(dir, 'root.pem'), '-cert', path.join(dir, `${key}.pem`), '-CAfile', path.join(dir, 'root.pem')]);
      expect(result.status, result.out).toBe(0);
      expect(result.out).toContain('Response verify OK');
      expect(result.out).toContain(`${key}.pem: ${expected}`);
    }
  });
});

describe('POST /ocsp', () => {
  it('answers our client with the CRL status, content type application/ocsp-response', async () => {
    for (const [key, expected] of [
      ['operator', 'good'],
      ['revoked', 'revoked'],
    ] as const) {
      const nonce = new Uint8Array(16).map((_, i) => i + 1);
      const response = await post(buildOcspRequest(certIdOf(pki.keys[key].certificate, pki.root.certificate), nonce));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/ocsp-response');
      const verdict = checkOcspResponse({ response: new Uint8Array(await response.arrayBuffer()), nonce, certificate: pki.keys[key].certificate, issuer: pki.root.certificate, now: new Date() });
      expect(verdict.status.status).toBe(expected);
    }
  });

  it('says unknown for a certificate of a CA it has no CRL of, and malformedRequest for garbage', async () => {
    const other = createTestRoot({ now, commonName: 'Somebody else CA' });
    const stranger = issueCertificate({ issuer: other, person: pki.keys.operator.person, kind: 'sign', notBefore: now, notAfter: new Date(now.getTime() + 86_400_000) });
    const nonce = new Uint8Array(8).fill(7);
    const answered = await post(buildOcspRequest(certIdOf(stranger.certificate, other.certificate), nonce));
    expect(answered.status).toBe(200);
    // Signed by the test CA's responder, which the stranger's CA did not delegate.
    const bytes = new Uint8Array(await answered.arrayBuffer());
    expect(() => checkOcspResponse({ response: bytes, nonce, certificate: stranger.certificate, issuer: other.certificate, now: new Date() })).toThrow(/not signed by the issuer/);
    const garbage = await post(new Uint8Array([1, 2, 3]));
    expect(garbage.status).toBe(200);
    expect([...new Uint8Array(await garbage.arrayBuffer())]).toEqual([0x30, 0x03, 0x0a, 0x01, 0x01]);
  });

  it('is 404 on a gateway without a responder key', async () => {
    const plain = await startTestGateway({ trust: { roots: [pki.root.certificate], crls: [pki.crl] } });
    try {
      const response = await plain.call('/ocsp', { method: 'POST', body: new Uint8Array([0x30, 0x00]) });
      expect(response.status).toBe(404);
    } finally {
      await plain.dispose();
    }
  });
});
