import { spawn } from 'node:child_process';
import { z } from 'zod';
import { ArmError } from '../../../shared/api';
import type { Scanner } from './scanner';

// Windows Image Acquisition through PowerShell (every supported Windows has both): the script
// lists WIA scanners or scans one page as PNG and answers JSON on stdout. It runs as
// -EncodedCommand, so no script file is written or signed. Tested here with a fake runner only:
// on real hardware it is untested (README).

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}
export type Runner = (command: string, args: string[], timeoutMs: number) => Promise<RunResult>;

const LIST_TIMEOUT_MS = 30_000;
const SCAN_TIMEOUT_MS = 120_000;
// WIA: scanner device type 1; properties 6146 intent (1 colour, 2 greyscale), 6147/6148 dpi; PNG.
const SCRIPT = `
$ErrorActionPreference = 'Stop'
$manager = New-Object -ComObject WIA.DeviceManager
if ($Action -eq 'list') {
  $list = @()
  foreach ($info in $manager.DeviceInfos) {
    if ($info.Type -eq 1) { $list += [pscustomobject]@{ id = $info.DeviceID; name = $info.Properties.Item('Name').Value } }
  }
  ConvertTo-Json -Compress -InputObject @($list)
  exit 0
}
$info = $null
foreach ($candidate in $manager.DeviceInfos) { if ($candidate.DeviceID -eq $DeviceId) { $info = $candidate } }
if ($null -eq $info) { [Console]::Error.WriteLine('device not found'); exit 3 }
$item = $info.Connect().Items.Item(1)
foreach ($property in $item.Properties) {
  if ($property.PropertyID -eq 6146) { $property.Value = $Intent }
  if ($property.PropertyID -eq 6147 -or $property.PropertyID -eq 6148) { $property.Value = $Dpi }
}
$image = $item.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}')
[pscustomobject]@{ format = 'png'; base64 = [Convert]::ToBase64String([byte[]]$image.FileData.BinaryData) } | ConvertTo-Json -Compress
`;

/** A PowerShell string literal: single quotes, doubled inside. */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The arguments that run the script with its parameters set first (UTF-16LE base64, as PowerShell wants). */
export function wiaArgs(parameters: Record<string, string | number>): string[] {
  const head = Object.entries(parameters)
    .map(([name, value]) => `$${name} = ${typeof value === 'number' ? String(value) : literal(value)}`)
    .join('\n');
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(`${head}\n${SCRIPT}`, 'utf16le').toString('base64')];
}

const listSchema = z.array(z.object({ id: z.string().min(1), name: z.string() }));
const pageSchema = z.object({ format: z.literal('png'), base64: z.base64().min(1) });

function parse<T>(schema: z.ZodType<T>, stdout: string): T {
  let json: unknown;
  try {
    json = JSON.parse(stdout.trim());
  } catch {
    throw new ArmError('SCANNER_ANSWER_INVALID', 'The WIA script answered something that is not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ArmError('SCANNER_ANSWER_INVALID', 'The WIA script answered JSON of another shape.');
  return parsed.data;
}

function checkRun(result: RunResult, what: string, timeoutMs: number): void {
  if (result.timedOut) throw new ArmError('SCANNER_TIMEOUT', `The WIA ${what} did not finish in time.`, undefined, { seconds: timeoutMs / 1000 });
  if (result.code === 3) throw new ArmError('SCANNER_NOT_FOUND', 'No such WIA scanner.');
  if (result.code !== 0) throw new ArmError('SCANNER_FAILED', `The WIA ${what} failed (exit ${result.code}).`);
}

export async function listWia(run: Runner): Promise<Scanner[]> {
  let result: RunResult;
  try {
    result = await run('powershell.exe', wiaArgs({ Action: 'list' }), LIST_TIMEOUT_MS);
  } catch {
    return []; // No PowerShell: no WIA scanners.
  }
  checkRun(result, 'listing', LIST_TIMEOUT_MS);
  // PowerShell 5 writes a one-element array as the bare object.
  const trimmed = result.stdout.trim();
  return parse(listSchema, trimmed.startsWith('{') ? `[${trimmed}]` : trimmed).map((device) => ({ device: `wia:${device.id}`, description: device.name }));
}

export async function scanWia(run: Runner, device: string, options: { resolution: number; mode: 'Color' | 'Gray' }): Promise<Uint8Array> {
  let result: RunResult;
  try {
    result = await run('powershell.exe', wiaArgs({ Action: 'scan', DeviceId: device, Dpi: options.resolution, Intent: options.mode === 'Color' ? 1 : 2 }), SCAN_TIMEOUT_MS);
  } catch {
    throw new ArmError('SCANNER_NOT_FOUND', 'PowerShell is not available.');
  }
  checkRun(result, 'scan', SCAN_TIMEOUT_MS);
  return new Uint8Array(Buffer.from(parse(pageSchema, result.stdout).base64, 'base64'));
}

/** Runs a command with a time limit (the real runner; tests pass a fake). */
export const spawnRunner: Runner = (command, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
