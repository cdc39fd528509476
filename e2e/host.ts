import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page, type TestInfo } from '@playwright/test';
import forge from 'node-forge';
import { certificatePem } from '../shared/signing';
import type { DemoPki } from '../shared/signing/testPki';

/** The schema version a fresh database reaches: the number of migration files. */
export const SCHEMA_VERSION = readdirSync('electron/core/db/migrations').filter((name) => /^\d{4}_.*\.sql$/.test(name)).length;

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** The tests choose the gateway themselves; one set in the developer's shell must not leak in. */
function withoutGateway(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.ARM_GATEWAY_URL;
  return copy;
}

/** Starts the real web host (`npm run web`'s bundle) on a free port and waits for its ready line. */
export async function launchHost(options: { dataDir?: string; args?: string[]; startTimeoutMs?: number } = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['build/node/web.cjs', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: withoutGateway(process.env),
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), options.startTimeoutMs ?? 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ARM ready: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const stepCounts = new WeakMap<TestInfo, number>();

/** Runs one user-visible step and saves a screenshot of the page after it into test-results/. */
export async function step(page: Page, info: TestInfo, name: string, action: () => Promise<void>): Promise<void> {
  await base.step(name, action);
  const index = (stepCounts.get(info) ?? 0) + 1;
  stepCounts.set(info, index);
  await page.screenshot({ path: info.outputPath(`${String(index).padStart(2, '0')}-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`), fullPage: true });
}

export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await launchHost();
    await use(host);
    await host.stop();
  },
});
export { expect } from '@playwright/test';

/**
 * The built gateway emulator (build/node/gateway.cjs) on a free port with a data folder of its own,
 * trusting the given demo PKI's root and CRL as `--trust-dir` does (the АРМ refuses to sign
 * without a CRL from its gateway). Lenient about machines: these specs' web hosts are not enrolled
 * (training.spec.ts runs the training emulator, which requires and enrolls them).
 */
export async function startEmulator(trust: DemoPki): Promise<{ url: string; stop(): void }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-gateway-'));
  const trustDir = mkdtempSync(path.join(os.tmpdir(), 'arm-e2e-trust-'));
  writeFileSync(path.join(trustDir, 'test-root-ca.pem'), certificatePem(trust.root.certificate));
  writeFileSync(path.join(trustDir, 'test-crl.crl'), trust.crl);
  // Its OCSP responder too, as `npm run pki:demo` writes it: the АРМ asks it before the CRL.
  writeFileSync(path.join(trustDir, 'test-ocsp.pem'), certificatePem(trust.ocsp.certificate));
  writeFileSync(path.join(trustDir, 'test-ocsp.key'), forge.pki.privateKeyToPem(trust.ocsp.key));
  const child = spawn(process.execPath, ['build/node/gateway.cjs', '--port', '0', '--data-dir', dataDir, '--trust-dir', trustDir, '--machine-auth', 'lenient'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Gateway ready: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      for (const dir of [dataDir, trustDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
