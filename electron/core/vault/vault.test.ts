import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import { deriveKey, keyFileProtector, loadMasterKey, safeStorageProtector, type SafeStorageLike } from './masterKey';
import { isSealed, rewrap, seal, unseal } from './seal';

/** Electron's safeStorage as the OS would give it: a reversible transform the test can see through. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { sealed: string[] } {
  const sealed: string[] = [];
  return {
    sealed,
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      sealed.push(text);
      return Buffer.concat([Buffer.from('OS:'), Buffer.from(text).map((byte) => byte ^ 0x55)]);
    },
    decryptString: (blob) => {
      if (!blob.subarray(0, 3).equals(Buffer.from('OS:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(blob.subarray(3).map((byte) => byte ^ 0x55)).toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'arm-vault-'));

describe('master key', () => {
  it('is made once, sealed by the OS store, and read back the same on the next start', () => {
    const file = path.join(dir(), 'arm.key');
    const os_ = fakeSafeStorage('gnome_libsecret');
    const first = loadMasterKey(file, safeStorageProtector(os_, 'linux'));
    expect(first).toMatchObject({ created: true, protection: 'os' });
    expect(first.key).toHaveLength(32);
    expect(readFileSync(file).includes(Buffer.from(first.key.toString('base64')))).toBe(false);
    expect(statSync(file).mode & 0o077).toBe(0);
    const second = loadMasterKey(file, safeStorageProtector(os_, 'linux'));
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('warns on Linux without a keyring: Chromium keeps the key in the clear (basic_text)', () => {
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'linux').protection).toBe('os-plaintext');
    expect(safeStorageProtector(fakeSafeStorage('kwallet5'), 'linux').protection).toBe('os');
    // On Windows (DPAPI) the backend question does not arise.
    expect(safeStorageProtector(fakeSafeStorage('unknown'), 'win32').protection).toBe('os');
  });

  it('refuses to start without an OS store rather than keep the key unprotected silently', () => {
    expect(() => safeStorageProtector(fakeSafeStorage('basic_text', false), 'linux')).toThrow(expect.objectContaining({ code: 'KEY_STORE_UNAVAILABLE' }));
  });

  it('says the key is unreadable when the OS store cannot open it (another user, another PC) or it is damaged', () => {
    const folder = dir();
    const file = path.join(folder, 'arm.key');
    loadMasterKey(file, keyFileProtector);
    expect(() => loadMasterKey(file, safeStorageProtector(fakeSafeStorage('kwallet5'), 'linux'))).toThrow(ArmError);
    writeFileSync(file, 'c2hvcnQ=\n');
    expect(() => loadMasterKey(file, keyFileProtector)).toThrow(expect.objectContaining({ code: 'KEY_UNREADABLE' }));
  });

  it('the web host keeps it in a key file and says so', () => {
    const key = loadMasterKey(path.join(dir(), 'arm.key'), keyFileProtector);
    expect(key.protection).toBe('key-file');
  });

  it('derives different keys for the database and the scans', () => {
    const master = randomBytes(32);
    expect(deriveKey(master, 'database').equals(deriveKey(master, 'attachments'))).toBe(false);
    expect(deriveKey(master, 'database').equals(deriveKey(master, 'database'))).toBe(true);
  });
});

describe('sealed files', () => {
  const key = randomBytes(32);
  const scan = Buffer.from('%PDF-1.7 удостоверение личности 900101400123');

  it('round-trips, hides the content and gives each file its own key', () => {
    const one = seal(key, scan);
    const two = seal(key, scan);
    expect(isSealed(one)).toBe(true);
    expect(one.includes(Buffer.from('900101400123'))).toBe(false);
    expect(one.subarray(20, 52).equals(two.subarray(20, 52))).toBe(false);
    expect(unseal(key, one)?.equals(scan)).toBe(true);
  });

  it('refuses the wrong key and any altered byte', () => {
    const sealed = seal(key, scan);
    expect(unseal(randomBytes(32), sealed)).toBeNull();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(unseal(key, altered)).toBeNull();
    expect(unseal(key, scan)).toBeNull();
  });

  it('re-wraps a file under another key without the old key opening it any more', () => {
    const other = randomBytes(32);
    const moved = rewrap(key, other, seal(key, scan))!;
    expect(unseal(other, moved)?.equals(scan)).toBe(true);
    expect(unseal(key, moved)).toBeNull();
    expect(rewrap(other, key, seal(key, scan))).toBeNull();
  });
});
