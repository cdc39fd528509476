import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

// The update metadata (latest.yml and its kin) is signed with the АРМ's own update key, Ed25519,
// besides Windows code signing: the metadata names the installer's SHA-512, so a checked metadata
// file pins the download. The private key stays with whoever publishes releases
// (npm run update:sign); the public key is packed with the app (build-resources/update-key.pem).

export const SIGNATURE_SUFFIX = '.sig';

export function updateKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The base64 Ed25519 signature of the file's exact bytes. */
export function signMetadata(bytes: Uint8Array, privateKeyPem: string): string {
  return sign(null, bytes, createPrivateKey(privateKeyPem)).toString('base64');
}

export function metadataSignatureValid(bytes: Uint8Array, signatureBase64: string, publicKeyPem: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signatureBase64.trim(), 'base64'));
  } catch {
    return false;
  }
}
