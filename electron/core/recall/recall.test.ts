import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestGateway, type TestGateway } from '../../../gateway/testing';
import type { RequestContent } from '../../../shared/api';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { listAudit } from '../audit/log';
import { writeAttachment } from '../documents/store';
import { enqueue } from '../outbox/outbox';
import { createDraft, findRequest, moveRequest } from '../requests/repository';
import { codeOf, type TestClock } from '../testing';
import { CENTRE, SCANS, providerCore, requestContent, requestMessage } from '../testing/provider';

// The centre supervisor's recall list: a request the gateway refused, the provider returned or
// refused lands on it with the reason and the phone; each call back is marked and audited, and
// «corrected and resent» only follows a re-signed resend.

let pki: DemoPki;
let gateway: TestGateway;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

function sendFromCentre(centre: ReturnType<typeof providerCore>, options: { fields?: RequestContent['fields'] } = {}) {
  const now = centre.core.context.now();
  const operator = { userId: 'operator-1', actor: 'operator' as const };
  const draft = createDraft(centre.db, { serviceId: 'guardianship-certificate', applicantIin: '900412400014', centre: CENTRE }, operator, now);
  const content = requestContent(pki, { number: draft.number, ...(options.fields ? { fields: options.fields } : {}) });
  for (const bytes of SCANS) writeAttachment(centre.core.context.dataDir, bytes);
  centre.db.transaction(() => {
    centre.db.prepare('UPDATE requests SET content = ?, applicant_name = ?, due_by = ?, variant_id = ? WHERE id = ?').run(JSON.stringify(content), 'Сарсенбаева Айгерим', content.dueBy, content.variantId, draft.id);
    moveRequest(centre.db, draft.id, 'signed', operator, now);
    moveRequest(centre.db, draft.id, 'queued', operator, now);
    enqueue(centre.db, requestMessage(pki, content), draft.id, now);
  })();
  return draft.id;
}

/** The operator signs the last message's content anew and resends it (outbox.resend). */
async function resend(centre: ReturnType<typeof providerCore>, requestId: string) {
  const { payload } = JSON.parse((centre.db.prepare('SELECT message FROM outbox WHERE request_id = ? ORDER BY rowid DESC LIMIT 1').get(requestId) as { message: string }).message) as { payload: Record<string, unknown> };
  const cms = toBase64(signDetached({ content: canonicalBytes(payload), key: pki.keys.operator.key, certificate: pki.keys.operator.certificate, signingTime: centre.core.context.now() }));
  await centre.as('operator', pki.keys.operator.person.iin).outbox.resend({ requestId, cms });
}

async function pair() {
  await gateway.call('/_control/reset', { method: 'POST' });
  const clock: TestClock = { now: Date.parse('2026-03-06T10:00:00Z') };
  const centre = providerCore(pki, { gateway, organisation: CENTRE, clock });
  const provider = providerCore(pki, { gateway, clock });
  const clerk = provider.as('clerk', pki.keys.clerk.person.iin);
  const operator = centre.as('operator');
  const supervisor = centre.as('supervisor');
  const exchange = async () => {
    await centre.core.context.sync!.run();
    await clerk.inbox.pull();
    await provider.core.context.sync!.run();
    await operator.inbox.pull();
  };
  return { clock, centre, provider, clerk, operator, supervisor, exchange };
}

