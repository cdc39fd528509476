import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { ArmError } from '../../../shared/api';

// The master key (мастер-ключ) encrypts the database and, through a key per file, the scans. It
// never lies in the data folder as it is: on an operator's machine the OS protects it (Electron's
// safeStorage: DPAPI on Windows, the keyring on Linux, the Keychain on macOS); the web host,
// which has no OS store, keeps it in a key file and says so (see `protection`).

/** How the key file is protected; anything but 'os' is shown to the supervisor as a warning. */
export type KeyProtection = 'os' | 'os-plaintext' | 'key-file';

export interface KeyProtector {
  protection: KeyProtection;
  seal(key: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

/** The part of Electron's `safeStorage` the vault uses; main.ts passes the real one, tests a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring was found and Chromium stores the key in the clear. */
  getSelectedStorageBackend?(): string;
}

export function safeStorageProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new ArmError('KEY_STORE_UNAVAILABLE', 'The operating system offers no protected key storage.');
  }
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  return {
    protection: backend === 'basic_text' || backend === 'unknown' ? 'os-plaintext' : 'os',
    seal: (key) => safeStorage.encryptString(key.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

/** The web host's key file: readable by whoever reads the file, hence the warning. */
export const keyFileProtector: KeyProtector = {
  protection: 'key-file',
  seal: (key) => Buffer.from(key.toString('base64') + '\n'),
  open: (sealed) => Buffer.from(sealed.toString('utf8').trim(), 'base64'),
};

export const KEY_FILE = 'arm.key';

export interface MasterKey {
  key: Buffer;
  protection: KeyProtection;
  created: boolean;
}

/**
 * Reads the key file, or makes a new key and writes it (temporary file, fsync, rename) before
 * anything is encrypted with it, so a crash can never leave data under a key that was not saved.
 */
export function loadMasterKey(file: string, protector: KeyProtector): MasterKey {
  let sealed: Buffer | null = null;
  try {
    sealed = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (sealed) {
    let key: Buffer;
    try {
      key = protector.open(sealed);
    } catch {
      throw new ArmError('KEY_UNREADABLE', 'The master key file cannot be opened on this machine.');
    }
    if (key.length !== 32) throw new ArmError('KEY_UNREADABLE', 'The master key file is damaged.');
    return { key, protection: protector.protection, created: false };
  }
  const key = randomBytes(32);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, protector.seal(key));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  return { key, protection: protector.protection, created: true };
}

/** One key per purpose, so the database key and the scans' key never coincide. */
export function deriveKey(master: Buffer, purpose: 'database' | 'attachments' | 'audit'): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `arm/${purpose}`, 32));
}
