import { describe, expect, it } from 'vitest';
import { codeOf } from '../testing';
import { listWia, scanWia, wiaArgs, type RunResult, type Runner } from './wia';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** A fake PowerShell: records what it was asked and answers as told. */
function fake(answer: Partial<RunResult> | Error) {
  const calls: Array<{ command: string; script: string; timeoutMs: number }> = [];
  const run: Runner = async (command, args, timeoutMs) => {
    calls.push({ command, script: Buffer.from(args.at(-1)!, 'base64').toString('utf16le'), timeoutMs });
    if (answer instanceof Error) throw answer;
    return { code: 0, stdout: '', stderr: '', timedOut: false, ...answer };
  };
  return { run, calls };
}

describe('Windows WIA through PowerShell (fake runner; untested on hardware)', () => {
  it('runs the script encoded, with its parameters quoted as PowerShell literals', () => {
    const args = wiaArgs({ Action: 'scan', DeviceId: "{6BDD1FC6}\\0000 O'Brien", Dpi: 300 });
    expect(args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    const script = Buffer.from(args[5]!, 'base64').toString('utf16le');
    expect(script).toMatch(/^\$Action = 'scan'\n\$DeviceId = '\{6BDD1FC6\}\\0000 O''Brien'\n\$Dpi = 300\n/);
    expect(script).toContain('WIA.DeviceManager');
  });

  it('lists scanners as wia: devices, a lone one too (PowerShell 5 drops the array)', async () => {
    const two = fake({ stdout: '[{"id":"{A}\\\\0001","name":"HP LaserJet MFP"},{"id":"{B}\\\\0002","name":"Canon"}]\r\n' });
    expect(await listWia(two.run)).toEqual([
      { device: 'wia:{A}\\0001', description: 'HP LaserJet MFP' },
      { device: 'wia:{B}\\0002', description: 'Canon' },
    ]);
    expect(two.calls[0]).toMatchObject({ command: 'powershell.exe', script: expect.stringContaining("$Action = 'list'") });
    expect(await listWia(fake({ stdout: '{"id":"{A}","name":"Epson"}' }).run)).toEqual([{ device: 'wia:{A}', description: 'Epson' }]);
    expect(await listWia(fake(new Error('spawn powershell.exe ENOENT')).run)).toEqual([]);
  });

  it('scans one page with the dpi and colour asked for', async () => {
    const page = fake({ stdout: JSON.stringify({ format: 'png', base64: PNG.toString('base64') }) });
    const bytes = await scanWia(page.run, '{A}', { resolution: 300, mode: 'Color' });
    expect(Buffer.from(bytes).equals(PNG)).toBe(true);
    expect(page.calls[0]!.script).toMatch(/\$DeviceId = '\{A\}'\n\$Dpi = 300\n\$Intent = 1\n/);
  });

  it('turns garbage, a wrong shape, a failure, a missing device and a timeout into clear codes', async () => {
    const scan = (answer: Partial<RunResult> | Error) => codeOf(scanWia(fake(answer).run, '{A}', { resolution: 150, mode: 'Gray' }));
    expect(await scan({ stdout: 'Exception calling "Transfer" with "1" argument(s)' })).toBe('SCANNER_ANSWER_INVALID');
    expect(await scan({ stdout: '{"format":"png","base64":""}' })).toBe('SCANNER_ANSWER_INVALID');
    expect(await scan({ stdout: '{"format":"bmp","base64":"AAAA"}' })).toBe('SCANNER_ANSWER_INVALID');
    expect(await scan({ code: 1, stderr: 'WIA error 0x80210006' })).toBe('SCANNER_FAILED');
    expect(await scan({ code: 3 })).toBe('SCANNER_NOT_FOUND');
    expect(await scan({ code: null, timedOut: true })).toBe('SCANNER_TIMEOUT');
    await expect(scanWia(fake({ code: null, timedOut: true }).run, '{A}', { resolution: 150, mode: 'Gray' })).rejects.toMatchObject({ params: { seconds: 120 } });
    expect(await scan(new Error('spawn powershell.exe ENOENT'))).toBe('SCANNER_NOT_FOUND');
    expect(await codeOf(listWia(fake({ stdout: 'not json' }).run))).toBe('SCANNER_ANSWER_INVALID');
  });
});
