import forge from 'node-forge';
import { ArmError } from '../../../shared/api';
import { toBinary, verifyDetached } from '../../../shared/signing';
import { checkSigningCertificate } from '../signing/sign';

function signerCertificate(cms: Uint8Array): forge.pki.Certificate {
  const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(toBinary(cms))) as forge.pkcs7.PkcsSignedData;
  const leaves = message.certificates.filter((cert) => (cert.getExtension('basicConstraints') as { cA?: boolean } | null)?.cA !== true);
  if (leaves.length !== 1) throw new ArmError('SIGNATURE_INVALID', 'The CMS must carry exactly one signer certificate.');
  return leaves[0]!;
}

/**
 * The operator's detached CMS over the request content: the digest, the RSA signature and the
 * signing time always; the chain and the CRL once the workstation has the gateway's roots. Until
 * then (the core has no roots yet) a chain that verifyDetached cannot anchor falls back to the
 * local checks signing itself makes: validity now, a signing key, the operator's own IIN.
 */
export function verifyOperatorSignature(cms: Uint8Array, content: Uint8Array, operatorIin: string, now: Date): void {
  try {
    verifyDetached({ cms, content, trustedRoots: [], crls: [], expectedIin: operatorIin, now });
  } catch (error) {
    // verifyDetached checks the digest and the signature before the chain: reaching
    // CERT_UNTRUSTED means both held.
    if (!(error instanceof ArmError) || error.code !== 'CERT_UNTRUSTED') throw error;
    checkSigningCertificate(signerCertificate(cms), operatorIin, now);
  }
}
