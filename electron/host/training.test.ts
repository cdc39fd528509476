import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleGateway } from '../../gateway/bundle';
import { testCore } from '../core/testing';
import { TRAINING_ADMIN_SECRET_FILE } from '../core/training/enroll';
import { parseCertificate, parseTrustedRoot } from '../../shared/signing';
import { startTrainingGateway, trainingDataDir, TRAINING_GATEWAY_DIR } from './training';

// The launcher runs build/node/gateway.cjs as npm start would; the test bundles it into a
// temporary app root so it does not depend on an earlier `npm run build`.
const appRoot = mkdtempSync(path.join(os.tmpdir(), 'arm-training-app-'));
const dataDir = path.join(appRoot, 'data');

beforeAll(async () => {
  mkdirSync(path.join(appRoot, 'build', 'node'), { recursive: true });
  await bundleGateway(path.join(appRoot, 'build', 'node', 'gateway.cjs'));
  // The bundle finds better-sqlite3 the way the packaged app does: node_modules beside build/.
  const modules = path.join(__dirname, '..', '..', 'node_modules');
  symlinkSync(modules, path.join(appRoot, 'node_modules'));
});
afterAll(() => rmSync(appRoot, { recursive: true, force: true }));

describe('training gateway process', () => {
  it('makes the TEST PKI once, serves its root under /reference/trust, and stops with the launcher', async () => {
    const gateway = await startTrainingGateway({ appRoot, dataDir, timeoutMs: 60_000 });
    let stopped = false;
    try {
      expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(gateway.pkiDir).toBe(path.join(dataDir, 'training-pki'));
      expect(existsSync(path.join(dataDir, TRAINING_GATEWAY_DIR, 'gateway.sqlite'))).toBe(true);
      // Only enrolled machines are served; the АРМ in training mode enrolls itself with the admin
      // secret in its private data folder, then its signed calls are answered.
      const plain = await fetch(`${gateway.url}/reference/trust`);
      expect(plain.status).toBe(401);
      expect(statSync(path.join(dataDir, TRAINING_ADMIN_SECRET_FILE)).mode & 0o777).toBe(0o600);
      const arm = testCore({ dataDir, gateway: gateway.url, training: true, clock: 'system' });
      await arm.core.ready;
      const answer = await arm.core.context.gatewayClient!.trust();
      const roots = answer!.body.roots;
      // The RSA demo root, then the GOST one (which forge cannot read).
      expect(roots).toHaveLength(2);
      expect(parseCertificate(roots[0]!)?.subject.getField('CN')).toBeTruthy();
      expect(parseTrustedRoot(roots[1]!)).toBeInstanceOf(Uint8Array);
      expect(arm.db.prepare('SELECT enrolled_at FROM machine_key').get()).toEqual({ enrolled_at: expect.any(String) });
      arm.close();
      await gateway.stop();
      stopped = true;
      await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();

      // A second start keeps the same PKI (the trainee's keys stay valid) and the same data.
      const again = await startTrainingGateway({ appRoot, dataDir, timeoutMs: 60_000 });
      const rearm = testCore({ dataDir, gateway: again.url, training: true, clock: 'system' });
      await rearm.core.ready;
      const second = await rearm.core.context.gatewayClient!.trust();
      rearm.close();
      await again.stop();
      expect(second!.body.roots).toEqual(roots);
    } finally {
      if (!stopped) await gateway.stop();
    }
  }, 120_000);

  it('runs under the runtime and native module the installed app names (Electron as Node there)', async () => {
    const binding = path.join(__dirname, '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const broken = startTrainingGateway({ appRoot, dataDir: path.join(appRoot, 'broken'), timeoutMs: 60_000, runtime: { execPath: process.execPath, env: { ARM_SQLITE_BINDING: path.join(appRoot, 'no-such.node') } } });
    await expect(broken).rejects.toThrow(/exited/);
    const gateway = await startTrainingGateway({ appRoot, dataDir: path.join(appRoot, 'bound'), timeoutMs: 60_000, runtime: { execPath: process.execPath, env: { ARM_SQLITE_BINDING: binding } } });
    await gateway.stop();
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }, 120_000);

  it('keeps the installed app’s training data in a folder of its own', () => {
    expect(trainingDataDir('/home/op/.local/share/arm')).toBe('/home/op/.local/share/arm-training');
    expect(trainingDataDir('C:\\Users\\op\\AppData\\Roaming\\ARM\\')).toBe('C:\\Users\\op\\AppData\\Roaming\\ARM-training');
  });

  it('says what is missing when the emulator was not built', async () => {
    await expect(startTrainingGateway({ appRoot: path.join(appRoot, 'nowhere'), dataDir })).rejects.toThrow(/gateway\.cjs is missing/);
  });
});
