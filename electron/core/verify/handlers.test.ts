import { describe, expect, it } from 'vitest';
import { contract, createClient } from '../../../shared/api';
import { signedIn, testCore } from '../testing';

// verify.print and verify.scan through the contract: every role, a verdict for every input,
// never valid without this workstation's trust.
describe('verify channels', () => {
  it('answers a verdict to every role, refusing an empty file, an unreadable one and a scanned page without a QR', async () => {
    const { core } = testCore();
    for (const role of ['operator', 'clerk', 'head', 'supervisor'] as const) {
      const key = signedIn(core, role, undefined, `${role}-verify`);
      const arm = createClient(contract, (name, input) => core.dispatch(name, input, key));
      await expect(arm.verify.print({ fileName: 'empty.pdf', bytes: new Uint8Array() })).resolves.toMatchObject({ valid: false, code: 'FILE_EMPTY' });
    }
    const arm = createClient(contract, (name, input) => core.dispatch(name, input, `window-operator-verify`));
    await expect(arm.verify.print({ fileName: 'note.txt', bytes: Buffer.from('hello') })).resolves.toMatchObject({ valid: false, code: 'FILE_TYPE' });
    // The SANE test device scans a test pattern: a page, but no barcode on it.
    await expect(arm.verify.scan({ device: 'test' })).resolves.toMatchObject({ valid: false, code: 'BARCODE_NOT_FOUND', source: 'image' });
    await expect(arm.verify.scan({ device: 'no-such-scanner' })).rejects.toMatchObject({ code: 'SCANNER_NOT_FOUND' });
    core.close();
  }, 120_000);
});
