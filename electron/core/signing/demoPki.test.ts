import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIin } from '../../../shared/iin/iin';
import { certificateCard, normaliseSerial, parseCertificate, parseCrl } from '../../../shared/signing';
import { spawnSync } from 'node:child_process';
import { readTrustDir } from '../../../gateway/signature';
import { canonicalBytes } from '../../../shared/signing';
import { openGostKeyFile } from '../../../shared/signing/gost/keyFile';
import { requireSignerRole } from '../../../shared/signing/roles';
import { nodeCrypto } from '../crypto/node';
import { MANIFEST_FILE, writeDemoPki, type DemoManifest } from './demoPki';
import { openKey } from './keys';
import { keyCard, signPayload } from './sign';
import { verifyDetached } from '../../../shared/signing';

// Building RSA-2048 keys and forge's signatures takes seconds on a loaded machine.
const PKI_TIMEOUT_MS = 60_000;
let dir: string;
let manifest: DemoManifest;
const now = new Date();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'arm-pki-demo-'));
  manifest = await writeDemoPki(dir, { now, password: 'train-me' });
}, PKI_TIMEOUT_MS);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo PKI files', () => {
  it('has a root clearly named as a TEST CA and a manifest on disk equal to the returned one', () => {
    const root = parseCertificate(readFileSync(path.join(dir, manifest.root.pem), 'utf8'))!;
    expect(certificateCard(root).subject.commonName).toMatch(/TEST/);
    expect(certificateCard(parseCertificate(readFileSync(path.join(dir, manifest.root.der)))!).fingerprintSha256).toBe(manifest.root.fingerprintSha256);
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'))).toEqual(manifest);
  });

  it('has one key for each of the six roles plus a revoked, an expired and a foreign-IIN one', () => {
    const signingRoles = manifest.keys.filter((key) => key.purpose === 'sign' && !key.revoked && key.iin === key.userIin && new Date(key.notAfter) > now);
    expect(signingRoles.map((key) => key.role).sort()).toEqual(['citizen', 'citizen', 'clerk', 'head', 'mobileOperator', 'officeWorker', 'operator', 'supervisor']);
    expect(manifest.keys.filter((key) => key.revoked).map((key) => key.id)).toEqual(['revoked', 'citizenRevoked']);
    expect(manifest.keys.filter((key) => new Date(key.notAfter) < now).map((key) => key.id)).toEqual(['expired', 'citizenExpired']);
    expect(manifest.keys.filter((key) => key.iin !== key.userIin).map((key) => key.id)).toEqual(['foreignIin']);
  });

  it('writes .p12 files that open with the password and carry valid IINs and BINs', () => {
    for (const entry of manifest.keys) {
      const card = certificateCard(openKey(readFileSync(path.join(dir, entry.file)), 'train-me').certificate);
      expect(card.subject.iin).toBe(entry.iin);
      expect(isValidIin(card.subject.iin!)).toBe(true);
      expect(card.subject.dn).toMatch(/C=KZ/);
      // A citizen's key is a private person's: no organisation, no BIN.
      if (entry.role === 'citizen') expect(card.subject.bin).toBeNull();
      else expect(card.subject.bin).toMatch(/^\d{12}$/);
    }
  });

  it('writes a CRL, in PEM and DER, that lists the revoked keys only', () => {
    const serials = ['revoked.p12', 'citizenRevoked.p12'].map((file) => normaliseSerial(openKey(readFileSync(path.join(dir, file)), 'train-me').certificate.serialNumber));
    for (const file of [manifest.crl.pem, manifest.crl.der]) {
      const raw = readFileSync(path.join(dir, file));
      const crl = parseCrl(file.endsWith('.pem') ? raw.toString('utf8') : raw);
      expect([...crl.revoked.keys()].sort()).toEqual(serials.sort());
      expect(crl.thisUpdate.toISOString()).toBe(manifest.crl.thisUpdate);
    }
  });
});

