import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultContent } from '../shared/api';
import { barcodeFromCms, encodeBarcode } from '../shared/results/barcode';
import { canonicalBytes, canonicalSha256, certificatePem, crlPem, signDetached, toBase64 } from '../shared/signing';
import { createDemoPki, type DemoPki } from '../shared/signing/testPki';
import { renderResultPdf } from '../electron/core/results/pdf';
import { writeSettings } from '../electron/core/settings/store';
import { createDraft } from '../electron/core/requests/repository';
import { testCore } from '../electron/core/testing';
import { openResources } from '../electron/core/resources';
import { certificateContent } from '../electron/core/testing/results';

// The real command, bundled as `npm run verify` runs it.
let pki: DemoPki;
const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-verify-cli-'));
beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs']);
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['head'] });
  writeFileSync(path.join(dir, 'roots.pem'), certificatePem(pki.root.certificate));
  writeFileSync(path.join(dir, 'crl.pem'), crlPem(pki.crl));
  writeFileSync(path.join(dir, 'head.pem'), certificatePem(pki.keys.head.certificate));
}, 120_000);

// Its own numbers, so this printout is not the one other tests make.
const content = (): ResultContent => ({ ...certificateContent(pki.keys.head.person.iin), number: 'edu-kokpekty-20260306-0007', request: { ...certificateContent('').request, number: 'con-kokpekty-20260302-0007' } });

function signed(result: ResultContent): Uint8Array {
  const head = pki.keys.head;
  return signDetached({ content: canonicalBytes(result), key: head.key, certificate: head.certificate, signingTime: new Date('2026-03-06T10:00:00Z') });
}

const run = (...args: string[]) => spawnSync(process.execPath, ['build/node/verify.cjs', ...args], { encoding: 'utf8' });
const pemTrust = ['--roots', path.join(dir, 'roots.pem'), '--crl', path.join(dir, 'crl.pem')];

describe('npm run verify', () => {
  it('says valid (exit 0) with the fields, and invalid (exit 1) with the reason after a printed field is edited', async () => {
    const result = content();
    const barcode = encodeBarcode(barcodeFromCms(signed(result), result));
    writeFileSync(path.join(dir, 'good.pdf'), await renderResultPdf(result, 'ru', barcode, openResources().fonts()));
    writeFileSync(path.join(dir, 'edited.pdf'), await renderResultPdf({ ...result, fields: { ...result.fields, childName: 'Сарсенбаев Алихан Нурланулы' } }, 'ru', barcode, openResources().fonts()));
    const good = run(path.join(dir, 'good.pdf'), ...pemTrust, '--cert', path.join(dir, 'head.pem'));
    expect(good.stdout).toContain('ДЕЙСТВИТЕЛЕН: подпись подтверждена');
    expect(good.stdout).toContain('Сарсенбаева Айгерим Нурлановна, ИИН 900412400014');
    expect(good.status).toBe(0);
    const edited = run(path.join(dir, 'edited.pdf'), ...pemTrust, '--cert', path.join(dir, 'head.pem'), '--lang', 'kk');
    expect(edited.stdout).toContain('ЖАРАМСЫЗ: Басылған мәтін қол қойылған деректерге сәйкес келмейді');
    expect(edited.stdout).toContain('действительно назначен (а) опекуном (попечителем) над Сарсенбаев Алихан Нурланович');
    expect(edited.status).toBe(1);
    const unknown = run(path.join(dir, 'good.pdf'), ...pemTrust);
    expect(unknown.stdout).toContain('НЕДЕЙСТВИТЕЛЕН: Регистрационное свидетельство подписавшего не найдено');
    expect(unknown.status).toBe(1);
    expect(run(path.join(dir, 'missing.pdf'), ...pemTrust).status).toBe(2);
  }, 60_000);

  it("uses an АРМ's database read-only: its roots and CRL, and the signer of a result it holds", async () => {
    const { core, db, dataDir } = testCore();
    const result = content();
    const cms = signed(result);
    const draft = createDraft(db, { serviceId: 'guardianship-certificate', applicantIin: '900412400014', centre: 'con-kokpekty' }, { userId: 'operator-1', actor: 'operator' }, new Date());
    db.prepare('INSERT INTO results (request_id, outcome, number, content, content_sha256, signature, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      draft.id,
      'certificate',
      result.number,
      JSON.stringify(result),
      canonicalSha256(result),
      toBase64(cms),
      new Date().toISOString(),
    );
    writeSettings(db, { 'trust.roots': certificatePem(pki.root.certificate), 'trust.crls': crlPem(pki.crl) }, { userId: null }, new Date());
    core.close();
    writeFileSync(path.join(dir, 'held.pdf'), await renderResultPdf(result, 'kk', encodeBarcode(barcodeFromCms(cms, result)), openResources().fonts()));
    const checked = run(path.join(dir, 'held.pdf'), '--data-dir', dataDir, '--lang', 'kk');
    expect(checked.stdout).toContain('ЖАРАМДЫ');
    expect(checked.status).toBe(0);
  }, 60_000);
});
