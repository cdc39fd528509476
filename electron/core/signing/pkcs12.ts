import { createDecipheriv, createPrivateKey, pbkdf2Sync, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

// A key file (PKCS#12) opened with OpenSSL's primitives: the shrouded key bag is an
// EncryptedPrivateKeyInfo, which node:crypto decrypts itself (PKCS#12 PBE and PBES2 alike), and a
// certificate safe encrypted with PBES2 is PBKDF2 + AES. Opening a file in forge's JavaScript cost
// 11 ms of the operator's wait for every signature. Anything else (RC2-encrypted certificates, an
// unknown layout, a wrong password) returns null, and the caller opens the file with forge, whose
// MAC check tells a wrong password from a damaged file.
//
// The MAC is not checked here: the password is proven by a decrypted key whose public half is the
// certificate's, and the certificate is trusted by its chain to the gateway's roots, never by the
// file it came in.

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
};
const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHER: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

export interface NativeKey {
  privateKey: KeyObject;
  /** DER of the certificate whose public key is the private key's. */
  certificate: Uint8Array;
}

/** Thrown inside this module for a layout it leaves to forge; never escapes. */
class NotNative extends Error {}

const children = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? node.value : []);
const oidOf = (node: Node | undefined): string => {
  if (node?.type !== asn1.Type.OID) throw new NotNative('expected an OID');
  return asn1.derToOid(node.value as string);
};
const bytesOf = (binary: string) => Buffer.from(binary, 'binary');
const derOf = (node: Node) => bytesOf(asn1.toDer(node).getBytes());

/** An OCTET STRING's bytes, also when written constructed (BER, as some CAs write PKCS#12). */
function octets(node: Node | undefined): Buffer {
  if (!node || node.type !== asn1.Type.OCTETSTRING) throw new NotNative('expected an OCTET STRING');
  return typeof node.value === 'string' ? bytesOf(node.value) : Buffer.concat(children(node).map(octets));
}

/** The [0] EXPLICIT content of a ContentInfo-like node. */
function explicit(node: Node | undefined): Node {
  const tagged = children(node)[1];
  if (tagged?.tagClass !== asn1.Class.CONTEXT_SPECIFIC || tagged.type !== 0) throw new NotNative('expected [0]');
  const inner = children(tagged)[0];
  if (!inner) throw new NotNative('empty [0]');
  return inner;
}

function integer(node: Node | undefined): number {
  if (node?.type !== asn1.Type.INTEGER) throw new NotNative('expected an INTEGER');
  return Number.parseInt(forge.util.bytesToHex(node.value as string), 16);
}

/** PBES2 (RFC 8018): PBKDF2 then a block cipher; what OpenSSL 3 encrypts certificates with. */
function decryptPbes2(algorithm: Node, encrypted: Buffer, password: string): Buffer {
  if (oidOf(children(algorithm)[0]) !== OID.pbes2) throw new NotNative('not PBES2');
  const [kdf, scheme] = children(children(algorithm)[1]);
  if (oidOf(children(kdf)[0]) !== OID.pbkdf2) throw new NotNative('not PBKDF2');
  const params = children(children(kdf)[1]);
  const salt = octets(params[0]);
  const iterations = integer(params[1]);
  const prfNode = params.slice(2).find((item) => item.type === asn1.Type.SEQUENCE);
  const prf = prfNode ? PRF[oidOf(children(prfNode)[0])] : 'sha1';
  const cipher = CIPHER[oidOf(children(scheme)[0])];
  if (!prf || !cipher || iterations < 1 || iterations > 10_000_000) throw new NotNative('unsupported PBES2 parameters');
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  const decipher = createDecipheriv(cipher.name, key, octets(children(scheme)[1]));
  return Buffer.concat([decipher.update(encrypted), decipher.final()]);
}

