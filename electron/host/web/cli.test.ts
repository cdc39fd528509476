import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './cli';

describe('parseWebArgs', () => {
  it('reads port, data folder and gateway', () => {
    expect(parseWebArgs(['--port', '4100', '--data-dir', 'd', '--gateway', 'http://127.0.0.1:9000'], {})).toEqual({
      port: 4100,
      dataDir: path.resolve('d'),
      gatewayUrl: 'http://127.0.0.1:9000',
      training: false,
      open: false,
      keyFile: null,
    });
  });

  it('reads where the master key file lies (--key-file, else ARM_KEY_FILE)', () => {
    expect(parseWebArgs(['--key-file', 'k/arm.key'], {}).keyFile).toBe(path.resolve('k/arm.key'));
    expect(parseWebArgs([], { ARM_KEY_FILE: '/media/usb/arm.key' }).keyFile).toBe('/media/usb/arm.key');
  });

  it('reads --training, which never takes a real gateway from the environment and refuses --gateway', () => {
    expect(parseWebArgs(['--training'], { ARM_GATEWAY_URL: 'http://gw.local/' })).toMatchObject({ training: true, gatewayUrl: null });
    expect(() => parseWebArgs(['--training', '--gateway', 'http://gw.local/'], {})).toThrow(/--training/);
  });

  it('takes the gateway from ARM_GATEWAY_URL and defaults the port to a free one', () => {
    expect(parseWebArgs(['--data-dir', '/x'], { ARM_GATEWAY_URL: 'http://gw.local/' })).toMatchObject({ port: 0, gatewayUrl: 'http://gw.local/' });
  });

  it('refuses a bad port, a bad gateway URL and unknown flags', () => {
    expect(() => parseWebArgs(['--port', '70000'], {})).toThrow(/port/);
    expect(() => parseWebArgs(['--gateway', 'not a url'], {})).toThrow(/gateway/);
    expect(() => parseWebArgs(['--colour', 'red'], {})).toThrow();
  });
});
