import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseGatewayArgs } from './cli';
import { startGateway } from './server';
import { readReferenceDir, readTrustDir } from './signature';

// `npm run gateway -- --port <p> --data-dir <dir> [--trust-dir <pki dir>] [--min-client-version <x.y.z>]
// [--admin-secret-file <file>] [--machine-auth required|lenient] [--training-provider <code>]`: the gateway emulator, on 127.0.0.1 only.
async function main(): Promise<void> {
  const command = parseGatewayArgs(process.argv.slice(2));
  const gateway = await startGateway({
    port: command.port,
    dataDir: command.dataDir,
    trust: command.trustDir ? readTrustDir(command.trustDir) : null,
    reference: command.trustDir ? readReferenceDir(command.trustDir) : null,
    minClientVersion: command.minClientVersion,
    machineAuth: command.machineAuth,
    trainingProvider: command.trainingProvider,
    // With a secret the /_control endpoints (faults, reset, enrollment) exist, and need it.
    controlSecret: process.env.GATEWAY_CONTROL_SECRET || (command.adminSecretFile ? adminSecret(command.adminSecretFile) : null),
  });
  console.log(`Gateway ready: ${gateway.url}`);
  const stop = () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Training mode: a parent killed outright (kill -9, a crash) sends no signal, so the emulator
  // looks for it every second and stops when it is gone or this process was handed to another.
  const parentPid = command.parentPid;
  if (parentPid !== null) {
    setInterval(() => {
      if (process.ppid !== parentPid || !alive(parentPid)) stop();
    }, 1000).unref();
  }
}

/** The admin secret kept in a private file: read, or made on the first start. */
function adminSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 16) throw new Error(`${file}: the admin secret is too short`);
  return secret;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
