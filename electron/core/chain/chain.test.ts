import { createHash, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { certificateCard } from '../../../shared/signing/certificate';
import { findRequest, insertReceived } from '../requests/repository';
import { codeOf } from '../testing';
import { providerCore, requestContent } from '../testing/provider';

// The provider's chain with its step clocks (issue 19 item 4) and the akimat's resolution as an
// outside stage (issue 19 item 5, 001 Рег.3 п.5 пп.3–4) that is the result itself (issue 17 item 3,
// 001 Рег.3 п.3: «Результатом … является: постановление акимата района … об установлении опеки»).

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head'] });
}, 60_000);

const FIELDS = { body: 'Установить опеку над несовершеннолетним' };
/** The akimat's resolution as scanned (a 1×1 PNG: the upload checks read its kind). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082', 'hex');
/** Another scan of it: the same image with a text chunk (its CRC computed) before IEND. */
const PNG2 = (() => {
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from('Comment\0page 2')]);
  const chunk = Buffer.concat([Buffer.alloc(4), body, Buffer.alloc(4)]);
  chunk.writeUInt32BE(body.length - 4, 0);
  chunk.writeUInt32BE(crc32(body), chunk.length - 4);
  return Buffer.concat([PNG.subarray(0, PNG.length - 12), chunk, PNG.subarray(PNG.length - 12)]);
})();
const SCAN = { fileName: 'postanovlenie.png', bytes: PNG.toString('base64') };
const SCAN_SHA256 = createHash('sha256').update(PNG).digest('hex');

/** A 001 Рег.3 request (guardianship establishment, Uralsk) as the gateway would have delivered it, at 15:00 local. */
function received(t: ReturnType<typeof providerCore>, number: string) {
  const content = requestContent(pki, { number, serviceId: 'guardianship-establishment', variantId: '001-r3', centre: 'con-uralsk', provider: 'edu-uralsk', dueBy: null, fields: {} });
  return insertReceived(t.db, { messageId: randomUUID(), content, contentSha256: 'x', signature: 'x', received: { receiptNumber: 'R-1', receivedAt: t.core.context.now().toISOString(), signer: certificateCard(pki.keys.operator.certificate), signingTime: content.acceptedAt, crlIssuedAt: content.acceptedAt, recheck: [] } }, t.core.context.now()).id;
}

function desk() {
  const t = providerCore(pki, { organisation: 'edu-uralsk' });
  const executorKey = t.signIn('clerk', pki.keys.clerk.person.iin);
  const executor = t.window(executorKey);
  const head = t.as('head', pki.keys.head.person.iin);
  const minutes = (n: number) => (t.clock.now += n * 60_000);
  return { ...t, executor, head, minutes, executorId: t.core.sessions.get(executorKey).user!.id };
}

