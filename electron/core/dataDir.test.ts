import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './dataDir';

describe('resolveDataDir', () => {
  it('prefers the flag, then ARM_DATA_DIR', () => {
    expect(resolveDataDir('rel/dir', { ARM_DATA_DIR: '/env' })).toBe(path.resolve('rel/dir'));
    expect(resolveDataDir(undefined, { ARM_DATA_DIR: '/env/arm' })).toBe('/env/arm');
  });

  it('falls back to the per-user application data folder of the OS', () => {
    expect(resolveDataDir(undefined, {}, 'linux', '/home/op')).toBe('/home/op/.local/share/arm');
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/xdg' }, 'linux', '/home/op')).toBe('/xdg/arm');
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/op')).toBe('/Users/op/Library/Application Support/ARM');
    expect(resolveDataDir(undefined, { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'win32', 'C:\\Users\\op')).toContain('ARM');
  });
});
