import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIin } from '../../../shared/iin/iin';
import { certificateCard, normaliseSerial, parseCertificate, parseCrl } from '../../../shared/signing';
import { MANIFEST_FILE, writeDemoPki, type DemoManifest } from './demoPki';
import { openKey } from './keys';

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

  it('has one key for each of the five roles plus a revoked, an expired and a foreign-IIN one', () => {
    const signingRoles = manifest.keys.filter((key) => key.purpose === 'sign' && !key.revoked && key.iin === key.userIin && new Date(key.notAfter) > now);
    expect(signingRoles.map((key) => key.role).sort()).toEqual(['citizen', 'citizen', 'clerk', 'head', 'mobileOperator', 'operator', 'supervisor']);
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
