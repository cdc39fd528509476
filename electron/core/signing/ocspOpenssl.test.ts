import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../testing/codeOf';
import { certificatePem } from '../../../shared/signing/certificate';
import { buildOcspRequest, buildOcspResponse, certIdOf, checkOcspResponse, ocspErrorResponse, parseOcspRequest, type CertId } from '../../../shared/signing/ocsp';
import { createDemoPki, createTestRoot, issueOcspResponder, type DemoPki } from '../../../shared/signing/testPki';

// OCSP both ways against OpenSSL, the real peer: our request answered by `openssl ocsp` as the
// responder, and OpenSSL's request answered by ours and accepted by `openssl ocsp` as the client.

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const available = openssl.status === 0;
const title = available ? `OCSP (RFC 6960) with ${openssl.stdout.trim()}` : 'OCSP — SKIPPED: no `openssl` on PATH';
const PKI_TIMEOUT_MS = 60_000;
const DAY = 86_400_000;
let pki: DemoPki;
let dir: string;
const now = new Date();

const file = (name: string, content: string | Uint8Array) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};
const run = (...args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });
const nonce = () => new Uint8Array(forge.random.getBytesSync(16).split('').map((c) => c.charCodeAt(0)));

/** An answer from our responder, the gateway's way: revoked serials are the CRL's. */
function answer(request: Uint8Array, responder = pki.ocsp, at = now) {
  const parsed = parseOcspRequest(request)!;
  const revoked = new Set([pki.keys.revoked.certificate.serialNumber.toLowerCase()]);
  return buildOcspResponse({ responder, request: parsed, now: at, validityMs: DAY, statusOf: (id: CertId) => (revoked.has(id.serial) ? { status: 'revoked', revokedAt: new Date(now.getTime() - DAY) } : { status: 'good' }) });
}

