import { spawn } from 'node:child_process';
import { ArmError } from '../../../shared/api';

// SANE through its command-line front end: `scanimage -L` lists devices, `scanimage -d <device>
// --format=png` scans one page to stdout. The SANE "test" backend is a real virtual device that
// -L does not list; training setups and tests name it with ARM_SANE_TEST_DEVICE=1.

export interface Scanner {
  device: string;
  description: string;
}

const SCAN_TIMEOUT_MS = 120_000;

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('scanimage', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(chunks), stderr });
    });
  });
}

/** "device `test:0' is a Noname frontend-tester virtual device" → { device, description }. */
export function parseDeviceList(output: string): Scanner[] {
  return [...output.matchAll(/^device `([^']+)' is an? (.+)$/gm)].map((match) => ({ device: match[1]!, description: match[2]!.trim() }));
}

export async function listScanners(env: NodeJS.ProcessEnv = process.env): Promise<Scanner[]> {
  let listed: Scanner[] = [];
  try {
    listed = parseDeviceList((await run(['-L'], 30_000)).stdout.toString());
  } catch {
    // No scanimage on this machine: no scanners, which the screen says.
  }
  return env.ARM_SANE_TEST_DEVICE === '1' ? [...listed, { device: 'test', description: 'SANE test device' }] : listed;
}

/** One page as PNG; a device that is gone or fails mid-scan is a typed error and nothing is kept. */
export async function scanPage(device: string, options: { resolution: number; mode: 'Color' | 'Gray' }): Promise<Uint8Array> {
  let result;
  try {
    result = await run(['-d', device, '--format=png', '--resolution', String(options.resolution), '--mode', options.mode], SCAN_TIMEOUT_MS);
  } catch {
    throw new ArmError('SCANNER_NOT_FOUND', 'scanimage is not available.');
  }
  if (result.code !== 0) {
    if (/open of device .* failed/.test(result.stderr)) throw new ArmError('SCANNER_NOT_FOUND', `No scanner ${device}.`);
    throw new ArmError('SCANNER_FAILED', `The scan stopped (exit ${result.code}).`);
  }
  return result.stdout;
}
