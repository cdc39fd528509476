import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes, certificateCard, certificatePem, crlPem, parseCrl, verifyDetached } from '../../../shared/signing';
import { createDemoPki, DEMO_PASSWORD, type DemoPki } from '../../../shared/signing/testPki';
import { openKey } from './keys';
import { signPayload } from './sign';
import { openPkcs12Natively } from './pkcs12';
import { nodeCrypto } from '../crypto/node';

// A signature only this app can read is worthless (issue 6): OpenSSL must agree with us both ways.

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const available = openssl.status === 0;
const title = available ? `OpenSSL interop (${openssl.stdout.trim()})` : 'OpenSSL interop — SKIPPED: no `openssl` on PATH';

const request = { serviceId: 'education-004', applicant: { iin: '920314450217', surname: 'Әбенова' }, attachments: ['cd'.repeat(32)] };
// Building RSA-2048 keys and forge's signatures takes seconds on a loaded machine.
const PKI_TIMEOUT_MS = 60_000;
let pkiDemo: DemoPki;
let dir: string;

function run(...args: string[]) {
  return spawnSync('openssl', args, { encoding: 'utf8' });
}

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

describe.skipIf(!available)(title, () => {
  beforeAll(async () => {
    pkiDemo = await createDemoPki({ now: new Date(), only: ['operator', 'revoked', 'head'] });
    dir = mkdtempSync(path.join(os.tmpdir(), 'arm-openssl-'));
    file('root.pem', certificatePem(pkiDemo.root.certificate));
    file('crl.pem', crlPem(pkiDemo.crl));
  }, PKI_TIMEOUT_MS);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function signed(id: 'operator') {
    const key = pkiDemo.keys[id];
    const result = signPayload({ crypto: nodeCrypto(), keyFile: key.p12, password: DEMO_PASSWORD, payload: request, expectedIin: key.person.iin, now: new Date() });
    return { content: file(`${id}.json`, canonicalBytes(request)), signature: file(`${id}.cms`, result.cms) };
  }

  it('openssl cms -verify accepts our detached signature and refuses it over changed content', () => {
    const { content, signature } = signed('operator');
    const ok = run('cms', '-verify', '-binary', '-content', content, '-in', signature, '-inform', 'DER', '-CAfile', path.join(dir, 'root.pem'), '-out', path.join(dir, 'out'));
    expect(ok.stderr).toContain('Verification successful');
    expect(ok.status).toBe(0);
    const tampered = file('tampered.json', canonicalBytes({ ...request, serviceId: 'education-005' }));
    const bad = run('cms', '-verify', '-binary', '-content', tampered, '-in', signature, '-inform', 'DER', '-CAfile', path.join(dir, 'root.pem'), '-out', path.join(dir, 'out'));
    expect(bad.status).not.toBe(0);
  });

  it('openssl checks our CRL: its signature, and that it revokes the revoked key only', () => {
    const crl = run('crl', '-in', path.join(dir, 'crl.pem'), '-CAfile', path.join(dir, 'root.pem'), '-noout');
    expect(crl.stderr + crl.stdout).toContain('verify OK');
    const verifyWithCrl = (id: 'operator' | 'revoked') =>
      run('verify', '-crl_check', '-CAfile', path.join(dir, 'root.pem'), '-CRLfile', path.join(dir, 'crl.pem'), file(`${id}.pem`, certificatePem(pkiDemo.keys[id].certificate)));
    expect(verifyWithCrl('operator').status).toBe(0);
    const revoked = verifyWithCrl('revoked');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain('certificate revoked');
  });

  it('openssl pkcs12 opens our .p12 with the demo password and refuses a wrong one', () => {
    const p12 = file('head.p12', pkiDemo.keys.head.p12);
    const opened = run('pkcs12', '-in', p12, '-nokeys', '-passin', `pass:${DEMO_PASSWORD}`);
    expect(opened.status).toBe(0);
    expect(opened.stdout).toMatch(new RegExp(`serialNumber ?= ?IIN${pkiDemo.keys.head.person.iin}`));
    expect(opened.stdout).toContain('-----BEGIN CERTIFICATE-----');
    expect(run('pkcs12', '-in', p12, '-nokeys', '-passin', 'pass:wrong').status).not.toBe(0);
  });

  it('our verifier accepts what openssl cms -sign makes with a demo key', () => {
    const operator = pkiDemo.keys.operator;
    const p12 = file('operator.p12', operator.p12);
    const pem = path.join(dir, 'operator.pem');
    expect(run('pkcs12', '-in', p12, '-passin', `pass:${DEMO_PASSWORD}`, '-nodes', '-out', pem).status).toBe(0);
    const content = file('openssl.json', canonicalBytes(request));
    const signature = path.join(dir, 'openssl.cms');
    const made = run('cms', '-sign', '-binary', '-md', 'sha256', '-in', content, '-signer', pem, '-outform', 'DER', '-out', signature);
    expect(made.status, made.stderr).toBe(0);
    const result = verifyDetached({
      cms: readFileSync(signature),
      content: readFileSync(content),
      trustedRoots: [pkiDemo.root.certificate],
      crls: [parseCrl(pkiDemo.crl)],
      expectedIin: operator.person.iin,
      now: new Date(),
    });
    expect(result.signer.subject.iin).toBe(operator.person.iin);
    expect(() =>
      verifyDetached({ cms: readFileSync(signature), content: canonicalBytes({ ...request, serviceId: 'x' }), trustedRoots: [pkiDemo.root.certificate], crls: [parseCrl(pkiDemo.crl)], expectedIin: null, now: new Date() }),
    ).toThrow(/content does not match/);
  });

  it('our core opens a .p12 that OpenSSL 3 exported (AES-256, PBKDF2, SHA-256 MAC)', () => {
    const operator = pkiDemo.keys.operator;
    const pem = path.join(dir, 'operator-export.pem');
    expect(run('pkcs12', '-in', file('op.p12', operator.p12), '-passin', `pass:${DEMO_PASSWORD}`, '-nodes', '-out', pem).status).toBe(0);
    const exported = path.join(dir, 'exported.p12');
    const made = run('pkcs12', '-export', '-in', pem, '-out', exported, '-passout', 'pass:Пароль-1');
    expect(made.status, made.stderr).toBe(0);
    const opened = openKey(readFileSync(exported), 'Пароль-1');
    expect(certificateCard(opened.certificate).subject.iin).toBe(operator.person.iin);
    // OpenSSL's primitives open it (PBES2 certificates, a Cyrillic password as UTF-8), not forge.
    expect(openPkcs12Natively(readFileSync(exported), 'Пароль-1')?.privateKey.asymmetricKeyType).toBe('rsa');
    expect(() => openKey(readFileSync(exported), 'Пароль-2')).toThrow(/password/);
  });
});