describe('the GOST half of the demo PKI', () => {
  const entry = (id: string) => manifest.gost.keys.find((key) => key.id === id)!;
  const file = (id: string) => Uint8Array.from(readFileSync(path.join(dir, entry(id).file)));

  it('issues GOST operator, head, head-employee, clerk AUTH and citizen keys of the same people as the RSA ones', () => {
    expect(manifest.gost.keys.map((key) => [key.id, key.file, key.purpose])).toEqual([
      ['gostOperator', 'gost-operator.p12', 'sign'],
      ['gostHead', 'gost-head.p12', 'sign'],
      ['gostHeadEmployee', 'gost-head-employee.p12', 'sign'],
      ['gostClerkAuth', 'gost-clerk-auth.p12', 'auth'],
      ['gostCitizen', 'gost-citizen.p12', 'sign'],
    ]);
    const rsa = (id: string) => manifest.keys.find((key) => key.id === id)!;
    expect(entry('gostOperator').iin).toBe(rsa('operator').iin);
    expect(entry('gostHead').iin).toBe(rsa('head').iin);
    expect(entry('gostClerkAuth').iin).toBe(rsa('clerk').iin);
    expect(entry('gostCitizen').iin).toBe(rsa('citizen').iin);
    expect(entry('gostCitizen').bin).toBeNull();
  });

  it('writes GOST key files the core opens with the password (not with another), under НУЦ РК’s key OID', () => {
    const card = keyCard(file('gostHead'), 'train-me');
    expect(card.subject.iin).toBe(entry('gostHead').iin);
    expect(card.extendedKeyUsage).toContain('1.2.398.3.3.4.1.2.1');
    expect(openGostKeyFile(file('gostHead'), 'train-me').certificate.keyOid).toBe('1.2.398.3.10.1.1.2.2');
    expect(() => keyCard(file('gostHead'), 'wrong')).toThrow(expect.objectContaining({ code: 'KEY_PASSWORD_WRONG' }));
  });

  it('OpenSSL reads the GOST key file: MAC, certificates, and the PBES2/AES key bag down to its PrivateKeyInfo', () => {
    const p12 = path.join(dir, entry('gostOperator').file);
    const info = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:train-me', '-info', '-nokeys'], { encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(info.stderr).toMatch(/MAC: sha256/);
    expect(info.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC/);
    expect(info.stdout).toMatch(new RegExp(`serialNumber ?= ?IIN${entry('gostOperator').iin}`));
    // Decrypted: OpenSSL (without НУЦ's OIDs) names the key algorithm it cannot load.
    const key = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:train-me', '-nocerts', '-nodes'], { encoding: 'utf8' });
    expect(key.stderr).toContain('TYPE=1.2.398.3.10.1.1.2.2');
    const wrong = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:wrong', '-info', '-nokeys'], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/mac verify/i);
  });

  it('the gateway emulator trusts the GOST root: a request signed with the GOST operator key verifies, the head’s employee key is refused as head', () => {
    const trust = readTrustDir(dir);
    expect(trust.roots).toHaveLength(2);
    const crls = trust.crls.map((der) => parseCrl(der));
    const sign = (id: string, payload: unknown) => signPayload({ crypto: nodeCrypto(), keyFile: file(id), password: 'train-me', payload, expectedIin: entry(id).iin!, now });
    const payload = { serviceId: 'education-004', operator: { iin: entry('gostOperator').iin } };
    const verified = verifyDetached({ cms: sign('gostOperator', payload).cms, content: canonicalBytes(payload), trustedRoots: trust.roots, crls, expectedIin: entry('gostOperator').iin, now, crypto: nodeCrypto() });
    expect(verified.signer.subject.bin).toBe(entry('gostOperator').bin);
    const result = { decision: 'approved' };
    const byHead = verifyDetached({ cms: sign('gostHead', result).cms, content: canonicalBytes(result), trustedRoots: trust.roots, crls, expectedIin: entry('gostHead').iin, now, crypto: nodeCrypto() });
    expect(() => requireSignerRole(byHead.signer, 'result', entry('gostHead').bin!)).not.toThrow();
    const byEmployee = verifyDetached({ cms: sign('gostHeadEmployee', result).cms, content: canonicalBytes(result), trustedRoots: trust.roots, crls, expectedIin: entry('gostHead').iin, now, crypto: nodeCrypto() });
    expect(() => requireSignerRole(byEmployee.signer, 'result', entry('gostHead').bin!)).toThrow(expect.objectContaining({ code: 'CERT_ROLE' }));
  });
});
