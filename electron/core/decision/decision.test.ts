import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { leaseAnswerSchema } from '../../../shared/gateway/api';
import { canonicalBytes, parseCrl, signDetached, toBase64, verifyDetached } from '../../../shared/signing';
import type { ResultContent } from '../../../shared/api';
import { createDemoPki, issueCertificate, type DemoKeyId, type DemoPki } from '../../../shared/signing/testPki';
import { writeSettings } from '../settings/store';
import { CENTRE, postRequest, requestContent, requestMessage, providerCore } from '../testing/provider';

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head', 'revoked'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

const GUARDIANSHIP = { akimLevel: 'района', decisionNumber: '125', decisionDate: '2026-02-20', childName: 'Сарсенбаев Алихан Нурланович', childBirthDate: '2019-06-20' };

/** The head's signature as signing.sign makes it, with a demo key in memory. */
function sign(content: ResultContent, key: DemoKeyId, at: Date): string {
  const demo = pki.keys[key];
  return toBase64(signDetached({ content: canonicalBytes(content), key: demo.key, certificate: demo.certificate, signingTime: at }));
}

async function inWork() {
  await gateway.call('/_control/reset', { method: 'POST' });
  const w = providerCore(pki, { gateway });
  const clerk = w.as('clerk', pki.keys.clerk.person.iin);
  const head = w.as('head', pki.keys.head.person.iin);
  await postRequest(gateway, requestMessage(pki, requestContent(pki)));
  await clerk.inbox.pull();
  const [row] = await clerk.inbox.list({});
  await clerk.inbox.take({ requestId: row!.id });
  return { ...w, clerk, head, requestId: row!.id };
}

