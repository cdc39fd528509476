import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCrl, verifyDetached } from '../../shared/signing';
import { signGostDetached } from '../../shared/signing/gost/cms';
import { openGostKeyFile } from '../../shared/signing/gost/keyFile';
import { median, report } from './report';

// GOST 34.10-2015 (512-bit) verification in pure TypeScript, beside signing.verify_ms (RSA): one
// detached CMS by НУЦ РК's test head key, with its intermediate in the CMS, checked against the
// real 10 KB test CRL (whose own GOST signature is verified too). Run from the repository root.
const fixtures = path.join('shared', 'signing', 'gost', 'fixtures');
const read = (name: string) => Uint8Array.from(readFileSync(path.join(fixtures, name)));
// Inside the test key's and the CRL's validity.
const NOW = new Date('2026-11-20T06:00:00Z');

export function gostBench(): void {
  const intermediate = read('nca_gost2022_test.cer');
  const crl = parseCrl(read('nca_gost2022_test.crl'));
  const key = openGostKeyFile(read('nca-test-head.p12'), 'Qwerty12');
  const content = new TextEncoder().encode(JSON.stringify({ serviceId: 'education-004', applicant: { iin: '920314450217' }, attachments: ['cd'.repeat(32)] }));
  const signs: number[] = [];
  const verifies: number[] = [];
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    const cms = signGostDetached({ content, key, signingTime: NOW, profile: 'kz', chain: [intermediate] });
    signs.push(performance.now() - started);
    started = performance.now();
    verifyDetached({ cms, content, trustedRoots: [intermediate], crls: [crl], expectedIin: '123456789011', now: NOW });
    verifies.push(performance.now() - started);
  }
  report('signing.gost_sign_ms', median(signs), 'ms');
  report('signing.gost_verify_ms', median(verifies), 'ms');
}
