import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { contract, createClient } from '../../../shared/api';
import { certificatePem, crlPem, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { startCore } from '../app';
import { writeSettings } from '../settings/store';
import { signPayload } from '../signing/sign';
import { memoryLogger, signedIn } from '../testing';
import { nodeCrypto } from '../crypto/node';

// `strings` over the АРМ's data folder after a real intake finds no one: not the applicant's IIN
// or name, not the operator's IIN, not the words of the scan. (The training emulator's and the test
// PKI's folders hold demo data by design; this test's gateway keeps its data elsewhere.)

const MOTHER = '900412400014';
const ATTORNEY = '820125300010';
const START = Date.parse('2026-03-02T09:00:00Z');
const SCAN_TEXT = 'Удостоверение личности 900412400014 Сарсенбаева';
/** A real one-page PDF (uploads are parsed) that carries the text as plain UTF-8 in a comment. */
async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.concat([Buffer.from(await doc.save()), Buffer.from(`%${SCAN_TEXT}\n`)]);
}

let pki: DemoPki;
let gateway: TestGateway;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date(START), only: ['operator'] });
  gateway = await startTestGateway();
});
afterAll(async () => gateway.dispose());

/** Like `strings`: printable runs of the file in UTF-8, and UTF-16LE as Windows tools write. */
function findIn(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle)) || bytes.includes(Buffer.from(needle, 'utf16le'))) hits.push(`${path.relative(dir, file)}: ${needle}`);
    }
  }
  return hits;
}

describe('the data folder at rest', () => {
  it('reveals no one after an intake with a scan, signed, queued and sent', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arm-atrest-'));
    // The real logger, so logs/ is part of what is searched.
    const core = startCore({ appVersion: 'test', dataDir, now: () => new Date(START), gatewayUrl: gateway.url, syncIntervalMs: 0 });
    const client = (key: string) => createClient(contract, (name, input) => core.dispatch(name, input, key));
    const supervisor = client(signedIn(core, 'supervisor', '880315400010', 'supervisor'));
    const operator = client(signedIn(core, 'operator', pki.keys.operator.person.iin, 'operator'));
    await supervisor.intake.setCentre({ code: 'con-kokpekty', district: 'kokpekty' });
    // The one trust signatures are checked against: the demo root and its CRL, as a supervisor sets them.
    writeSettings(core.context.db!, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date(START));
    const { requestId } = await operator.intake.start({ serviceId: 'guardianship-certificate' });
    const applicant = await operator.intake.lookupPerson({ requestId, role: 'applicant', iin: MOTHER });
    expect(JSON.stringify(applicant)).toContain('Сарсенбаева');
    await operator.intake.lookupPerson({ requestId, role: 'representative', iin: ATTORNEY });
    await operator.intake.powerOfAttorney({ requestId, kind: 'simple' });
    await operator.documents.upload({ requestId, document: 0, fileName: 'id.pdf', bytes: (await scannedPdf()) });
    const content = await operator.intake.prepare({ requestId });
    const signed = signPayload({ crypto: nodeCrypto(), keyFile: pki.keys.operator.p12, password: 'demo-2026', payload: content, expectedIin: pki.keys.operator.person.iin, now: new Date(START) });
    await operator.intake.submit({ requestId, cms: toBase64(signed.cms) });
    await core.context.sync!.run();
    await operator.journal.search({ iin: MOTHER }).catch(() => null);

    // While the АРМ runs (WAL and all) and after it stops.
    const needles = [MOTHER, ATTORNEY, 'Сарсенбаева', 'Айгерим', pki.keys.operator.person.iin, 'Удостоверение'];
    expect(findIn(dataDir, needles)).toEqual([]);
    core.close();
    expect(findIn(dataDir, needles)).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'logs')).length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dataDir, 'attachments')).length).toBeGreaterThan(0);
    // The test can see through its own eyes: the same needles are there without encryption.
    const plainDir = mkdtempSync(path.join(os.tmpdir(), 'arm-plain-'));
    const plain = startCore({ appVersion: 'test', dataDir: plainDir, log: memoryLogger(), now: () => new Date(START), keyProtector: null, syncIntervalMs: 0 });
    plain.context.db!.prepare("INSERT INTO meta (key, value) VALUES ('probe', ?)").run(MOTHER);
    plain.close();
    expect(findIn(plainDir, [MOTHER])).toEqual(['arm.sqlite: 900412400014']);
  });
});
