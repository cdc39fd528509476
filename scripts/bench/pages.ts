import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PNG } from 'pngjs';
import { contract, createClient } from '../../shared/api';
import { certificatePem, crlPem, toBase64 } from '../../shared/signing';
import { DEMO_PASSWORD, type DemoPki } from '../../shared/signing/testPki';
import type { Core } from '../../electron/core/app';
import { nodeCrypto } from '../../electron/core/crypto/node';
import { writeSettings } from '../../electron/core/settings/store';
import { signPayload } from '../../electron/core/signing/sign';
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

const PERSON = { surname: 'Сарсенбаева', name: 'Айгерим', patronymic: 'Ерлановна', birthDate: '1990-04-12', address: null };

/**
 * One request at the counter: the draft with its applicant, representative and power of attorney
 * (untimed), then what intake.commit_ms times — the pages uploaded, the content prepared, signed
 * with the operator's key file and submitted with its outbox message.
 */
export async function counterIntake(client: ReturnType<typeof counterOperator>, pki: DemoPki, pages: Uint8Array[]): Promise<{ requestId: string; ms: number }> {
  const { requestId } = await client.intake.start({ serviceId: 'guardianship-certificate' });
  const view = await client.intake.manualPerson({ requestId, role: 'applicant', person: { ...PERSON, iin: '900412400014' } });
  // The same applicant every run: the operator continues past the possible duplicate, as at the counter.
  if (view.duplicates.length > 0) await client.intake.continueDuplicate({ requestId, reason: 'bench: the same applicant each run' });
  await client.intake.manualPerson({ requestId, role: 'representative', person: { ...PERSON, iin: '820125300010', surname: 'Оспанов', name: 'Бауыржан' } });
  await client.intake.powerOfAttorney({ requestId, kind: 'simple' });
  const started = performance.now();
  for (const bytes of pages) await client.documents.upload({ requestId, document: 0, fileName: 'page.png', bytes });
  const content = await client.intake.prepare({ requestId });
  const signed = signPayload({ crypto: nodeCrypto(), keyFile: pki.keys.operator.p12, password: DEMO_PASSWORD, payload: content, expectedIin: pki.keys.operator.person.iin, now: new Date() });
  await client.intake.submit({ requestId, cms: toBase64(signed.cms) });
  return { requestId, ms: performance.now() - started };
}
