import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { postRequest, requestContent, requestMessage, providerCore } from '../testing/provider';

// Where no seed gives the text, the supervisor rewords the generic layout's captions: audited
// through the settings store, and frozen into each result decided under them.

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

function pdfText(base64: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-wording-'));
  writeFileSync(path.join(dir, 'r.pdf'), Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-']).toString().replace(/\s+/g, ' ');
}

describe('generic wording', () => {
  it('the supervisor rewords a caption; a result keeps the wording it was decided under; bad input changes nothing', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const w = providerCore(pki, { gateway });
    const supervisor = w.as('supervisor');
    const clerk = w.as('clerk', pki.keys.clerk.person.iin);
    await postRequest(gateway, requestMessage(pki, requestContent(pki)));
    await clerk.inbox.pull();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });

    await expect(supervisor.results.setWording({ ru: { refusalTitle: 'ОТВЕТ ОБ ОТКАЗЕ', grounds: 'Основания отказа' } })).resolves.toEqual({ ru: { refusalTitle: 'ОТВЕТ ОБ ОТКАЗЕ' } });
    const [entry] = await supervisor.audit.list({ action: 'settings.change' });
    expect(entry!.details).toMatchObject({ 'results.genericWording': { from: null, to: { ru: { refusalTitle: 'ОТВЕТ ОБ ОТКАЗЕ' } } } });

    // 000 has no refusal form (generic layout): the result is decided and printed with the new caption.
    const decided = await clerk.decision.decide({ requestId: row!.id, outcome: 'refusal', grounds: ['documentViolations'], text: 'Копия свидетельства о рождении нечитаема.' });
    expect(decided.content.wording).toEqual({ ru: { refusalTitle: 'ОТВЕТ ОБ ОТКАЗЕ' } });
    expect(pdfText((await clerk.results.pdf({ requestId: row!.id, lang: 'ru' })).base64)).toMatch(/^ОТВЕТ ОБ ОТКАЗЕ /);

    // Reworded again: the decided result still prints what it was decided (and will be signed) with.
    await supervisor.results.setWording({ ru: { refusalTitle: 'УВЕДОМЛЕНИЕ ОБ ОТКАЗЕ' } });
    expect(pdfText((await clerk.results.pdf({ requestId: row!.id, lang: 'ru' })).base64)).toMatch(/^ОТВЕТ ОБ ОТКАЗЕ /);

    await expect(supervisor.results.setWording({ ru: { refusalTitle: ' ' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(supervisor.results.setWording({ ru: { footer: 'x' } } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(clerk.results.setWording({ ru: { refusalTitle: 'X' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(supervisor.results.wording()).resolves.toMatchObject({ current: { ru: { refusalTitle: 'УВЕДОМЛЕНИЕ ОБ ОТКАЗЕ' } }, builtIn: { kk: { iin: 'ЖСН' } } });
    // Back to the built-in captions.
    await expect(supervisor.results.setWording({})).resolves.toEqual({});
    w.close();
  });
});
