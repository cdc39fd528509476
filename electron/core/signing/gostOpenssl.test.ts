import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrl, verifyDetached } from '../../../shared/signing';
import { signGostDetached, verifyGostDetached } from '../../../shared/signing/gost/cms';
import { gostKeyFromPrivateKeyInfo } from '../../../shared/signing/gost/keyFile';
import { buildGostCrl, createGostRoot, gostPem, issueGostCertificate } from '../../../shared/signing/gost/issue';
import { readCertificate } from '../../../shared/signing/gost/x509';

// The real peer for GOST under TC 26's OIDs: Debian's OpenSSL GOST engine (libengine-gost-openssl,
// installed by .ci/run). OpenSSL builds a 512-bit GOST root, an intermediate, signing keys and a
// CRL; its CMS must verify in ours, ours in it. Not skipped when the engine is missing: GOST
// interop is a requirement, and CI installs the engine.

let dir: string;
const run = (...args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
const must = (...args: string[]) => {
  const result = run(...args);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
  return result;
};
const bytes = (name: string) => Uint8Array.from(readFileSync(path.join(dir, name)));
const pemToDer = (name: string) => {
  const body = readFileSync(path.join(dir, name), 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(Buffer.from(body, 'base64'));
};

const CONFIG = `[ca]
default_ca = ca_default
[ca_default]
database = index.txt
default_md = md_gost12_512
default_crl_days = 30
crlnumber = crlnumber
[ext_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
[ext_sign]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection,1.2.398.3.3.4.1.2,1.2.398.3.3.4.1.2.5
`;
const E = ['-engine', 'gost'];
const CONTENT = '{"serviceId":"education-004","applicant":{"iin":"920314450217"}}';
const IIN = '920314450217';

function issue(name: string, subject: string, issuer: string, extensions: string, days = 30) {
  must('req', ...E, '-newkey', 'gost2012_512', '-pkeyopt', 'paramset:A', '-nodes', '-utf8', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
  must('x509', ...E, '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', String(days), '-extfile', 'ca.cnf', '-extensions', extensions);
}

describe('GOST interop with OpenSSL\'s GOST engine', () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'arm-gost-openssl-'));
    writeFileSync(path.join(dir, 'ca.cnf'), CONFIG);
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'crlnumber'), '01\n');
    writeFileSync(path.join(dir, 'content.json'), CONTENT);
    must('req', ...E, '-x509', '-newkey', 'gost2012_512', '-pkeyopt', 'paramset:A', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '60', '-subj', '/CN=OpenSSL GOST Root/C=KZ', '-config', 'ca.cnf', '-extensions', 'ext_ca');
    issue('inter', '/CN=OpenSSL GOST Intermediate/C=KZ', 'root', 'ext_ca');
    issue('leaf', `/CN=ТЕСТОВ ТЕСТ/SN=ТЕСТОВ/serialNumber=IIN${IIN}/C=KZ/OU=BIN123456789021`, 'inter', 'ext_sign');
    issue('gone', `/CN=ТЕСТОВ ОТОЗВАН/serialNumber=IIN${IIN}/C=KZ`, 'inter', 'ext_sign');
    must('ca', ...E, '-config', 'ca.cnf', '-revoke', 'gone.pem', '-keyfile', 'inter.key', '-cert', 'inter.pem');
    must('ca', ...E, '-config', 'ca.cnf', '-gencrl', '-keyfile', 'inter.key', '-cert', 'inter.pem', '-out', 'inter.crl');
    // The root's CRL (empty) so that the intermediate's revocation is checked too.
    writeFileSync(path.join(dir, 'index.txt'), '');
    must('ca', ...E, '-config', 'ca.cnf', '-gencrl', '-keyfile', 'root.key', '-cert', 'root.pem', '-out', 'root.crl');
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const trust = () => ({ trustedRoots: [pemToDer('root.pem')], crls: [parseCrl(readFileSync(path.join(dir, 'inter.crl'), 'utf8')), parseCrl(readFileSync(path.join(dir, 'root.crl'), 'utf8'))] });

  function opensslSigns(signer: string): Uint8Array {
    must('cms', '-sign', ...E, '-binary', '-in', 'content.json', '-signer', `${signer}.pem`, '-inkey', `${signer}.key`, '-certfile', 'inter.pem', '-outform', 'DER', '-out', `${signer}.cms`);
    return bytes(`${signer}.cms`);
  }

  it('an OpenSSL GOST 2012-512 CMS with its chain and CRL verifies in ours (and through verifyDetached)', () => {
    const cms = opensslSigns('leaf');
    const content = new TextEncoder().encode(CONTENT);
    const verified = verifyGostDetached({ cms, content, ...trust(), expectedIin: IIN, now: new Date(), maxClockSkewMs: 60_000 });
    expect(verified.signer.subject.iin).toBe(IIN);
    expect(verified.signer.subject.bin).toBe('123456789021');
    expect(verifyDetached({ cms, content, ...trust(), expectedIin: IIN, now: new Date() }).signer.subject.iin).toBe(IIN);
  });

  it('refuses the OpenSSL CMS after any one byte of the signature, the signed attributes or the content changes', () => {
    const cms = opensslSigns('leaf');
    const content = new TextEncoder().encode(CONTENT);
    const verify = (c: Uint8Array, data = content) => () => verifyGostDetached({ cms: c, content: data, ...trust(), expectedIin: IIN, now: new Date(), maxClockSkewMs: 60_000 });
    const lastByte = Uint8Array.from(cms);
    lastByte[lastByte.length - 1]! ^= 0x01;
    expect(verify(lastByte)).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
    const changedContent = Uint8Array.from(content);
    changedContent[2]! ^= 0x20;
    expect(verify(cms, changedContent)).toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
  });

  it('refuses the OpenSSL CMS of a key OpenSSL\'s CRL revokes', () => {
    const cms = opensslSigns('gone');
    expect(() => verifyGostDetached({ cms, content: new TextEncoder().encode(CONTENT), ...trust(), expectedIin: null, now: new Date(), maxClockSkewMs: 60_000 })).toThrow(
      expect.objectContaining({ code: 'CERT_REVOKED' }),
    );
  });

  it('OpenSSL verifies the CMS our signer makes with the OpenSSL-issued key, and refuses it over other content', () => {
    const leaf = readCertificate(pemToDer('leaf.pem'))!;
    const key = gostKeyFromPrivateKeyInfo(pemToDer('leaf.key'), [leaf]);
    const cms = signGostDetached({ content: new TextEncoder().encode(CONTENT), key, signingTime: new Date(), profile: 'ru', chain: [pemToDer('inter.pem')] });
    writeFileSync(path.join(dir, 'ours.cms'), cms);
    const ok = run('cms', '-verify', ...E, '-binary', '-content', 'content.json', '-in', 'ours.cms', '-inform', 'DER', '-CAfile', 'root.pem', '-out', 'out.bin');
    expect(ok.stderr).toContain('Verification successful');
    expect(ok.status).toBe(0);
    writeFileSync(path.join(dir, 'other.json'), CONTENT.replace('004', '005'));
    const bad = run('cms', '-verify', ...E, '-binary', '-content', 'other.json', '-in', 'ours.cms', '-inform', 'DER', '-CAfile', 'root.pem', '-out', 'out.bin');
    expect(bad.status).not.toBe(0);
  });

  it('OpenSSL checks the chain and the CRL itself: the leaf passes, the revoked key does not', () => {
    writeFileSync(path.join(dir, 'crls.pem'), readFileSync(path.join(dir, 'inter.crl'), 'utf8') + readFileSync(path.join(dir, 'root.crl'), 'utf8'));
    const ok = run('verify', ...E, '-crl_check_all', '-CRLfile', 'crls.pem', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'leaf.pem');
    expect(ok.stdout).toContain('leaf.pem: OK');
    const revoked = run('verify', ...E, '-crl_check_all', '-CRLfile', 'crls.pem', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'gone.pem');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain('revoked');
  });

  it('OpenSSL verifies the chain and the CRL our GOST test PKI issues, and the CMS signed with its key', () => {
    const now = new Date();
    const person = { surname: 'СӘРСЕНОВА', firstName: 'АЙГҮЛ', patronymic: 'МАРАТҚЫЗЫ', iin: IIN, organisation: { name: 'ЦОН (TEST)', bin: '160340012015' } };
    const root = createGostRoot({ now, commonName: 'ARM GOST TEST Root', profile: 'ru' });
    const validity = { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + 86_400_000) };
    const leaf = issueGostCertificate({ issuer: root, person, kind: 'sign', organisationRole: 'employee', profile: 'ru', ...validity });
    const gone = issueGostCertificate({ issuer: root, person, kind: 'sign', organisationRole: 'employee', profile: 'ru', ...validity });
    const crl = buildGostCrl({ issuer: root, revoked: [{ serialNumber: gone.certificate.serialHex, date: now }], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1, profile: 'ru' });
    writeFileSync(path.join(dir, 'our-root.pem'), gostPem('CERTIFICATE', root.certificate.der));
    writeFileSync(path.join(dir, 'our-leaf.pem'), gostPem('CERTIFICATE', leaf.certificate.der));
    writeFileSync(path.join(dir, 'our-gone.pem'), gostPem('CERTIFICATE', gone.certificate.der));
    writeFileSync(path.join(dir, 'our-crl.pem'), gostPem('X509 CRL', crl));
    expect(run('verify', ...E, '-crl_check', '-CRLfile', 'our-crl.pem', '-CAfile', 'our-root.pem', 'our-leaf.pem').stdout).toContain('our-leaf.pem: OK');
    const revoked = run('verify', ...E, '-crl_check', '-CRLfile', 'our-crl.pem', '-CAfile', 'our-root.pem', 'our-gone.pem');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stdout + revoked.stderr).toContain('revoked');
    const cms = signGostDetached({ content: new TextEncoder().encode(CONTENT), key: leaf.key, signingTime: now, profile: 'ru' });
    writeFileSync(path.join(dir, 'our-leaf.cms'), cms);
    const ok = run('cms', '-verify', ...E, '-binary', '-content', 'content.json', '-in', 'our-leaf.cms', '-inform', 'DER', '-CAfile', 'our-root.pem', '-out', 'out.bin');
    expect(ok.stderr).toContain('Verification successful');
    // And ours agrees: the same chain and CRL, the revoked key refused.
    const verify = (signer: typeof leaf) => () =>
      verifyGostDetached({ cms: signGostDetached({ content: new TextEncoder().encode(CONTENT), key: signer.key, signingTime: now, profile: 'ru' }), content: new TextEncoder().encode(CONTENT), trustedRoots: [root.certificate.der], crls: [parseCrl(crl)], expectedIin: IIN, now, maxClockSkewMs: 0 });
    expect(verify(leaf)().signer.subject.bin).toBe('160340012015');
    expect(verify(gone)).toThrow(expect.objectContaining({ code: 'CERT_REVOKED' }));
    // A CRL in the root's name but signed by another key: OpenSSL and ours both disbelieve it.
    const impostor = createGostRoot({ now, commonName: 'ARM GOST TEST Root', profile: 'ru' });
    const forged = buildGostCrl({ issuer: impostor, revoked: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 2, profile: 'ru' });
    writeFileSync(path.join(dir, 'forged-crl.pem'), gostPem('X509 CRL', forged));
    const refused = run('verify', ...E, '-crl_check', '-CRLfile', 'forged-crl.pem', '-CAfile', 'our-root.pem', 'our-leaf.pem');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/CRL signature failure/i);
    expect(() =>
      verifyGostDetached({ cms: signGostDetached({ content: new TextEncoder().encode(CONTENT), key: leaf.key, signingTime: now, profile: 'ru' }), content: new TextEncoder().encode(CONTENT), trustedRoots: [root.certificate.der], crls: [parseCrl(forged)], expectedIin: IIN, now, maxClockSkewMs: 0 }),
    ).toThrow(expect.objectContaining({ code: 'CRL_UNAVAILABLE' }));
  });
});
