import forge from 'node-forge';
import { ArmError } from '../../api/errors';
import { fromBinary, toBinary } from '../bytes';
import { curveOf, GOST_OID } from './algorithms';
import { bigToBytesLE, bytesToBigLE, encodePublicKey, GOST_CURVES, publicKeyOf, TC26_512_A, type GostCurve } from './gost3410';
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

/**
 * OpenSSL 3 encrypts with PBES2, whose password is UTF-8 bytes, while the MAC uses the BMPString
 * form; forge uses the JS string for both, so a Cyrillic password passes the MAC and then fails to
 * decrypt. The MAC having accepted the password, the file is read again without it, the password as
 * UTF-8. (The core's RSA opener and the GOST one below both read key files through this.)
 */
export function readPkcs12(file: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  const asn1 = forge.asn1.fromDer(toBinary(file));
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch (error) {
    const utf8 = forge.util.encodeUtf8(password);
    if (utf8 === password || !(error instanceof Error) || !/Failed to decrypt|Unable to decrypt/.test(error.message)) throw error;
    const withoutMac = forge.asn1.create(asn1.tagClass, asn1.type, asn1.constructed, (asn1.value as forge.asn1.Asn1[]).slice(0, 2));
    return forge.pkcs12.pkcs12FromAsn1(withoutMac, true, utf8);
  }
}

/** Opens a GOST key file; KEY_PASSWORD_WRONG / KEY_FILE_INVALID as for RSA files. */
export function openGostKeyFile(p12: Uint8Array, password: string): GostKey {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = readPkcs12(p12, password);
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

/**
 * A GOST key file for the test PKI, in the layout OpenSSL 3 writes by default and the АРМ's
 * opener reads (readPkcs12 above, or OpenSSL's pkcs12): the PKCS#8 key (НУЦ РК's OIDs) in a
 * shrouded key bag under PBES2 — PBKDF2-HMAC-SHA256, AES-256-CBC, the password as UTF-8 — the
 * certificates (public) in a plain SafeContents, and an HMAC-SHA256 MAC. НУЦ's own files use the
 * older SHA-1/3DES and RC2 PBEs, which forge also reads (gostNca.test.ts opens them); new files
 * need not repeat RC2, which OpenSSL 3 no longer reads without its legacy provider.
 */
export function gostKeyFile(key: GostKey, password: string, options: { iterations?: number } = {}): Uint8Array {
  const { asn1 } = forge;
  const iterations = options.iterations ?? 2048;
  const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
  const set = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
  const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
  const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
  const explicit = (node: forge.asn1.Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [node]);
  const data = (content: forge.asn1.Asn1) => seq([oid(forge.pki.oids.data!), explicit(octets(asn1.toDer(content).getBytes()))]);
  const random = (length: number) => toBinary(globalThis.crypto.getRandomValues(new Uint8Array(length)));

  const localKeyId = forge.md.sha1.create().update(toBinary(key.certificate.der)).digest().getBytes();
  const attributes = set([seq([oid(forge.pki.oids.localKeyId!), set([octets(localKeyId)])])]);
  const privateKeyInfo = asn1.fromDer(toBinary(gostPrivateKeyInfo(key, 'kz')));
  const encrypted = forge.pki.encryptPrivateKeyInfo(privateKeyInfo, forge.util.encodeUtf8(password), { algorithm: 'aes256', count: iterations, prfAlgorithm: 'sha256' } as forge.pki.EncryptionOptions);
  const keyBag = seq([oid(forge.pki.oids.pkcs8ShroudedKeyBag!), explicit(encrypted), attributes]);
  const certBag = (der: Uint8Array, withId: boolean) =>
    seq([oid(forge.pki.oids.certBag!), explicit(seq([oid(forge.pki.oids.x509Certificate!), explicit(octets(toBinary(der)))])), ...(withId ? [attributes] : [])]);
  const authenticatedSafe = asn1.toDer(seq([data(seq([keyBag])), data(seq([certBag(key.certificate.der, true), ...key.chain.map((der) => certBag(der, false))]))])).getBytes();

  const salt = random(16);
  const macKey = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, iterations, 32, forge.md.sha256.create());
  const hmac = forge.hmac.create();
  hmac.start(forge.md.sha256.create(), macKey);
  hmac.update(authenticatedSafe);
  const macData = seq([
    seq([seq([oid(forge.pki.oids.sha256!), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]), octets(hmac.digest().getBytes())]),
    octets(salt),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(iterations).getBytes()),
  ]);
  const pfx = seq([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(3).getBytes()), seq([oid(forge.pki.oids.data!), explicit(octets(authenticatedSafe))]), macData]);
  return fromBinary(asn1.toDer(pfx).getBytes());
}

