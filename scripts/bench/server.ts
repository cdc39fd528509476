import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A server in a Node process of its own (the emulator, the drain floor's plain server): `args`
 * start it (a script first), it is ready when it prints its first line, `<ready>: <url>`, and
 * SIGTERM stops it.
 */
export async function startServer(args: string[], ready: string): Promise<BenchServer> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${path.basename(args[0]!)} exited with ${code}`)));
  });
  return {
    url: line.replace(`${ready}: `, ''),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
