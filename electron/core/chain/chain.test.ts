import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { certificateCard } from '../../../shared/signing/certificate';
import { findRequest, insertReceived } from '../requests/repository';
import { codeOf } from '../testing';
import { providerCore, requestContent } from '../testing/provider';

// The provider's chain with its step clocks (issue 19 item 4) and the akimat's resolution as an
// outside stage (issue 19 item 5, 001 Рег.3 п.5 пп.3–4).

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head'] });
}, 60_000);

const FIELDS = { body: 'Установить опеку над несовершеннолетним' };

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
  it('each step has its norm and its own clock; the certificate waits for the akimat resolution, whose number is never reused', async () => {
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
    // The result waits for the stage: neither an act before sending, nor a certificate before the act.
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '123', date: '2026-03-06' }))).toBe('STAGE_NOT_APPLICABLE');
    expect(await codeOf(t.executor.decision.decide({ requestId, outcome: 'certificate', fields: FIELDS }))).toBe('ACT_REQUIRED');
    expect(findRequest(t.db, requestId).state).toBe('inWork');
    // Only the executor works the stage; the head cannot record the act.
    expect(await codeOf(t.head.chain.sendToStage({ requestId }))).toBe('FORBIDDEN');
    // Six working days from Friday 6 March; Monday the 9th is the day off moved from Sunday 8 March.
    chain = await t.executor.chain.sendToStage({ requestId });
    expect(chain.stage).toMatchObject({ sentAt: '2026-03-06T15:20', due: '2026-03-17T18:00' });
    expect(chain.steps[3]).toMatchObject({ actor: 'akimat', status: 'running', due: '2026-03-17T18:00' });
    expect(await codeOf(t.executor.chain.recordAct({ requestId, number: '45', date: '2026-03-20' }))).toBe('VALIDATION_FAILED');
    chain = await t.executor.chain.recordAct({ requestId, number: '45', date: '2026-03-06' });
    expect(chain.stage?.act).toEqual({ number: '45', date: '2026-03-06', recordedAt: '2026-03-06T15:20' });
    expect(chain.steps[3]).toMatchObject({ status: 'done' });

    // A second request: the akimat's number 45 again is refused, nothing recorded.
    const second = received(t, 'con-uralsk-20260306-0002');
    await t.head.inbox.assign({ requestId: second, clerkId: t.executorId, comment: '' });
    await t.executor.inbox.take({ requestId: second });
    await t.executor.chain.sendToStage({ requestId: second });
    const reused = await t.executor.chain.recordAct({ requestId: second, number: '45', date: '2026-03-06' }).catch((error: unknown) => error);
    expect(reused).toMatchObject({ code: 'ACT_NUMBER_REUSED', params: { number: '45' } });
    expect((await t.executor.chain.get({ requestId: second })).stage?.act).toBeNull();

    await t.executor.decision.decide({ requestId, outcome: 'certificate', fields: FIELDS });
    const { content } = await t.head.decision.prepare({ requestId });
    await t.head.decision.approve({ requestId, cms: toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys.head.key, certificate: pki.keys.head.certificate, signingTime: t.core.context.now() })) });
    chain = await t.as('officeWorker').chain.get({ requestId });
    expect(chain.steps[4]).toMatchObject({ status: 'done', doneAt: '2026-03-06T15:20' });
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
