import forge from 'node-forge';
import { ArmError } from '../../../shared/api';
import { asParsed, cachedCertificate, fromBinary, toBinary } from '../../../shared/signing';
import { readPkcs12 } from '../../../shared/signing/gost/keyFile';
import { exportPrivateKey } from '../crypto/node';
import { openPkcs12Natively } from './pkcs12';

// Opening a key file (ключ ЭЦП, PKCS#12 as НУЦ РК issues it). The password and the private key
// live only in the caller's stack frame: nothing here stores, caches or logs them.

export interface OpenedKey {
  /** PKCS#8 DER, for the crypto provider's rsa-sha256. */
  privateKey: Uint8Array;
  /** Parsed once per process (shared/signing cachedCertificate): read it, never change it. */
  certificate: forge.pki.Certificate;
}

function samePublicKey(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate): boolean {
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n?.equals(key.n) === true && publicKey.e?.equals(key.e) === true;
}

function bagsOf<T>(p12: forge.pkcs12.Pkcs12Pfx, type: string, pick: (bag: forge.pkcs12.Bag) => T | undefined | null): T[] {
  return (p12.getBags({ bagType: type })[type] ?? []).map(pick).filter((value): value is T => value !== undefined && value !== null);
}

/** KEY_PASSWORD_WRONG when the file's MAC refuses the password, KEY_FILE_INVALID for anything that is not a usable PKCS#12. */
export function openKey(file: Uint8Array, password: string): OpenedKey {
  if (file.length === 0) throw new ArmError('KEY_FILE_INVALID', 'The key file is empty.');
  const native = openPkcs12Natively(file, password);
  if (native) {
    // The file's other certificates (its issuers) are not read: an RSA signature carries the
    // signer's certificate alone, and the verifier takes issuers from its own trust list.
    const certificate = cachedCertificate(toBinary(native.certificate));
    if (certificate) return { privateKey: exportPrivateKey(native.privateKey), certificate };
  }
  return openWithForge(file, password);
}

/** The layouts OpenSSL's primitives do not reach (RC2-encrypted certificates), and every error. */
function openWithForge(file: Uint8Array, password: string): OpenedKey {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = readPkcs12(file, password);
  } catch (error) {
    // forge's only signal for a wrong password is this message of its MAC check.
    if (error instanceof Error && /Invalid password/i.test(error.message)) throw new ArmError('KEY_PASSWORD_WRONG', 'The password does not open this key file.');
    throw new ArmError('KEY_FILE_INVALID', 'The file is not a PKCS#12 key file.');
  }
  const keys = [
    ...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag!, (bag) => bag.key as forge.pki.rsa.PrivateKey | undefined),
    ...bagsOf(p12, forge.pki.oids.keyBag!, (bag) => bag.key as forge.pki.rsa.PrivateKey | undefined),
  ];
  const certificates = bagsOf(p12, forge.pki.oids.certBag!, (bag) => bag.cert).map(asParsed);
  for (const key of keys) {
    const certificate = certificates.find((cert) => samePublicKey(key, cert));
    if (certificate) {
      const privateKey = fromBinary(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes());
      return { privateKey, certificate };
    }
  }
  throw new ArmError('KEY_FILE_INVALID', 'The key file holds no RSA private key with its certificate.');
}