/** The SafeBags of one ContentInfo of the AuthenticatedSafe. */
function safeBags(contentInfo: Node, password: string): Node[] {
  const type = oidOf(children(contentInfo)[0]);
  if (type === OID.data) return children(asn1.fromDer(octets(explicit(contentInfo)).toString('binary')));
  if (type !== OID.encryptedData) throw new NotNative(`content type ${type}`);
  const [, encryptedContentInfo] = children(explicit(contentInfo));
  const [, algorithm, content] = children(encryptedContentInfo);
  if (!algorithm || content?.tagClass !== asn1.Class.CONTEXT_SPECIFIC) throw new NotNative('no encrypted content');
  // [0] IMPLICIT OCTET STRING: primitive bytes, or constructed pieces.
  const encrypted = typeof content.value === 'string' ? bytesOf(content.value) : Buffer.concat(children(content).map(octets));
  return children(asn1.fromDer(decryptPbes2(algorithm, encrypted, password).toString('binary')));
}

function readBags(file: Uint8Array, password: string): { keys: KeyObject[]; certificates: Buffer[] } {
  const pfx = asn1.fromDer(Buffer.from(file).toString('binary'));
  const authenticatedSafe = asn1.fromDer(octets(explicit(children(pfx)[1])).toString('binary'));
  const keys: KeyObject[] = [];
  const certificates: Buffer[] = [];
  for (const contentInfo of children(authenticatedSafe)) {
    for (const bag of safeBags(contentInfo, password)) {
      const bagId = oidOf(children(bag)[0]);
      const value = explicit(bag);
      if (bagId === OID.shroudedKeyBag) keys.push(createPrivateKey({ key: derOf(value), format: 'der', type: 'pkcs8', passphrase: password }));
      else if (bagId === OID.keyBag) keys.push(createPrivateKey({ key: derOf(value), format: 'der', type: 'pkcs8' }));
      else if (bagId === OID.certBag && oidOf(children(value)[0]) === OID.x509Certificate) certificates.push(octets(explicit(value)));
    }
  }
  return { keys, certificates };
}

/** An INTEGER's magnitude: its bytes without the sign octet DER puts before a high bit. */
function magnitude(node: Node | undefined): Buffer {
  if (node?.type !== asn1.Type.INTEGER) throw new NotNative('expected an INTEGER');
  const bytes = bytesOf(node.value as string);
  return bytes[0] === 0 ? bytes.subarray(1) : bytes;
}

/** The RSA modulus and exponent of an X.509 certificate, or null when it is not an RSA one. */
function rsaPublicOf(certificate: Buffer): { n: Buffer; e: Buffer } | null {
  try {
    const tbs = children(children(asn1.fromDer(certificate.toString('binary')))[0]);
    // TBSCertificate: [0] version (absent in v1), serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
    const [, bitString] = children(tbs[tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 6 : 5]);
    if (bitString?.type !== asn1.Type.BITSTRING) return null;
    // forge reads an encapsulated key into the BIT STRING's children; otherwise its value is bytes.
    const rsaPublicKey = Array.isArray(bitString.value) ? bitString.value[0] : asn1.fromDer((bitString.value as string).slice(1));
    const [n, e] = children(rsaPublicKey);
    return { n: magnitude(n), e: magnitude(e) };
  } catch {
    return null;
  }
}

/**
 * The RSA key and its certificate, or null when forge must open the file (see above). The
 * certificate is the one whose public key is the private key's public half, compared by modulus
 * and exponent (from the key's JWK, which OpenSSL hands out in microseconds; an SPKI export took
 * 0.15 ms and node:crypto's X509Certificate a quarter of a millisecond for the same answer).
 */
export function openPkcs12Natively(file: Uint8Array, password: string): NativeKey | null {
  let bags: ReturnType<typeof readBags>;
  try {
    bags = readBags(file, password);
  } catch {
    return null;
  }
  for (const privateKey of bags.keys) {
    if (privateKey.asymmetricKeyType !== 'rsa') continue;
    const jwk = privateKey.export({ format: 'jwk' });
    const n = Buffer.from(jwk.n ?? '', 'base64url');
    const e = Buffer.from(jwk.e ?? '', 'base64url');
    const der = bags.certificates.find((certificate) => {
      const publicKey = rsaPublicOf(certificate);
      return publicKey !== null && publicKey.n.equals(n) && publicKey.e.equals(e);
    });
    if (der) return { privateKey, certificate: new Uint8Array(der) };
  }
  return null;
}
