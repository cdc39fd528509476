import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import forge from 'node-forge';
import path from 'node:path';
import { ArmError, type ErrorCode } from '../shared/api/errors';
import type { GatewayMessage } from '../shared/gateway/api';
import { canonicalBytes, fromBase64, parseCertificate, parseCrl, parseTrustedRoot, trustedRootPem, verifyDetached, type OcspResponder, type TrustedRoot, type TrustedTime } from '../shared/signing';
import { requestPurpose, requireSignerRole } from '../shared/signing/roles';
import { createCryptoProvider, type Algorithm } from '../shared/crypto';
import { GOST_ALGORITHMS } from '../shared/signing/gost/provider';
import { GOST_CRL_FILE, GOST_ROOT_FILE } from '../shared/signing/testPki';

/**
 * The emulator's crypto provider: OpenSSL's RSA checks for every signature that arrives (forge's
 * JavaScript took ~1 ms a check, and each message has two). The emulator shares only shared/ with
 * the АРМ, so it registers its own RSA (and ECDSA, for its time-stamps) rather than the core's
 * provider; GOST is the shared JS implementation, as in the core's.
 */
// Public keys parsed once: the same operators' and CAs' keys arrive with every message (parsing
// them again was a third of the emulator's signature time). Bounded, as signers come and go.
const publicKeys = new Map<string, KeyObject>();
function publicKeyOf(spki: Uint8Array): KeyObject {
  const id = Buffer.from(spki).toString('base64');
  let key = publicKeys.get(id);
  if (!key) {
    if (publicKeys.size >= 10_000) publicKeys.clear();
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    publicKeys.set(id, key);
  }
  return key;
}

