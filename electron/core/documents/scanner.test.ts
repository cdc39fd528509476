import { describe, expect, it } from 'vitest';
import { listScanners, parseDeviceList, scanPage } from './scanner';

describe('SANE scanner', () => {
  it('reads devices from scanimage -L output, none from its "no scanners" text', () => {
    const output = "device `test:0' is a Noname frontend-tester virtual device\ndevice `genesys:libusb:001:004' is a Canon LiDE 220 flatbed scanner\n";
    expect(parseDeviceList(output)).toEqual([
      { device: 'test:0', description: 'Noname frontend-tester virtual device' },
      { device: 'genesys:libusb:001:004', description: 'Canon LiDE 220 flatbed scanner' },
    ]);
    expect(parseDeviceList('\nNo scanners were identified. If you were expecting something different,\n')).toEqual([]);
  });

  // scanimage -L probes every backend (network ones too): seconds, not milliseconds.
  it('offers the SANE test device only when asked for it', { timeout: 60_000 }, async () => {
    expect((await listScanners({ ARM_SANE_TEST_DEVICE: '1' })).map((scanner) => scanner.device)).toContain('test');
    expect((await listScanners({})).map((scanner) => scanner.device)).not.toContain('test');
  });

  it('scans a PNG page from the real test backend in colour at 300 dpi', async () => {
    const png = await scanPage('test', { resolution: 300, mode: 'Color' });
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