describe('decision', () => {
  it('certificate: the clerk decides, the head signs, the result goes to the centre through the outbox', async () => {
    const w = await inWork();
    const decided = await w.clerk.decision.decide({ requestId: w.requestId, outcome: 'certificate', fields: GUARDIANSHIP });
    expect(decided).toMatchObject({ state: 'decided', signed: false, content: { kind: 'certificate', templateId: '000.certificate', fields: GUARDIANSHIP, signer: null } });
    await expect(w.head.decision.queue()).resolves.toEqual([expect.objectContaining({ id: w.requestId, state: 'decided' })]);

    const prepared = await w.head.decision.prepare({ requestId: w.requestId });
    expect(prepared.content.signer).toEqual({ fullName: expect.any(String), iin: pki.keys.head.person.iin, position: { ru: 'Руководитель отдела', kk: 'Бөлім басшысы' }, organisation: 'test' });
    const signed = await w.head.decision.approve({ requestId: w.requestId, cms: sign(prepared.content, 'head', w.core.context.now()) });
    expect(signed).toMatchObject({ state: 'resultSigned', signed: true });
    const pdf = Buffer.from((await w.head.results.pdf({ requestId: w.requestId, lang: 'ru' })).base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(w.as('operator').results.pdf({ requestId: w.requestId, lang: 'ru' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The outbox delivers it; the centre's inbox holds the signed result with the request's message id.
    await w.core.context.sync!.run();
    const leased = leaseAnswerSchema.parse(await (await gateway.call(`/inboxes/${CENTRE}/lease`, { method: 'POST' })).json()).messages;
    // Before the result, the status notices of each step (registered, in work, decided).
    expect(leased.map((entry) => [entry.message.kind, entry.message.payload.state])).toEqual([
      ['status', 'registered'],
      ['status', 'inWork'],
      ['status', 'decided'],
      ['result', undefined],
    ]);
    const message = leased[3]!.message;
    expect(message).toMatchObject({ kind: 'result', from: 'edu-kokpekty', to: CENTRE, payload: { number: prepared.content.number, request: { number: prepared.content.request.number } } });
    const verified = verifyDetached({ cms: Buffer.from(message.signature!.value, 'base64'), content: canonicalBytes(message.payload), trustedRoots: [pki.root.certificate], crls: [parseCrl(pki.crl)], expectedIin: null, now: w.core.context.now() });
    expect(verified.signer.subject.iin).toBe(pki.keys.head.person.iin);
    w.close();
  });

  it('refusal on the regulation grounds; the head may return it with a comment', async () => {
    const w = await inWork();
    await expect(w.clerk.decision.decide({ requestId: w.requestId, outcome: 'refusal', grounds: ['commissionConclusion'], text: 'Заключение комиссии отрицательное.' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const decided = await w.clerk.decision.decide({ requestId: w.requestId, outcome: 'refusal', grounds: ['documentViolations'], text: 'Копия свидетельства о рождении нечитаема.' });
    expect(decided.content).toMatchObject({ kind: 'refusal', templateId: '000.refusal', refusal: { grounds: ['documentViolations'] } });

    await expect(w.head.decision.return({ requestId: w.requestId, comment: 'Уточните основание' })).resolves.toMatchObject({
      state: 'inWork',
      history: expect.arrayContaining([expect.objectContaining({ from: 'decided', to: 'inWork', comment: 'Уточните основание' })]),
    });
    await expect(w.head.decision.prepare({ requestId: w.requestId })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    w.close();
  });

  it('refuses a foreign signature, a changed letter, a revoked key, a wrong state, wrong fields — and changes nothing', async () => {
    const w = await inWork();
    await expect(w.clerk.decision.decide({ requestId: w.requestId, outcome: 'certificate', fields: { body: 'x' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await w.clerk.decision.decide({ requestId: w.requestId, outcome: 'certificate', fields: GUARDIANSHIP });
    await expect(w.clerk.decision.decide({ requestId: w.requestId, outcome: 'certificate', fields: GUARDIANSHIP })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: 'AAAA' })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    const { content } = await w.head.decision.prepare({ requestId: w.requestId });
    const now = w.core.context.now();
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: sign(content, 'clerk', now) })).rejects.toMatchObject({ code: 'CERT_IIN_MISMATCH' });
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: sign({ ...content, fields: { ...GUARDIANSHIP, decisionNumber: '126' } }, 'head', now) })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: sign(content, 'revoked', now) })).rejects.toMatchObject({ code: 'CERT_REVOKED' });
    // The head's own IIN, but an employee key of the department (НУЦ key role …4.1.2.5): not a head's signature.
    const employeeKey = issueCertificate({ issuer: pki.root, person: pki.keys.head.person, kind: 'sign', notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z'), organisationRole: 'employee' });
    const byEmployeeKey = toBase64(signDetached({ content: canonicalBytes(content), key: employeeKey.key, certificate: employeeKey.certificate, signingTime: now }));
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: byEmployeeKey })).rejects.toMatchObject({ code: 'CERT_ROLE' });
    await expect(w.head.decision.result({ requestId: w.requestId })).resolves.toMatchObject({ state: 'decided', signed: false });
    expect(w.db.prepare("SELECT count(*) AS n FROM outbox WHERE json_extract(message, '$.kind') != 'status'").get()).toEqual({ n: 0 });
    // The head's own key, but the workstation is of another organisation: CERT_ORGANISATION.
    writeSettings(w.db, { 'workstation.bin': pki.keys.operator.person.organisation!.bin }, { userId: null }, now);
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: sign(content, 'head', now) })).rejects.toMatchObject({ code: 'CERT_ORGANISATION' });
    await expect(w.head.decision.result({ requestId: w.requestId })).resolves.toMatchObject({ state: 'decided', signed: false });
    // Its own BIN set: the head's key of the department signs.
    writeSettings(w.db, { 'workstation.bin': pki.keys.head.person.organisation!.bin }, { userId: null }, now);
    await expect(w.head.decision.approve({ requestId: w.requestId, cms: sign(content, 'head', now) })).resolves.toMatchObject({ state: 'resultSigned' });
    await expect(w.as('operator').decision.decide({ requestId: w.requestId, outcome: 'certificate', fields: GUARDIANSHIP })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    w.close();
  });
});
