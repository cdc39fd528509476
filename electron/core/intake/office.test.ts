import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { RequestContent, ResultContent } from '../../../shared/api';
import { certificateTemplate } from '../../../shared/results/templates';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { nodeCrypto } from '../crypto/node';
import { signPayload } from '../signing/sign';
import { findRequest } from '../requests/repository';
import { codeOf } from '../testing';
import { configureProvider, providerCore } from '../testing/provider';

// Intake at the provider's own office (issue 17 item 1): the office worker takes 001 service 13
// (only «канцелярия услугодателя» in its regulation) in, the request is registered in the
// department's own inbox without the gateway, the head appoints the executor, the executor
// decides, the head signs, and the office hands the result over.

const MOTHER = '900412400014';
let pki: DemoPki;
let gateway: TestGateway;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['officeWorker', 'clerk', 'head'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

/** The certificate fields its template asks for, filled with plausible values. */
export function templateFields(templateId: string): Record<string, string> {
  return Object.fromEntries(certificateTemplate(templateId).fields.map((field) => [field.key, field.type === 'date' ? '2026-02-20' : field.type === 'choice' ? field.options![0]!.value : 'Учебное значение']));
}

function officeDesk() {
  const t = providerCore(pki, { gateway, organisation: 'edu-uralsk' });
  configureProvider(t.db, pki, 'edu-uralsk');
  const office = t.as('officeWorker', pki.keys.officeWorker.person.iin);
  const executorKey = t.signIn('clerk', pki.keys.clerk.person.iin);
  const executor = t.window(executorKey);
  const head = t.as('head', pki.keys.head.person.iin);
  const sign = (content: RequestContent) => toBase64(signPayload({ crypto: nodeCrypto(), keyFile: pki.keys.officeWorker.p12, password: 'demo-2026', payload: content, expectedIin: pki.keys.officeWorker.person.iin, now: t.core.context.now() }).cms);
  const headSign = (content: ResultContent) => toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys.head.key, certificate: pki.keys.head.certificate, signingTime: t.core.context.now() }));
  return { ...t, office, executor, head, sign, headSign, executorId: t.core.sessions.get(executorKey).user!.id };
}

describe('intake at the provider office', () => {
  it('001 service 13: taken in at the office, registered in its own inbox, decided, signed and issued there — no gateway message', async () => {
    const t = officeDesk();
    const draft = await t.office.intake.start({ serviceId: 'child-opinion-decision' });
    expect(draft).toMatchObject({ variantId: '001-r13', channel: 'provider', centre: 'edu-uralsk', provider: 'edu-uralsk', dueIndicative: true });
    // 001 gives no total term: the five step norms of Рег.13 п.5 from Friday 6 March 15:00 —
    // 5 + 5 minutes, 9 working days (Monday 9 March is the day off moved from 8 March), 5 + 5 minutes.
    expect(draft.dueBy).toBe('2026-03-20T18:10');
    await t.office.intake.lookupPerson({ requestId: draft.requestId, role: 'applicant', iin: MOTHER });
    const content = await t.office.intake.prepare({ requestId: draft.requestId });
    expect(content).toMatchObject({ channel: 'provider', centre: 'edu-uralsk', provider: 'edu-uralsk', dueIndicative: true });
    const submitted = await t.office.intake.submit({ requestId: draft.requestId, cms: t.sign(content) });
    expect(submitted.state).toBe('registered');
    expect(findRequest(t.db, draft.requestId)).toMatchObject({ side: 'provider', state: 'registered', provider: 'edu-uralsk' });
    expect(t.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    const receipt = await t.office.print.receipt({ requestId: draft.requestId, language: 'ru' });
    expect(Buffer.from(receipt.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // The resolution step (001 Рег.13 п.5 пп.2): the executor waits for the head.
    expect(await codeOf(t.executor.inbox.take({ requestId: draft.requestId }))).toBe('ASSIGNMENT_REQUIRED');
    await t.head.inbox.assign({ requestId: draft.requestId, clerkId: t.executorId, comment: '' });
    await t.executor.inbox.take({ requestId: draft.requestId });
    await t.executor.decision.decide({ requestId: draft.requestId, outcome: 'certificate', fields: templateFields('001-r13.decision') });
    // An executor signing as head: refused by the core, nothing moves.
    expect(await codeOf(t.executor.decision.prepare({ requestId: draft.requestId }))).toBe('FORBIDDEN');
    expect(findRequest(t.db, draft.requestId).state).toBe('decided');
    const { content: result } = await t.head.decision.prepare({ requestId: draft.requestId });
    await t.head.decision.approve({ requestId: draft.requestId, cms: t.headSign(result) });
    expect(findRequest(t.db, draft.requestId).state).toBe('resultSigned');
    expect(t.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });

    await expect(t.office.results.counter()).resolves.toEqual([expect.objectContaining({ requestId: draft.requestId, state: 'resultSigned', outcome: 'certificate' })]);
    expect(await codeOf(t.office.results.issue({ requestId: draft.requestId, collectorIin: '920701300012', documentNumber: '041234567' }))).toBe('COLLECTOR_MISMATCH');
    expect(findRequest(t.db, draft.requestId).state).toBe('resultSigned');
    await expect(t.office.results.issue({ requestId: draft.requestId, collectorIin: MOTHER, documentNumber: '041234567' })).resolves.toMatchObject({ state: 'issued' });
    const pdf = await t.office.results.pdf({ requestId: draft.requestId, lang: 'kk' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a service whose regulation names no office channel there is refused; the counter operator cannot issue an office result', async () => {
    const t = officeDesk();
    // 001 Рег.2 (guardianship certificate) is portal-only in Uralsk.
    expect(await codeOf(t.office.intake.start({ serviceId: 'guardianship-certificate' }))).toBe('SERVICE_NOT_OFFERED');
    expect(await codeOf(t.as('operator').results.issue({ requestId: '00000000-0000-4000-8000-000000000000', collectorIin: MOTHER, documentNumber: '041234567' }))).toBe('NOT_FOUND');
  });
});