describe('the provider chain of 001 Рег.3', () => {
  it('each step has its norm and its own clock; the result waits for the akimat resolution, whose number is never reused', async () => {
    const t = desk();
    const requestId = received(t, 'con-uralsk-20260306-0001');
    let chain = await t.executor.chain.get({ requestId });
    expect(chain.steps.map((step) => [step.actor, step.norm.value, step.norm.unit, step.paragraph])).toEqual([
      ['clerk', 15, 'minutes', 'Рег.3 п.5 пп.1'],
      ['head', 15, 'minutes', 'Рег.3 п.5 пп.2'],
      ['executor', 12, 'workingDays', 'Рег.3 п.5 пп.3'],
      ['akimat', 6, 'workingDays', 'Рег.3 п.5 пп.4'],
      ['clerk', 1, 'workingDays', 'Рег.3 п.5 пп.5'],
    ]);
    // Registered on arrival at 15:00; the head's resolution is due 15 minutes after.
    expect(chain.steps[0]).toMatchObject({ status: 'done', startedAt: '2026-03-06T15:00', due: '2026-03-06T15:15', doneAt: '2026-03-06T15:00' });
    expect(chain.steps[1]).toMatchObject({ status: 'running', startedAt: '2026-03-06T15:00', due: '2026-03-06T15:15' });
    expect(chain.steps[2]).toMatchObject({ status: 'pending', due: null });
    expect(chain.stage).toMatchObject({ kind: 'akimatResolution', norm: { value: 6, unit: 'workingDays' }, sentAt: null, act: null });

    // Twenty minutes later (in two steps: an idle window locks after fifteen).
    t.minutes(10);
    await t.head.inbox.list({});
    await t.executor.chain.get({ requestId });
    t.minutes(10);
    await t.head.inbox.assign({ requestId, clerkId: t.executorId, comment: '' });
    chain = await t.executor.chain.get({ requestId });
    expect(chain.steps[1]).toMatchObject({ status: 'late', doneAt: '2026-03-06T15:20' });
    expect(chain.steps[2]).toMatchObject({ status: 'running', startedAt: '2026-03-06T15:20' });

    await t.executor.inbox.take({ requestId });
    // The result waits for the stage: no act before sending; the executor never decides a certificate here (ACT_IS_RESULT).
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '123', date: '2026-03-06', scan: SCAN }))).toBe('STAGE_NOT_APPLICABLE');
    expect(await codeOf(t.executor.decision.decide({ requestId, outcome: 'certificate', fields: FIELDS }))).toBe('ACT_IS_RESULT');
    expect(findRequest(t.db, requestId).state).toBe('inWork');
    // Only the executor works the stage; the head cannot record the act.
    expect(await codeOf(t.head.chain.sendToStage({ requestId }))).toBe('FORBIDDEN');
    // Six working days from Friday 6 March; Monday the 9th is the day off moved from Sunday 8 March.
    chain = await t.executor.chain.sendToStage({ requestId });
    expect(chain.stage).toMatchObject({ sentAt: '2026-03-06T15:20', due: '2026-03-17T18:00' });
    expect(chain.steps[3]).toMatchObject({ actor: 'akimat', status: 'running', due: '2026-03-17T18:00' });
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '45', date: '2026-03-20', scan: SCAN }))).toBe('VALIDATION_FAILED');
    chain = await t.executor.chain.recordAct({ requestId, number: '45', date: '2026-03-06', scan: SCAN });
    expect(chain.stage?.act).toEqual({ number: '45', date: '2026-03-06', recordedAt: '2026-03-06T15:20', scanSha256: SCAN_SHA256 });
    expect(chain.steps[3]).toMatchObject({ status: 'done' });

    // A second request: the akimat's number 45 again is refused, nothing recorded.
    const second = received(t, 'con-uralsk-20260306-0002');
    await t.head.inbox.assign({ requestId: second, clerkId: t.executorId, comment: '' });
    await t.executor.inbox.take({ requestId: second });
    await t.executor.chain.sendToStage({ requestId: second });
    const reused = await t.executor.chain.recordAct({ requestId: second, number: '45', date: '2026-03-06', scan: SCAN }).catch((error: unknown) => error);
    expect(reused).toMatchObject({ code: 'ACT_NUMBER_REUSED', params: { number: '45' } });
    expect((await t.executor.chain.get({ requestId: second })).stage?.act).toBeNull();
    expect(findRequest(t.db, second).state).toBe('inWork');

    const { content } = await t.head.decision.prepare({ requestId });
    await t.head.decision.approve({ requestId, cms: toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys.head.key, certificate: pki.keys.head.certificate, signingTime: t.core.context.now() })) });
    chain = await t.as('officeWorker').chain.get({ requestId });
    expect(chain.steps[4]).toMatchObject({ status: 'done', doneAt: '2026-03-06T15:20' });
  });

  it('the akimat’s resolution is the result: recorded with its scan, its copy signed by the head and sent by the office (Рег.3 п.3, п.5 пп.4–5)', async () => {
    const t = desk();
    const requestId = received(t, 'con-uralsk-20260306-0004');
    await t.head.inbox.assign({ requestId, clerkId: t.executorId, comment: '' });
    await t.executor.inbox.take({ requestId });
    // п.5 пп.3: «готовит проект постановления и направляет пакет документов в местный исполнительный орган».
    await t.executor.chain.sendToStage({ requestId });

    // п.3: the applicant receives the resolution «в форме электронного документа»: without its scan there is nothing to send.
    const bare = await t.executor.chain.recordAct({ requestId, number: '77', date: '2026-03-06' }).catch((error: unknown) => error);
    expect(bare).toMatchObject({ code: 'ACT_SCAN_REQUIRED' });
    // The scan passes the checks of any document upload: not base64, not a PDF/JPEG/PNG, empty.
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '77', date: '2026-03-06', scan: { fileName: 'x.png', bytes: 'no base64!' } }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '77', date: '2026-03-06', scan: { fileName: 'x.txt', bytes: Buffer.from('постановление').toString('base64') } }))).toBe('FILE_TYPE');
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '77', date: '2026-03-06', scan: { fileName: 'x.png', bytes: '' } }))).toBe('FILE_EMPTY');
    expect((await t.executor.chain.get({ requestId })).stage?.act).toBeNull();
    expect(findRequest(t.db, requestId).state).toBe('inWork');

    // п.5 пп.4: «принимает соответствующее постановление и направляет в канцелярию услугодателя» — recorded, it is the result.
    t.minutes(5);
    await t.executor.chain.recordAct({ requestId, number: '77', date: '2026-03-06', scan: SCAN });
    expect(findRequest(t.db, requestId).state).toBe('decided');
    const decided = await t.executor.decision.result({ requestId });
    expect(decided.content).toMatchObject({ kind: 'certificate', templateId: '001-r3.resolution', act: { number: '77', date: '2026-03-06', scanSha256: SCAN_SHA256 }, signer: null, refusal: null });
    expect(decided.content.fields.body).toContain('№ 77 от 06.03.2026');
    // No second decision by the executor, neither before the head signs nor instead of the act.
    expect(await codeOf(t.executor.decision.decide({ requestId, outcome: 'certificate', fields: FIELDS }))).toBe('ACT_IS_RESULT');

    // п.3: «подписанного ЭЦП уполномоченного лица услугодателя» — the head's key over the act's number, date and scan.
    const { content } = await t.head.decision.prepare({ requestId });
    expect(content.act).toEqual(decided.content.act);
    // A signature over other bytes (another scan) is refused: what the head signs is this copy.
    const forged = { ...content, act: { ...content.act!, scanSha256: '0'.repeat(64) } };
    const signWith = (signed: unknown) => toBase64(signDetached({ content: canonicalBytes(signed), key: pki.keys.head.key, certificate: pki.keys.head.certificate, signingTime: t.core.context.now() }));
    expect(await codeOf(t.head.decision.approve({ requestId, cms: signWith(forged) }))).toBe('SIGNATURE_INVALID');
    expect(findRequest(t.db, requestId).state).toBe('decided');
    t.minutes(5);
    const signed = await t.head.decision.approve({ requestId, cms: signWith(content) });
    expect(signed).toMatchObject({ state: 'resultSigned', signed: true });

    // п.5 пп.5: «обеспечивает доставку готового результата в Государственную корпорацию» — with the scan of the act.
    const messages = (t.db.prepare('SELECT message FROM outbox WHERE request_id = ?').all(requestId) as Array<{ message: string }>).map((row) => JSON.parse(row.message) as { kind: string; to: string; attachments: string[]; payload: { act?: unknown } });
    expect(messages.find((message) => message.kind === 'result')).toMatchObject({ kind: 'result', to: 'con-uralsk', attachments: [SCAN_SHA256], payload: { act: { number: '77', scanSha256: SCAN_SHA256 } } });
    // The office's step: 1 working day from the act, done when the signed copy went out.
    const chain = await t.as('officeWorker').chain.get({ requestId });
    expect(chain.steps[3]).toMatchObject({ actor: 'akimat', status: 'done', doneAt: '2026-03-06T15:05' });
    expect(chain.steps[4]).toMatchObject({ actor: 'clerk', paragraph: 'Рег.3 п.5 пп.5', norm: { value: 1, unit: 'workingDays' }, startedAt: '2026-03-06T15:05', due: '2026-03-10T18:00', doneAt: '2026-03-06T15:10', status: 'done' });
  });

  it('a resolution the head returns is recorded again, never decided by the executor', async () => {
    const t = desk();
    const requestId = received(t, 'con-uralsk-20260306-0005');
    await t.head.inbox.assign({ requestId, clerkId: t.executorId, comment: '' });
    await t.executor.inbox.take({ requestId });
    await t.executor.chain.sendToStage({ requestId });
    await t.executor.chain.recordAct({ requestId, number: '78', date: '2026-03-06', scan: SCAN });
    await t.head.decision.return({ requestId, comment: 'Не тот скан' });
    expect(findRequest(t.db, requestId).state).toBe('inWork');
    expect((await t.executor.chain.get({ requestId })).stage?.act).toBeNull();
    // The same number is free again for the same request: it was the act that was returned.
    await t.executor.chain.recordAct({ requestId, number: '78', date: '2026-03-06', scan: { fileName: 'p2.png', bytes: PNG2.toString('base64') } });
    expect((await t.executor.decision.result({ requestId })).content.act?.scanSha256).toBe(createHash('sha256').update(PNG2).digest('hex'));
  });

  it('a service without an outside stage refuses one', async () => {
    const t = desk();
    const requestId = received(t, 'con-uralsk-20260306-0003');
    t.db.prepare("UPDATE requests SET content = json_set(content, '$.serviceId', 'guardian-allowance', '$.variantId', '001-r5'), service_id = 'guardian-allowance', variant_id = '001-r5' WHERE id = ?").run(requestId);
    await t.head.inbox.assign({ requestId, clerkId: t.executorId, comment: '' });
    await t.executor.inbox.take({ requestId });
    expect(await codeOf(t.executor.chain.sendToStage({ requestId }))).toBe('STAGE_NOT_APPLICABLE');
    expect((await t.executor.chain.get({ requestId })).stage).toBeNull();
  });
});
