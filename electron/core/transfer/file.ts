import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ArmError } from '../../../shared/api';

// The transfer file (перенос данных передвижного ЦОН): one sealed box.
//
//   magic "ARM-TRANSFER-1\n" | salt 16 | key check 16 | IV 12 | AES-256-GCM ciphertext | GCM tag 16
//
// Key: scrypt of the centre's transfer password (set by the supervisor, typed on both АРМs).
// Why a password and not CMS: the receiving АРМ has no key of its own to decrypt to, and the
// operator's ЭЦП needs the key file at hand on both sides; what matters here is "made in our
// centre and not altered", which the GCM tag under the password's key proves (it is a MAC as an
// HMAC would be). Who exported, and when, is inside the authenticated content; each request
// keeps its own CMS signature by its operator, which the gateway checks on delivery.
// The key check (an HMAC of a fixed string) tells a wrong password from an altered file.

const MAGIC = Buffer.from('ARM-TRANSFER-1\n', 'ascii');
const SALT = 16;
const CHECK = 16;
const IV = 12;
const TAG = 16;
const HEADER = MAGIC.length + SALT + CHECK + IV;
// scrypt N=2^15, r=8: about 0.1 s and 32 MB, once per file.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function keys(password: string, salt: Buffer): { encryption: Buffer; check: Buffer } {
  const derived = scryptSync(password.normalize('NFC'), salt, 64, SCRYPT);
  const encryption = derived.subarray(0, 32);
  const check = createHmac('sha256', derived.subarray(32)).update('arm-transfer-password-check').digest().subarray(0, CHECK);
  return { encryption, check };
}

export function seal(plain: Buffer, password: string): Buffer {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const { encryption, check } = keys(password, salt);
  const header = Buffer.concat([MAGIC, salt, check, iv]);
  const cipher = createCipheriv('aes-256-gcm', encryption, iv);
  // The header is authenticated too: a changed salt or IV is an altered file.
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

export function open(file: Buffer, password: string): Buffer {
  if (file.length < HEADER + TAG || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new ArmError('TRANSFER_FILE_INVALID', 'Not an АРМ transfer file.');
  const salt = file.subarray(MAGIC.length, MAGIC.length + SALT);
  const expected = file.subarray(MAGIC.length + SALT, MAGIC.length + SALT + CHECK);
  const iv = file.subarray(MAGIC.length + SALT + CHECK, HEADER);
  const { encryption, check } = keys(password, salt);
  if (!timingSafeEqual(check, expected)) throw new ArmError('TRANSFER_PASSWORD_WRONG', 'The transfer password does not open this file.');
  const decipher = createDecipheriv('aes-256-gcm', encryption, iv);
  decipher.setAAD(file.subarray(0, HEADER));
  decipher.setAuthTag(file.subarray(file.length - TAG));
  try {
    return Buffer.concat([decipher.update(file.subarray(HEADER, file.length - TAG)), decipher.final()]);
  } catch {
    throw new ArmError('TRANSFER_TAMPERED', 'The transfer file was altered or cut short.');
  }
}
