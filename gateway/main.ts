import { parseGatewayArgs } from './cli';
import { startGateway } from './server';
import { readTrustDir } from './signature';

// `npm run gateway -- --port <p> --data-dir <dir> [--trust-dir <pki dir>] [--min-client-version <x.y.z>]`: the gateway emulator, on 127.0.0.1 only.
async function main(): Promise<void> {
  const command = parseGatewayArgs(process.argv.slice(2));
  const gateway = await startGateway({
    port: command.port,
    dataDir: command.dataDir,
    trust: command.trustDir ? readTrustDir(command.trustDir) : null,
    minClientVersion: command.minClientVersion,
    // Test harnesses only: with it the /_control endpoints exist (and need it); never in training.
    controlSecret: process.env.GATEWAY_CONTROL_SECRET || null,
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