describe.skipIf(!available)(title, () => {
  beforeAll(async () => {
    pki = await createDemoPki({ now, only: ['operator', 'revoked'] });
    dir = mkdtempSync(path.join(os.tmpdir(), 'arm-ocsp-'));
    file('root.pem', certificatePem(pki.root.certificate));
    file('responder.pem', certificatePem(pki.ocsp.certificate));
    file('responder.key', forge.pki.privateKeyToPem(pki.ocsp.key));
    file('operator.pem', certificatePem(pki.keys.operator.certificate));
    file('revoked.pem', certificatePem(pki.keys.revoked.certificate));
    // OpenSSL's CA database: V(alid) or R(evoked), expiry, revocation date, serial, file, subject.
    const stamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
    const line = (key: 'operator' | 'revoked', state: 'V' | 'R') =>
      [state, stamp(pki.keys[key].certificate.validity.notAfter), state === 'R' ? stamp(new Date(now.getTime() - DAY)) : '', pki.keys[key].certificate.serialNumber.toUpperCase(), 'unknown', `/CN=${key}`].join('\t');
    file('index.txt', `${line('operator', 'V')}\n${line('revoked', 'R')}\n`);
  }, PKI_TIMEOUT_MS);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function opensslAnswers(key: 'operator' | 'revoked') {
    const id = certIdOf(pki.keys[key].certificate, pki.root.certificate);
    const ours = nonce();
    const request = file(`${key}.req`, buildOcspRequest(id, ours));
    const out = path.join(dir, `${key}.resp`);
    const result = run('ocsp', '-index', path.join(dir, 'index.txt'), '-CA', path.join(dir, 'root.pem'), '-rsigner', path.join(dir, 'responder.pem'), '-rkey', path.join(dir, 'responder.key'), '-reqin', request, '-respout', out, '-ndays', '1');
    expect(result.status, result.stderr).toBe(0);
    return { response: new Uint8Array(readFileSync(out)), nonce: ours };
  }

  it('reads what an OpenSSL responder answers to our request: good, and revoked with its date', () => {
    const good = opensslAnswers('operator');
    expect(checkOcspResponse({ ...good, certificate: pki.keys.operator.certificate, issuer: pki.root.certificate, now }).status).toEqual({ status: 'good' });
    const revoked = opensslAnswers('revoked');
    const verdict = checkOcspResponse({ ...revoked, certificate: pki.keys.revoked.certificate, issuer: pki.root.certificate, now });
    expect(verdict.status.status).toBe('revoked');
  });

  it('refuses an OpenSSL answer replayed for another nonce or read as about another certificate', () => {
    const good = opensslAnswers('operator');
    expect(codeOf(() => checkOcspResponse({ response: good.response, nonce: nonce(), certificate: pki.keys.operator.certificate, issuer: pki.root.certificate, now }))).toBe('OCSP_RESPONSE_INVALID');
    expect(codeOf(() => checkOcspResponse({ ...good, certificate: pki.keys.revoked.certificate, issuer: pki.root.certificate, now }))).toBe('OCSP_RESPONSE_INVALID');
  });

  it('answers an OpenSSL client, which verifies our signed answer and reads each status', () => {
    for (const [key, expected] of [
      ['operator', 'good'],
      ['revoked', 'revoked'],
    ] as const) {
      const request = path.join(dir, `${key}.openssl.req`);
      const made = run('ocsp', '-issuer', path.join(dir, 'root.pem'), '-cert', path.join(dir, `${key}.pem`), '-reqout', request);
      expect(made.status, made.stderr).toBe(0);
      const response = file(`${key}.ours.resp`, answer(new Uint8Array(readFileSync(request))));
      // With -reqin OpenSSL checks that the answer repeats its request's nonce.
      const checked = run('ocsp', '-reqin', request, '-respin', response, '-CAfile', path.join(dir, 'root.pem'), '-resp_text');
      expect(checked.status, checked.stderr).toBe(0);
      expect(checked.stderr).toContain('Response verify OK');
      expect(checked.stdout).toContain(`Cert Status: ${expected}`);
      expect(checked.stdout).toContain(`Serial Number: ${pki.keys[key].certificate.serialNumber.toUpperCase()}`);
    }
  });

  it('answers a malformed request with malformedRequest, which OpenSSL reads as such', () => {
    expect(parseOcspRequest(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeNull();
    const response = file('malformed.resp', ocspErrorResponse(1));
    const shown = run('ocsp', '-respin', response, '-resp_text', '-noverify');
    expect(shown.stdout + shown.stderr).toMatch(/malformedrequest/i);
    expect(codeOf(() => checkOcspResponse({ response: ocspErrorResponse(1), nonce: nonce(), certificate: pki.keys.operator.certificate, issuer: pki.root.certificate, now }))).toBe('OCSP_RESPONSE_INVALID');
  });

  it('refuses an answer signed by someone else, and one whose signature was altered', async () => {
    const ours = nonce();
    const request = buildOcspRequest(certIdOf(pki.keys.revoked.certificate, pki.root.certificate), ours);
    // A responder certificate from another CA says "good" about a revoked key.
    const stranger = createTestRoot({ now, commonName: 'Somebody else' });
    const impostor = issueOcspResponder({ issuer: stranger, now });
    const parsed = parseOcspRequest(request)!;
    const forged = buildOcspResponse({ responder: impostor, request: parsed, now, validityMs: DAY, statusOf: () => ({ status: 'good' }) });
    expect(codeOf(() => checkOcspResponse({ response: forged, nonce: ours, certificate: pki.keys.revoked.certificate, issuer: pki.root.certificate, now }))).toBe('OCSP_RESPONDER_UNTRUSTED');
    // The genuine answer with one byte of its signature changed.
    const genuine = answer(request);
    const altered = genuine.slice();
    const at = altered.length - certificateLength() - 20;
    altered[at] = altered[at]! ^ 0x01;
    expect(codeOf(() => checkOcspResponse({ response: altered, nonce: ours, certificate: pki.keys.revoked.certificate, issuer: pki.root.certificate, now }))).toBe('OCSP_RESPONDER_UNTRUSTED');
    expect(checkOcspResponse({ response: genuine, nonce: ours, certificate: pki.keys.revoked.certificate, issuer: pki.root.certificate, now }).status.status).toBe('revoked');
  });

  it('refuses an answer past its nextUpdate', () => {
    const ours = nonce();
    const request = buildOcspRequest(certIdOf(pki.keys.operator.certificate, pki.root.certificate), ours);
    const old = answer(request, pki.ocsp, new Date(now.getTime() - 2 * DAY));
    expect(codeOf(() => checkOcspResponse({ response: old, nonce: ours, certificate: pki.keys.operator.certificate, issuer: pki.root.certificate, now }))).toBe('OCSP_RESPONSE_INVALID');
  });
});

/** The DER length of the responder certificate the answer carries after its signature. */
function certificateLength(): number {
  return forge.asn1.toDer(forge.pki.certificateToAsn1(pki.ocsp.certificate)).getBytes().length + 4;
}
