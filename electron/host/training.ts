import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MANIFEST_FILE, writeDemoPki } from '../core/signing/demoPki';
import { TRAINING_ADMIN_SECRET_FILE } from '../core/training/enroll';
import { TRAINING_PROVIDER } from '../core/training/workstation';

// Training mode (учебный режим): the bundled gateway emulator in a process of its own, trusting the
// TEST PKI made once into the data folder, so a trainee signs with the demo keys and the emulator
// checks those signatures like the real gateway would (docs/training.md).

export interface TrainingGateway {
  url: string;
  pkiDir: string;
  stop(): Promise<void>;
}

export const TRAINING_PKI_DIR = 'training-pki';
export const TRAINING_GATEWAY_DIR = 'training-gateway';
const READY = /^Gateway ready: (http:\/\/127\.0\.0\.1:\d+)$/;

/** The same files `npm run pki:demo -- --out <dataDir>/training-pki` writes; made on the first run only. */
export async function ensureTrainingPki(dataDir: string, now = new Date()): Promise<string> {
  const pkiDir = path.join(dataDir, TRAINING_PKI_DIR);
  if (!existsSync(path.join(pkiDir, MANIFEST_FILE))) await writeDemoPki(pkiDir, { now });
  return pkiDir;
}

/** The installed app's training mode keeps its data beside the real folder, never in it. */
export function trainingDataDir(dataDir: string): string {
  return dataDir.replace(/[\\/]+$/, '') + '-training';
}

/**
 * Starts build/node/gateway.cjs on a free port and resolves once it printed its ready line.
 * runtime: how to run it under Node — the installed app passes Electron itself with
 * ELECTRON_RUN_AS_NODE and its Electron-ABI better-sqlite3 (ARM_SQLITE_BINDING).
 */
export async function startTrainingGateway(options: {
  appRoot: string;
  dataDir: string;
  timeoutMs?: number;
  runtime?: { execPath: string; env: NodeJS.ProcessEnv };
}): Promise<TrainingGateway> {
  const pkiDir = await ensureTrainingPki(options.dataDir);
  const script = path.join(options.appRoot, 'build', 'node', 'gateway.cjs');
  if (!existsSync(script)) throw new Error(`Training mode needs the gateway emulator: ${script} is missing (npm run build).`);
  // The admin secret lives in the private data folder: the АРМ's core enrolls its own machine with it.
  const args = [script, '--port', '0', '--data-dir', path.join(options.dataDir, TRAINING_GATEWAY_DIR), '--trust-dir', pkiDir, '--parent-pid', String(process.pid)];
  args.push('--admin-secret-file', path.join(options.dataDir, TRAINING_ADMIN_SECRET_FILE));
  // The portal's requests go to the department this АРМ plays (issue 17): no other АРМ would pull them.
  args.push('--training-provider', TRAINING_PROVIDER);
  const child = spawn(options.runtime?.execPath ?? process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...options.runtime?.env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The training gateway did not start in time.')), options.timeoutMs ?? 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The training gateway exited with ${code}.`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGTERM');
    throw error;
  });
  return {
    url,
    pkiDir,
    // SIGTERM lets the emulator close its database; one that hangs is killed after 5 s.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
