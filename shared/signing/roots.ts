import forge from 'node-forge';
import type { CertificateCard } from './card';
import { fromBinary, toBinary } from './bytes';
import { certificateCard, certificatePem, parseCertificate } from './certificate';
import { rawCertificateCard } from './gost/cms';
import { readCertificate } from './gost/x509';

// A trusted root as the trust settings, the gateway's reference and verifyDetached carry it: a
// forge certificate (RSA), or the DER of a certificate forge cannot read (НУЦ РК's GOST roots).

export type TrustedRoot = forge.pki.Certificate | Uint8Array;

/** One PEM certificate block → a trusted root; null when it is no certificate we can read. */
export function parseTrustedRoot(pem: string): TrustedRoot | null {
  const rsa = parseCertificate(pem);
  if (rsa) return rsa;
  try {
    const block = forge.pem.decode(pem).find((candidate) => candidate.type === 'CERTIFICATE');
    if (!block) return null;
    const der = fromBinary(block.body);
    return readCertificate(der) ? der : null;
  } catch {
    return null;
  }
}

export function trustedRootPem(root: TrustedRoot): string {
  return root instanceof Uint8Array ? forge.pem.encode({ type: 'CERTIFICATE', body: toBinary(root) }) : certificatePem(root);
}

export function trustedRootCard(root: TrustedRoot): CertificateCard {
  if (!(root instanceof Uint8Array)) return certificateCard(root);
  const cert = readCertificate(root);
  if (!cert) throw new Error('a trusted root that cannot be read');
  return rawCertificateCard(cert);
}

// Read from the stored trust for every check, like the CRLs (crl.ts cachedCrl): parsed once per text.
const CACHED_ROOTS = 200;
const parsedRoots = new Map<string, TrustedRoot | null>();
/** parseTrustedRoot, once per PEM text; the result must not be changed. */
export function cachedTrustedRoot(pem: string): TrustedRoot | null {
  let root = parsedRoots.get(pem);
  if (root === undefined) {
    root = parseTrustedRoot(pem);
    if (parsedRoots.size >= CACHED_ROOTS) parsedRoots.clear();
    parsedRoots.set(pem, root);
  }
  return root;
}
