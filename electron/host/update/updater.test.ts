import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../core/testing';
import { policyFile, readUpdatePolicy } from './policy';
import { metadataSignatureValid, signMetadata, updateKeyPair } from './signature';
import { channelFile, createUpdateService, type AutoUpdaterLike } from './updater';

const keys = updateKeyPair();
const other = updateKeyPair();
const URL_BASE = 'https://updates.example.kz/arm/';
const METADATA = `version: 0.2.0
files:
  - url: arm-0.2.0.AppImage
    sha512: c2hhNTEyLW9mLXRoZS1pbnN0YWxsZXI=
    size: 1000
path: arm-0.2.0.AppImage
sha512: c2hhNTEyLW9mLXRoZS1pbnN0YWxsZXI=
releaseDate: '2026-12-01T10:00:00.000Z'
`;
const OFFERED = { version: '0.2.0', files: [{ url: 'arm-0.2.0.AppImage', sha512: 'c2hhNTEyLW9mLXRoZS1pbnN0YWxsZXI=' }] };

function fakeUpdater(options: { offered?: typeof OFFERED; download?: () => Promise<unknown>; check?: () => Promise<never> } = {}) {
  const calls: string[] = [];
  const updater: AutoUpdaterLike & { calls: string[]; feed: unknown } = {
    calls,
    feed: null,
    autoDownload: true,
    autoInstallOnAppQuit: true,
    setFeedURL: (feed) => void (updater.feed = feed),
    checkForUpdates: async () => {
      calls.push('check');
      if (options.check) return options.check();
      return { updateInfo: options.offered ?? OFFERED, isUpdateAvailable: true };
    },
    downloadUpdate: async () => {
      calls.push('download');
      return options.download ? options.download() : [];
    },
    quitAndInstall: (isSilent) => void calls.push(`install silent=${isSilent}`),
  };
  return updater;
}

/** A server holding the metadata and a signature made with the given key (or a given text). */
function server(signature: string | null = signMetadata(Buffer.from(METADATA), keys.privateKeyPem), metadata = METADATA): typeof fetch {
  return (async (input: URL | string | Request) => {
    const name = String(input).slice(URL_BASE.length);
    if (name === 'latest-linux.yml') return new Response(metadata);
    if (name === 'latest-linux.yml.sig' && signature !== null) return new Response(signature);
    return new Response('', { status: 404 });
  }) as typeof fetch;
}

function service(updater: AutoUpdaterLike, fetchFn: typeof fetch, overrides: Partial<Parameters<typeof createUpdateService>[0]> = {}) {
  return createUpdateService({ updater, currentVersion: '0.1.0', url: URL_BASE, publicKeyPem: keys.publicKeyPem, policy: { updates: true }, fetch: fetchFn, platform: 'linux', arch: 'x64', log: memoryLogger(), ...overrides });
}

describe('update metadata signature', () => {
  it('accepts our key over the exact bytes and nothing else', () => {
    const bytes = Buffer.from(METADATA);
    const signature = signMetadata(bytes, keys.privateKeyPem);
    expect(metadataSignatureValid(bytes, signature, keys.publicKeyPem)).toBe(true);
    expect(metadataSignatureValid(Buffer.from(METADATA.replace('0.2.0', '0.2.1')), signature, keys.publicKeyPem)).toBe(false);
    expect(metadataSignatureValid(bytes, signMetadata(bytes, other.privateKeyPem), keys.publicKeyPem)).toBe(false);
    expect(metadataSignatureValid(bytes, 'not base64 at all', keys.publicKeyPem)).toBe(false);
  });
});

