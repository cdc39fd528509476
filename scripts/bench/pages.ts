import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { contract, createClient } from '../../shared/api';
import { certificatePem, crlPem } from '../../shared/signing';
import type { DemoPki } from '../../shared/signing/testPki';
import type { Core } from '../../electron/core/app';
import { writeSettings } from '../../electron/core/settings/store';
import { signedIn } from '../../electron/core/testing';

/**
 * A scanned page for the intake benches: a 512×512 RGBA PNG of noise, about 1 MB that does not
 * compress, and a real image (uploads are decoded, not sniffed). Each call makes new bytes, so
 * each run stores new files.
 */
export function scanPage(): Buffer {
  const image = new PNG({ width: 512, height: 512 });
  randomBytes(image.data.length).copy(image.data);
  return PNG.sync.write(image);
}

/**
 * A centre workstation ready for intake offline, as a supervisor leaves it: the centre, a cached
 * route for the guardianship service, the one trust (the demo root and CRL); and the demo
 * operator's client, signed in.
 */
export function counterOperator(core: Core, pki: DemoPki) {
  writeSettings(
    core.context.db!,
    {
      'workstation.centre': { code: 'con-kokpekty', district: 'kokpekty' },
      'reference.organisations': { version: 1, organisations: [], routes: [{ service: 'guardianship-certificate', district: 'kokpekty', provider: 'edu-kokpekty' }] },
      'trust.roots': certificatePem(pki.root.certificate),
      'trust.crls': crlPem(pki.crl),
    },
    { userId: null },
    new Date(),
  );
  const window = signedIn(core, 'operator', pki.keys.operator.person.iin, 'bench-operator');
  return createClient(contract, (name, input) => core.dispatch(name, input, window));
}
