import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// A sealed file: its own random key (ключ файла) encrypts the bytes with AES-256-GCM, and the
// caller's key wraps that file key. Destroying one file's header destroys only that file; a
// backup re-wraps the file keys under the backup password without touching the data key.
//   MAGIC(8) | wrap iv(12) | wrapped file key(32) | wrap tag(16) | iv(12) | tag(16) | ciphertext
const MAGIC = Buffer.from('ARMSEAL1');
const HEADER = MAGIC.length + 12 + 32 + 16 + 12 + 16;

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

function gcm(key: Buffer, iv: Buffer, plain: Uint8Array, aad: Buffer): { data: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  // GCM's final() gives no bytes: the ciphertext is update()'s buffer, not a copy of it (a scan is a megabyte).
  const data = cipher.update(plain);
  const rest = cipher.final();
  return { data: rest.length ? Buffer.concat([data, rest]) : data, tag: cipher.getAuthTag() };
}

function ungcm(key: Buffer, iv: Buffer, data: Uint8Array, tag: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const plain = decipher.update(data);
  const rest = decipher.final();
  return rest.length ? Buffer.concat([plain, rest]) : plain;
}

/** The sealed file as its header and its ciphertext, for a writer that writes both without joining them. */
export function sealParts(key: Buffer, plain: Uint8Array): [header: Buffer, ciphertext: Buffer] {
  const fileKey = randomBytes(32);
  const wrapIv = randomBytes(12);
  const wrapped = gcm(key, wrapIv, fileKey, MAGIC);
  const iv = randomBytes(12);
  const body = gcm(fileKey, iv, plain, MAGIC);
  return [Buffer.concat([MAGIC, wrapIv, wrapped.data, wrapped.tag, iv, body.tag]), body.data];
}

export function seal(key: Buffer, plain: Uint8Array): Buffer {
  return Buffer.concat(sealParts(key, plain));
}

/** The plain bytes, or null when the file is not sealed under this key or was altered. */
export function unseal(key: Buffer, sealed: Uint8Array): Buffer | null {
  if (!isSealed(sealed)) return null;
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  let at = MAGIC.length;
  const take = (n: number) => bytes.subarray(at, (at += n));
  const wrapIv = take(12);
  const wrapped = take(32);
  const wrapTag = take(16);
  const iv = take(12);
  const tag = take(16);
  try {
    const fileKey = ungcm(key, wrapIv, wrapped, wrapTag, MAGIC);
    return ungcm(fileKey, iv, bytes.subarray(HEADER), tag, MAGIC);
  } catch {
    return null;
  }
}

/** The same file under another key, for a backup or a restore: only the file key is re-wrapped. */
export function rewrap(from: Buffer, to: Buffer, sealed: Uint8Array): Buffer | null {
  if (!isSealed(sealed)) return null;
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const wrapIv = bytes.subarray(8, 20);
  let fileKey: Buffer;
  try {
    fileKey = ungcm(from, wrapIv, bytes.subarray(20, 52), bytes.subarray(52, 68), MAGIC);
  } catch {
    return null;
  }
  const newIv = randomBytes(12);
  const wrapped = gcm(to, newIv, fileKey, MAGIC);
  return Buffer.concat([MAGIC, newIv, wrapped.data, wrapped.tag, bytes.subarray(68)]);
}