describe('the recall list', () => {
  it('lists a returned package with its reason and phone; «could not reach» keeps it open, «resent» waits for the re-signed resend; every mark audited', { timeout: 30_000 }, async () => {
    const { clock, centre, provider, clerk, operator, supervisor, exchange } = await pair();
    const requestId = sendFromCentre(centre, { fields: { childIin: '190620500010', applicantPhone: '+7 701 555 12 34' } });
    await exchange();
    expect((await supervisor.recall.list({})).recalls).toEqual([]);
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    // The clerk signs the return notice the core prepared (notices/provider.ts).
    const input = { requestId: row!.id, reasons: 'Скан свидетельства о рождении нечитаем' };
    const { notice } = await clerk.notices.prepareReturn(input);
    const at = notice.at as string;
    await clerk.notices.returnToCentre({ ...input, at, cms: toBase64(signDetached({ content: canonicalBytes(notice), key: pki.keys.clerk.key, certificate: pki.keys.clerk.certificate, signingTime: new Date(at) })) });
    await exchange();

    const { recalls, open } = await supervisor.recall.list({});
    expect(open).toBe(1);
    const recall = recalls[0]!;
    expect(recall).toMatchObject({
      requestId,
      number: findRequest(centre.db, requestId).number,
      cause: 'providerReturned',
      reason: 'Скан свидетельства о рождении нечитаем',
      applicantName: 'Сарсенбаева Айгерим',
      requestState: 'returned',
      state: 'open',
      resent: false,
    });
    expect(recall.service.kk).not.toBe('');
    // Guardianship (000) has no phone on its form: the typed key is not read from a form without it.
    expect(recall.applicantPhone).toBeNull();
    expect(await codeOf(operator.recall.list({}))).toBe('FORBIDDEN');

    const unreached = await supervisor.recall.mark({ recallId: recall.id, mark: 'unreachable', note: 'не берёт трубку' });
    expect(unreached).toMatchObject({ state: 'unreachable', marks: [{ mark: 'unreachable', note: 'не берёт трубку' }] });
    expect((await supervisor.recall.list({})).open).toBe(1);
    const refused = await supervisor.recall.mark({ recallId: recall.id, mark: 'resent' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'RECALL_NOT_RESENT', params: { number: recall.number } });

    clock.now += 60_000;
    await resend(centre, requestId);
    await expect(supervisor.recall.list({})).resolves.toMatchObject({ recalls: [{ id: recall.id, resent: true, requestState: 'queued' }] });
    await expect(supervisor.recall.mark({ recallId: recall.id, mark: 'resent' })).resolves.toMatchObject({ state: 'resent' });
    expect(await codeOf(supervisor.recall.mark({ recallId: recall.id, mark: 'informed' }))).toBe('STATE_CONFLICT');
    expect(await supervisor.recall.list({})).toEqual({ recalls: [], open: 0 });
    await expect(supervisor.recall.list({ includeClosed: true })).resolves.toMatchObject({ recalls: [{ id: recall.id, state: 'resent', marks: [{ mark: 'unreachable' }, { mark: 'resent' }] }] });
    expect(listAudit(centre.db, { limit: 5, action: 'recall.mark' }).map((entry) => entry.details)).toEqual([
      { recall: recall.id, cause: 'providerReturned', mark: 'resent' },
      { recall: recall.id, cause: 'providerReturned', mark: 'unreachable' },
    ]);
    centre.close();
    provider.close();
  });

  it('lists a request the gateway refused with the code, once however often it is retried; the phone from a form that takes one', { timeout: 30_000 }, async () => {
    const { centre, provider, supervisor } = await pair();
    const requestId = sendFromCentre(centre);
    // The gateway has seen this message id with other content already: it refuses the message.
    const { message } = centre.db.prepare('SELECT message FROM outbox WHERE request_id = ?').get(requestId) as { message: string };
    await gateway.call('/messages', postJson({ ...(JSON.parse(message) as object), attachments: [], payload: { other: true } }));
    await centre.core.context.sync!.run();
    const parked = centre.db.prepare("SELECT id, last_error FROM outbox WHERE request_id = ? AND state = 'rejected'").get(requestId) as { id: string; last_error: string };
    expect(parked.last_error).toBe('MESSAGE_ID_CONFLICT');
    await supervisor.sync.retryParked({ id: parked.id });
    await centre.core.context.sync!.run();
    const { recalls } = await supervisor.recall.list({});
    expect(recalls).toHaveLength(1);
    expect(recalls[0]).toMatchObject({ requestId, cause: 'gatewayRefused', code: parked.last_error, grounds: [], state: 'open' });
    await expect(supervisor.recall.mark({ recallId: recalls[0]!.id, mark: 'informed' })).resolves.toMatchObject({ state: 'informed' });

    // Seed 003 Рег.1's form takes the applicant's phone: it is on the list.
    centre.db.prepare("UPDATE requests SET service_id = 'unemployed-certificate', variant_id = '003-r1', content = json_set(content, '$.fields.applicantPhone', '87015551234') WHERE id = ?").run(requestId);
    expect((await supervisor.recall.list({ includeClosed: true })).recalls[0]!.applicantPhone).toBe('87015551234');
    centre.close();
    provider.close();
  });

  it('lists the provider’s refusal with its grounds and text; a refusal is never «resent»', { timeout: 30_000 }, async () => {
    const { centre, provider, clerk, supervisor, exchange } = await pair();
    sendFromCentre(centre);
    await exchange();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    await clerk.decision.decide({ requestId: row!.id, outcome: 'refusal', grounds: ['documentViolations'], text: 'Копия свидетельства о рождении нечитаема.' });
    const head = provider.as('head', pki.keys.head.person.iin);
    const { content } = await head.decision.prepare({ requestId: row!.id });
    await head.decision.approve({ requestId: row!.id, cms: toBase64(signDetached({ content: canonicalBytes(content), key: pki.keys.head.key, certificate: pki.keys.head.certificate, signingTime: provider.core.context.now() })) });
    await exchange();
    const { recalls } = await supervisor.recall.list({});
    expect(recalls).toEqual([expect.objectContaining({ cause: 'providerRefused', grounds: ['documentViolations'], reason: 'Копия свидетельства о рождении нечитаема.', requestState: 'resultAtCentre' })]);
    expect(await codeOf(supervisor.recall.mark({ recallId: recalls[0]!.id, mark: 'resent' }))).toBe('RECALL_NOT_RESENT');
    centre.close();
    provider.close();
  });
});
