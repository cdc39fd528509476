import forge from 'node-forge';
import { ArmError } from '../../api/errors';
import { fromBinary, toBinary } from '../bytes';
import { curveOf } from './algorithms';
import { bytesToBigLE, encodePublicKey, publicKeyOf, type GostCurve } from './gost3410';
import { gostPublicKey, readCertificate, type RawCertificate } from './x509';

// A GOST key in a PKCS#12 file as НУЦ РК issues them (GOSTKNCA_….p12): the PrivateKeyInfo holds
// the private key as an OCTET STRING, little-endian like the rest of GOST's encodings (checked
// against the public key of the certificate beside it).

export interface GostKey {
  curve: GostCurve;
  privateKey: bigint;
  certificate: RawCertificate;
  /** Other certificates in the file (issuers), as DER. */
  chain: Uint8Array[];
}

function privateScalar(info: forge.asn1.Asn1, curve: GostCurve): bigint {
  const raw = (info.value as forge.asn1.Asn1[])[2]?.value;
  if (typeof raw !== 'string') throw new Error('no private key');
  // Either the OCTET STRING itself or an OCTET STRING / INTEGER wrapped in it (both are in use).
  let bytes = fromBinary(raw);
  try {
    const inner = forge.asn1.fromDer(raw);
    if (inner.type === forge.asn1.Type.OCTETSTRING) bytes = fromBinary(inner.value as string);
    if (inner.type === forge.asn1.Type.INTEGER) bytes = fromBinary(inner.value as string).reverse();
  } catch {
    // a bare key
  }
  if (bytes.length > curve.size) throw new Error('private key too long');
  return bytesToBigLE(bytes);
}

/** Opens a GOST key file; KEY_PASSWORD_WRONG / KEY_FILE_INVALID as for RSA files. */
export function openGostKeyFile(p12: Uint8Array, password: string): GostKey {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(toBinary(p12)), password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC/i.test(message)) throw new ArmError('KEY_PASSWORD_WRONG', 'The key file password is wrong.');
    throw new ArmError('KEY_FILE_INVALID', `Not a key file: ${message}`);
  }
  const bags = parsed.safeContents.flatMap((content) => content.safeBags);
  const keyBag = bags.find((bag) => bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag);
  const certificates = bags
    .filter((bag) => bag.type === forge.pki.oids.certBag && bag.asn1)
    .map((bag) => readCertificate(fromBinary(forge.asn1.toDer(bag.asn1!).getBytes())))
    .filter((cert): cert is RawCertificate => cert !== null);
  if (!keyBag?.asn1) throw new ArmError('KEY_FILE_INVALID', 'The file holds no GOST private key.');
  return gostKeyFromPrivateKeyInfo(keyBag.asn1, certificates);
}

/** A GOST key from its PKCS#8 PrivateKeyInfo and the certificates that may carry its public key. */
export function gostKeyFromPrivateKeyInfo(info: forge.asn1.Asn1 | Uint8Array, certificates: RawCertificate[]): GostKey {
  const keyInfo = info instanceof Uint8Array ? forge.asn1.fromDer(toBinary(info)) : info;
  const algorithm = ((keyInfo.value as forge.asn1.Asn1[])[1]?.value ?? []) as forge.asn1.Asn1[];
  const keyOid = forge.asn1.derToOid(algorithm[0]?.value as string);
  const params = algorithm[1];
  const paramsOid = params?.type === forge.asn1.Type.SEQUENCE ? forge.asn1.derToOid((params.value as forge.asn1.Asn1[])[0]!.value as string) : null;
  const curve = curveOf(keyOid, paramsOid);
  let privateKey: bigint;
  try {
    privateKey = privateScalar(keyInfo, curve);
  } catch (error) {
    throw new ArmError('KEY_FILE_INVALID', `Unreadable GOST private key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const own = encodePublicKey(curve, publicKeyOf(curve, privateKey));
  const certificate = certificates.find((cert) => {
    try {
      const { point } = gostPublicKey(cert);
      return encodePublicKey(curve, point).every((byte, i) => byte === own[i]);
    } catch {
      return false;
    }
  });
  if (!certificate) throw new ArmError('KEY_FILE_INVALID', 'No certificate in the file matches the private key.');
  return { curve, privateKey, certificate, chain: certificates.filter((cert) => cert !== certificate).map((cert) => cert.der) };
}