/** The curve and private scalar of a PKCS#8 PrivateKeyInfo under НУЦ РК's or TC 26's OIDs. */
export function gostPrivateKeyOf(info: forge.asn1.Asn1 | Uint8Array): { curve: GostCurve; privateKey: bigint } {
  let keyInfo: forge.asn1.Asn1;
  let keyOid: string;
  let paramsOid: string | null;
  try {
    keyInfo = info instanceof Uint8Array ? forge.asn1.fromDer(toBinary(info)) : info;
    const algorithm = ((keyInfo.value as forge.asn1.Asn1[])[1]?.value ?? []) as forge.asn1.Asn1[];
    keyOid = forge.asn1.derToOid(algorithm[0]?.value as string);
    const params = algorithm[1];
    paramsOid = params?.type === forge.asn1.Type.SEQUENCE ? forge.asn1.derToOid((params.value as forge.asn1.Asn1[])[0]!.value as string) : null;
  } catch (error) {
    throw new ArmError('KEY_FILE_INVALID', `Unreadable private key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const curve = curveOf(keyOid, paramsOid);
  try {
    return { curve, privateKey: privateScalar(keyInfo, curve) };
  } catch (error) {
    throw new ArmError('KEY_FILE_INVALID', `Unreadable GOST private key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * PKCS#8 PrivateKeyInfo of a GOST key (RFC 9215 §4: the key as an OCTET STRING, little-endian, in
 * the privateKey OCTET STRING), under НУЦ РК's OIDs for its 512-bit curve ('kz') or TC 26's.
 */
export function gostPrivateKeyInfo(key: { curve: GostCurve; privateKey: bigint }, profile: 'kz' | 'ru' = 'kz'): Uint8Array {
  const { asn1 } = forge;
  const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
  const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
  const kz = profile === 'kz' && key.curve === TC26_512_A;
  const paramsOid = kz ? GOST_OID.kzParams512A : Object.keys(GOST_CURVES).find((candidate) => GOST_CURVES[candidate] === key.curve && candidate.startsWith('1.2.643.7.1.2.1.'));
  if (!paramsOid) throw new Error(`no parameter OID for curve ${key.curve.name}`);
  const bits = key.curve.size === 64 ? 512 : 256;
  const keyOid = kz ? GOST_OID.kzKey : bits === 512 ? GOST_OID.key512 : GOST_OID.key256;
  const digestOid = kz ? GOST_OID.kzDigest512 : bits === 512 ? GOST_OID.digest512 : GOST_OID.digest256;
  const info = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, '\x00'),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [oid(keyOid), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [oid(paramsOid), oid(digestOid)])]),
    octets(asn1.toDer(octets(toBinary(bigToBytesLE(key.privateKey, key.curve.size)))).getBytes()),
  ]);
  return fromBinary(asn1.toDer(info).getBytes());
}

/** A GOST key from its PKCS#8 PrivateKeyInfo and the certificates that may carry its public key. */
export function gostKeyFromPrivateKeyInfo(info: forge.asn1.Asn1 | Uint8Array, certificates: RawCertificate[]): GostKey {
  const { curve, privateKey } = gostPrivateKeyOf(info);
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
