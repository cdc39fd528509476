import { afterEach, describe, expect, it } from 'vitest';
import { testCore } from '../testing';
import { allScanners } from './sources';

describe('allScanners', () => {
  const saved = process.env.ARM_SANE_TEST_DEVICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.ARM_SANE_TEST_DEVICE;
    else process.env.ARM_SANE_TEST_DEVICE = saved;
  });

  it('lists the SANE test device in training mode without a hidden variable, and not otherwise', async () => {
    delete process.env.ARM_SANE_TEST_DEVICE;
    const { db } = testCore();
    expect(await allScanners(db, { platform: 'linux', training: true })).toContainEqual({ device: 'test', description: 'SANE test device' });
    expect(await allScanners(db, { platform: 'linux' })).not.toContainEqual(expect.objectContaining({ device: 'test' }));
  });
});