const nodeAlgorithm = (name: string, digest: string, oid: string): Algorithm => ({
  kind: 'signature',
  name,
  oids: [oid],
  digest,
  sign: (privateKey, data) => new Uint8Array(sign(digest, data, createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' }))),
  verify: (publicKey, data, signature) => verify(digest, data, publicKeyOf(publicKey), signature),
});
const digestOf = (name: string, size: number, oid: string): Algorithm => ({ kind: 'digest', name, oids: [oid], size, digest: (data) => new Uint8Array(createHash(name).update(data).digest()) });
export const gatewayCrypto = createCryptoProvider((length) => new Uint8Array(randomBytes(length)), [
  digestOf('sha256', 32, '2.16.840.1.101.3.4.2.1'),
  digestOf('sha512', 64, '2.16.840.1.101.3.4.2.3'),
  nodeAlgorithm('rsa-sha256', 'sha256', '1.2.840.113549.1.1.11'),
  nodeAlgorithm('rsa-sha512', 'sha512', '1.2.840.113549.1.1.13'),
  // ECDSA P-256 (DER signatures): the machine keys and the gateway's own time-stamp key.
  nodeAlgorithm('ecdsa-sha256', 'sha256', '1.2.840.10045.4.3.2'),
  ...GOST_ALGORITHMS,
]);

/**
 * THE SIGNATURE SEAM. The regulations have the gateway check the signer's certificate: validity
 * period, the revocation list, the chain, and the IIN in the certificate = the signer's IIN
 * («условие 2», seed 003 §3.0.2). Started with trust (roots + CRL), the emulator builds the
 * verifier below; a test may pass its own MessageSignatureVerifier to startGateway instead.
 */
/**
 * Judged at the signing time the signer claims, inside `trustedTime` (SIGNING_TIME_SKEW outside);
 * ok: with that time and the end of the certificate's validity (the receipt's stamp names the window).
 */
export type MessageSignatureVerifier = (message: GatewayMessage, trustedTime: TrustedTime) => { ok: true; signingTime?: string; notAfter?: string } | { ok: false; code: ErrorCode; reason: string };

/** What the gateway trusts and publishes (GET /reference/trust, GET /reference/crl). */
export interface GatewayTrust {
  /** RSA roots as forge reads them, GOST roots (НУЦ РК's) as DER. */
  roots: TrustedRoot[];
  /** DER of each issuer's CRL, served as they are so their signatures stay checkable. */
  crls: Uint8Array[];
  /** The CA's delegated OCSP responder (POST /ocsp); none: the gateway answers OCSP with 404. */
  ocsp?: OcspResponder | null;
}

/** The files `npm run pki:demo` writes (docs/pki-demo.md): the TEST root and its CRL, and the GOST root and its CRL when present. */
export function readTrustDir(dir: string): GatewayTrust {
  const root = parseTrustedRoot(readFileSync(path.join(dir, 'test-root-ca.pem'), 'utf8'));
  if (!root) throw new Error(`${dir}/test-root-ca.pem is not a certificate`);
  const crl = readFileSync(path.join(dir, 'test-crl.crl'));
  parseCrl(crl);
  const trust: GatewayTrust = { roots: [root], crls: [new Uint8Array(crl)], ocsp: readResponder(dir) };
  // A folder written before the GOST half existed has no GOST files: then RSA alone is trusted.
  if (existsSync(path.join(dir, GOST_ROOT_FILE))) {
    const gostRoot = parseTrustedRoot(readFileSync(path.join(dir, GOST_ROOT_FILE), 'utf8'));
    if (!gostRoot) throw new Error(`${dir}/${GOST_ROOT_FILE} is not a certificate`);
    const gostCrl = readFileSync(path.join(dir, GOST_CRL_FILE));
    parseCrl(gostCrl);
    trust.roots.push(gostRoot);
    trust.crls.push(new Uint8Array(gostCrl));
  }
  return trust;
}

/** test-ocsp.pem and test-ocsp.key, when the folder has them (an older demo PKI may not). */
function readResponder(dir: string): OcspResponder | null {
  if (!existsSync(path.join(dir, 'test-ocsp.key'))) return null;
  const certificate = parseCertificate(readFileSync(path.join(dir, 'test-ocsp.pem'), 'utf8'));
  if (!certificate) throw new Error(`${dir}/test-ocsp.pem is not a certificate`);
  return { certificate, key: forge.pki.privateKeyFromPem(readFileSync(path.join(dir, 'test-ocsp.key'), 'utf8')) };
}

export const trustPems = (trust: GatewayTrust): string[] => trust.roots.map(trustedRootPem);

/** The files `npm run pki:demo` writes for the reference data: the reference-data key and the heads' certificates. */
export const REFERENCE_KEY_FILE = 'reference-data.key.pem';
export const REFERENCE_CERT_FILE = 'reference-data.pem';
export const HEADS_FILE = 'heads.pem';

/** The reference-data key of a trust folder and the heads it publishes; null when the folder has no key (an older folder). */
export function readReferenceDir(dir: string): { signer: { key: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate }; heads: forge.pki.Certificate[] } | null {
  if (!existsSync(path.join(dir, REFERENCE_KEY_FILE))) return null;
  const key = forge.pki.privateKeyFromPem(readFileSync(path.join(dir, REFERENCE_KEY_FILE), 'utf8')) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.certificateFromPem(readFileSync(path.join(dir, REFERENCE_CERT_FILE), 'utf8'));
  const headsPem = existsSync(path.join(dir, HEADS_FILE)) ? readFileSync(path.join(dir, HEADS_FILE), 'utf8') : '';
  const heads = (headsPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((pem) => forge.pki.certificateFromPem(pem));
  return { signer: { key, certificate }, heads };
}

/**
 * Who must have signed a message: the operator for a request (requestContentSchema's
 * operator.iin), the provider's head for a result or refusal (payload.signer.iin), the deciding
 * clerk for a notice (payload.iin); null when the
 * payload does not say, which is refused as CERT_IIN_MISMATCH.
 */
export function signerIin(message: GatewayMessage): string | null {
  // A portal request is signed by the applicant (requestSignerIin), every other by the operator.
  // A notice (extension, return) names its signer's IIN at the top of its payload.
  if (message.kind === 'notice') return typeof message.payload.iin === 'string' ? message.payload.iin : null;
  const holder = message.kind === 'request' ? (message.payload.channel === 'portal' ? message.payload.applicant : message.payload.operator) : message.payload.signer;
  if (typeof holder !== 'object' || holder === null) return null;
  const iin = (holder as { iin?: unknown }).iin;
  return typeof iin === 'string' ? iin : null;
}

/**
 * The signature is a detached CMS over canonicalBytes(message.payload) — exactly what the АРМ's
 * signing.sign signed — checked against the trusted roots and the CRLs: validity and revocation
 * at the trusted signing time, each CRL no older than its nextUpdate at the gateway's clock
 * (no grace: the gateway refuses a CRL past its next update, CRL_STALE).
 * A message without a signature is refused: a gateway with trust configured accepts only signed mail.
 */
export function createSignatureVerifier(trust: GatewayTrust, now: () => Date): MessageSignatureVerifier {
  const crls = trust.crls.map((der) => parseCrl(der));
  return (message, trustedTime) => {
    // A status notice is the system's, not a person's: no ЭЦП to check (the gateway knows its
    // sender by the connection and the machine's envelope countersignature, issue 16). Every other
    // kind carries a person's signature — a notice (extension, return) its deciding clerk's.
    if (message.kind === 'status') return { ok: true };
    if (!message.signature) return { ok: false, code: 'SIGNATURE_INVALID', reason: 'The message is not signed.' };
    const cms = fromBase64(message.signature.value);
    if (!cms) return { ok: false, code: 'SIGNATURE_INVALID', reason: 'The signature is not base64.' };
    const expectedIin = signerIin(message);
    if (!expectedIin) return { ok: false, code: 'CERT_IIN_MISMATCH', reason: 'The payload names no signer IIN.' };
    try {
      const verified = verifyDetached({ cms, content: canonicalBytes(message.payload), trustedRoots: trust.roots, crls, expectedIin, now: now(), crypto: gatewayCrypto, trustedTime });
      // НУЦ key roles: an operator's employee key for a request, a head's (or may-sign) key for a result.
      requireSignerRole(verified.signer, message.kind === 'request' ? requestPurpose(String(message.payload.channel)) : message.kind === 'notice' ? 'notice' : 'result', null);
      return { ok: true, signingTime: verified.signingTime, notAfter: verified.signer.notAfter };
    } catch (error) {
      if (error instanceof ArmError) return { ok: false, code: error.code, reason: error.message };
      return { ok: false, code: 'SIGNATURE_INVALID', reason: 'The signature cannot be read.' };
    }
  };
}