describe('the updater', () => {
  it('checks the signed metadata before downloading, then waits for the supervisor; never installs on quit', async () => {
    const updater = fakeUpdater();
    const updates = service(updater, server());
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, feed: { provider: 'generic', url: URL_BASE } });
    expect(await updates.check()).toEqual({ state: 'ready', current: '0.1.0', available: '0.2.0' });
    expect(updater.calls).toEqual(['check', 'download']);
    updates.install();
    expect(updater.calls).toEqual(['check', 'download', 'install silent=false']);
  });

  it.each([
    ['signed with another key', server(signMetadata(Buffer.from(METADATA), other.privateKeyPem))],
    ['unsigned', server(null)],
    ['signed, but the offer differs from the signed files', server(undefined, METADATA.replaceAll('c2hhNTEyLW9mLXRoZS1pbnN0YWxsZXI=', 'b3RoZXI='))],
  ])('refuses metadata %s and downloads nothing', async (_case, fetchFn) => {
    const updater = fakeUpdater();
    const log = memoryLogger();
    const updates = service(updater, fetchFn, { log });
    expect(await updates.check()).toMatchObject({ state: 'failed', failure: 'UPDATE_SIGNATURE_INVALID' });
    expect(updater.calls).toEqual(['check']);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'update.failed', fields: expect.objectContaining({ failure: 'UPDATE_SIGNATURE_INVALID' }) }));
  });

  it('reports a full disk during the download and keeps the running version', async () => {
    const updater = fakeUpdater({ download: () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })) });
    const log = memoryLogger();
    const updates = service(updater, server(), { log });
    expect(await updates.check()).toMatchObject({ state: 'failed', failure: 'UPDATE_DOWNLOAD_FAILED', current: '0.1.0' });
    expect(log.lines).toContainEqual(expect.objectContaining({ fields: expect.objectContaining({ error: 'ENOSPC' }) }));
  });

  it('an unreachable server is a failure to retry, not an error', async () => {
    const updates = service(fakeUpdater({ check: () => Promise.reject(new Error('ECONNREFUSED')) }), server());
    expect(await updates.check()).toMatchObject({ state: 'failed', failure: 'UPDATE_UNREACHABLE' });
  });

  it('is off under the policy file, without a URL or without a key, and refuses an http URL off this computer', async () => {
    const updater = fakeUpdater();
    expect(service(updater, server(), { policy: { updates: false, because: 'policy' } }).status()).toMatchObject({ state: 'off', reason: 'policy' });
    expect(service(updater, server(), { url: null }).status()).toMatchObject({ state: 'off', reason: 'noUrl' });
    expect(service(updater, server(), { publicKeyPem: null }).status()).toMatchObject({ state: 'off', reason: 'noKey' });
    const plain = service(updater, server(), { url: 'http://updates.example.kz/arm/' });
    expect(await plain.check()).toMatchObject({ state: 'failed', failure: 'UPDATE_URL_INVALID' });
    expect(service(updater, server(), { url: 'http://127.0.0.1:8080/arm/' }).status()).toMatchObject({ state: 'idle' });
    expect(updater.calls).toEqual([]);
  });

  it('names the metadata file electron-updater fetches per platform', () => {
    expect([channelFile('win32', 'x64'), channelFile('linux', 'x64'), channelFile('linux', 'arm64')]).toEqual(['latest.yml', 'latest-linux.yml', 'latest-linux-arm64.yml']);
  });
});

describe('the update policy file', () => {
  const write = (text: string) => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'arm-policy-')), 'policy.json');
    writeFileSync(file, text);
    return file;
  };

  it('switches updates off with {"updates": false}, and when it cannot be read', () => {
    expect(readUpdatePolicy(path.join(os.tmpdir(), 'no-such-dir', 'policy.json'))).toEqual({ updates: true });
    expect(readUpdatePolicy(write('{"updates": true}'))).toEqual({ updates: true });
    expect(readUpdatePolicy(write('{"updates": false}'))).toEqual({ updates: false, because: 'policy' });
    expect(readUpdatePolicy(write('{"updates": "no"}'))).toEqual({ updates: false, because: 'policyUnreadable' });
    expect(readUpdatePolicy(write('{updates: false'))).toEqual({ updates: false, because: 'policyUnreadable' });
  });

  it('lives in ProgramData on Windows and /etc on Linux', () => {
    expect(policyFile('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\ARM\\policy.json');
    expect(policyFile('linux', {})).toBe('/etc/arm/policy.json');
  });
});
