import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { certificateCard, certificateDer, certificatePem, crlPem, parseCrl, type CertificateCard } from '../../../shared/signing';
import { rawCertificateCard } from '../../../shared/signing/gost/cms';
import { gostPem } from '../../../shared/signing/gost/issue';
import { createDemoPki, DEMO_PASSWORD, GOST_CRL_FILE, GOST_ROOT_FILE, issueReferenceDataKey, type DemoKeyId, type GostDemoKeyId } from '../../../shared/signing/testPki';

// Writes the training PKI to a folder (`npm run pki:demo -- --out <dir>`, docs/pki-demo.md): what a
// trainer copies to a workstation and what the gateway emulator is given as its trusted root and CRL.

/** What the manifest shows of a key's certificate, RSA or GOST alike. */
const shownOf = (card: CertificateCard) => ({
  commonName: card.subject.commonName,
  iin: card.subject.iin,
  organisation: card.subject.organisation,
  bin: card.subject.bin,
  purpose: card.purpose,
  notBefore: card.notBefore,
  notAfter: card.notAfter,
});

export interface DemoKeyEntry {
  id: DemoKeyId;
  role: string;
  file: string;
  commonName: string;
  iin: string | null;
  organisation: string | null;
  bin: string | null;
  purpose: string;
  notBefore: string;
  notAfter: string;
  revoked: boolean;
  /** The IIN of the user expected to sign with it (differs from `iin` for the foreign-IIN key). */
  userIin: string;
  note: string;
}

export interface DemoManifest {
  warning: string;
  password: string;
  root: { pem: string; der: string; fingerprintSha256: string };
  crl: { pem: string; der: string; thisUpdate: string; nextUpdate: string };
  keys: DemoKeyEntry[];
  /** The GOST 34.10-2015 half: its own root and CRL, keys of the same people (НУЦ РК's OIDs). */
  gost: {
    root: { pem: string; der: string; fingerprintSha256: string };
    crl: { pem: string; der: string };
    keys: Array<Omit<DemoKeyEntry, 'id' | 'revoked' | 'userIin'> & { id: GostDemoKeyId }>;
  };
}



export const MANIFEST_FILE = 'pki-demo.json';

export async function writeDemoPki(outDir: string, options: { now: Date; password?: string }): Promise<DemoManifest> {
  const password = options.password ?? DEMO_PASSWORD;
  const demo = await createDemoPki({ now: options.now, password });
  mkdirSync(outDir, { recursive: true });
  const write = (name: string, content: string | Uint8Array) => writeFileSync(path.join(outDir, name), content);

  write('test-root-ca.pem', certificatePem(demo.root.certificate));
  write('test-root-ca.cer', certificateDer(demo.root.certificate));
  write('test-crl.pem', crlPem(demo.crl));
  write('test-crl.crl', demo.crl);
  // The gateway's reference-data key and the heads it publishes to every АРМ (gateway/signature.ts readReferenceDir).
  const reference = await issueReferenceDataKey(demo.root, options.now);
  write('reference-data.key.pem', forge.pki.privateKeyToPem(reference.key));
  write('reference-data.pem', certificatePem(reference.certificate));
  write('heads.pem', Object.values(demo.keys).filter((key) => key.role === 'head' && key.kind === 'sign' && !key.revoked).map((key) => certificatePem(key.certificate)).join(''));
  // The gateway emulator's OCSP responder (POST /ocsp); its key is as much a TEST secret as the p12s.
  write('test-ocsp.pem', certificatePem(demo.ocsp.certificate));
  write('test-ocsp.key', forge.pki.privateKeyToPem(demo.ocsp.key));
  const keys = Object.values(demo.keys).map((key): DemoKeyEntry => {
    const file = `${key.id}.p12`;
    write(file, key.p12);
    const card = certificateCard(key.certificate);
    return {
      id: key.id,
      role: key.role,
      file,
      ...shownOf(card),
      revoked: key.revoked,
      userIin: key.userIin,
      note: key.note,
    };
  });
  const gost = demo.gost;
  write(GOST_ROOT_FILE, gostPem('CERTIFICATE', gost.root.certificate.der));
  write('gost-root-ca.cer', gost.root.certificate.der);
  write('gost-crl.pem', gostPem('X509 CRL', gost.crl));
  write(GOST_CRL_FILE, gost.crl);
  const gostKeys = Object.values(gost.keys).map((key) => {
    // gost-operator.p12, gost-head.p12…
    const file = `${key.id.replace(/^gost/, 'gost-').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.p12`;
    write(file, key.p12);
    const card = rawCertificateCard(key.certificate);
    return {
      id: key.id,
      role: key.role,
      file,
      ...shownOf(card),
      note: key.note,
    };
  });
  const crl = parseCrl(demo.crl);
  const manifest: DemoManifest = {
    warning: 'TEST PKI for training and tests only. Never trust this root in production.',
    password,
    root: { pem: 'test-root-ca.pem', der: 'test-root-ca.cer', fingerprintSha256: certificateCard(demo.root.certificate).fingerprintSha256 },
    crl: { pem: 'test-crl.pem', der: 'test-crl.crl', thisUpdate: crl.thisUpdate.toISOString(), nextUpdate: crl.nextUpdate?.toISOString() ?? '' },
    keys,
    gost: {
      root: { pem: GOST_ROOT_FILE, der: 'gost-root-ca.cer', fingerprintSha256: rawCertificateCard(gost.root.certificate).fingerprintSha256 },
      crl: { pem: 'gost-crl.pem', der: GOST_CRL_FILE },
      keys: gostKeys,
    },
  };
  write(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
