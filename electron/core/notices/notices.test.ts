import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { canonicalBytes, crlPem, signDetached, toBase64 } from '../../../shared/signing';
import { buildCrl } from '../../../shared/signing/crl';
import { createDemoPki, type DemoKey, type DemoPki } from '../../../shared/signing/testPki';
import { writeAttachment } from '../documents/store';
import { writeSettings } from '../settings/store';
import { enqueue } from '../outbox/outbox';
import { createDraft, findRequest, moveRequest } from '../requests/repository';
import { codeOf, type TestClock } from '../testing';
import { CENTRE, SCANS, providerCore, requestContent, requestMessage } from '../testing/provider';
import { DEFAULT_TEXTS } from './texts';

// Notices between provider and centre through the gateway: a term extended with its reason, a
// package returned for defects within 3 working days (004 App.1 T2 c7), and the centre's task of
// telling the applicant within one working day (T2 c9).

let pki: DemoPki;
let gateway: TestGateway;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

type Client = ReturnType<ReturnType<typeof providerCore>['as']>;

/** The clerk's key signs the notice exactly as the core prepared it (the SigningDialog's path). */
function signNotice(key: DemoKey, notice: Record<string, unknown>) {
  const at = notice.at as string;
  return { at, cms: toBase64(signDetached({ content: canonicalBytes(notice), key: key.key, certificate: key.certificate, signingTime: new Date(at) })) };
}

async function returnSigned(client: Client, key: DemoKey, input: { requestId: string; reasons: string }) {
  const { notice } = await client.notices.prepareReturn(input);
  return client.notices.returnToCentre({ ...input, ...signNotice(key, notice) });
}

async function extendSigned(client: Client, key: DemoKey, input: { requestId: string; dueBy: string; reason: string }) {
  const { notice } = await client.notices.prepareExtend(input);
  return client.notices.extend({ ...input, ...signNotice(key, notice) });
}

/** Days later the workstation has fetched a new revocation list from the gateway (signing checks it). */
function freshCrl(db: ReturnType<typeof providerCore>['db'], at: number) {
  const crl = buildCrl({ issuer: pki.root.certificate, issuerKey: pki.root.key, revoked: [], thisUpdate: new Date(at), nextUpdate: new Date(at + 7 * 86_400_000), crlNumber: 2 });
  writeSettings(db, { 'trust.crls': crlPem(crl) }, { userId: null }, new Date(at));
}

function sendFromCentre(centre: ReturnType<typeof providerCore>, variantId = '000') {
  const now = centre.core.context.now();
  const operator = { userId: 'operator-1', actor: 'operator' as const };
  const draft = createDraft(centre.db, { serviceId: 'guardianship-certificate', applicantIin: '900412400014', centre: CENTRE }, operator, now);
  const content = requestContent(pki, { number: draft.number, variantId });
  for (const bytes of SCANS) writeAttachment(centre.core.context.dataDir, bytes);
  centre.db.transaction(() => {
    centre.db.prepare('UPDATE requests SET content = ?, applicant_name = ?, due_by = ? WHERE id = ?').run(JSON.stringify(content), 'Сарсенбаева Айгерим', content.dueBy, draft.id);
    moveRequest(centre.db, draft.id, 'signed', operator, now);
    moveRequest(centre.db, draft.id, 'queued', operator, now);
    enqueue(centre.db, requestMessage(pki, content), draft.id, now);
  })();
  return draft.id;
}

async function pair() {
  await gateway.call('/_control/reset', { method: 'POST' });
  const clock: TestClock = { now: Date.parse('2026-03-06T10:00:00Z') };
  const centre = providerCore(pki, { gateway, organisation: CENTRE, clock });
  const provider = providerCore(pki, { gateway, clock });
  const clerk = provider.as('clerk', pki.keys.clerk.person.iin);
  const operator = centre.as('operator');
  const exchange = async () => {
    await centre.core.context.sync!.run();
    await clerk.inbox.pull();
    await provider.core.context.sync!.run();
    await operator.inbox.pull();
  };
  return { clock, centre, provider, clerk, operator, exchange };
}

describe('notices between provider and centre', () => {
  it('returns a defective package to the centre with its reasons; the operator gets the task to tell the applicant by the next working day', { timeout: 30_000 }, async () => {
    const { centre, provider, clerk, operator, exchange } = await pair();
    const requestId = sendFromCentre(centre, '004-r1');
    await exchange();
    const [row] = await clerk.inbox.list({});
    // The registration notice is a task of its own; 004 sets no term for telling of it.
    expect((await operator.notices.tasks({})).tasks.map((task) => [task.kind, task.dueBy])).toEqual([['registered', null]]);

    expect(await codeOf(returnSigned(clerk, pki.keys.clerk, { requestId: row!.id, reasons: 'Фамилия' }))).toBe('ASSIGNMENT_REQUIRED');
    await clerk.inbox.take({ requestId: row!.id });
    expect(await codeOf(returnSigned(clerk, pki.keys.clerk, { requestId: row!.id, reasons: '  ' }))).toBe('RETURN_REASON_REQUIRED');
    expect(await codeOf(returnSigned(operator, pki.keys.operator, { requestId: row!.id, reasons: 'Скан нечитаем' }))).toBe('FORBIDDEN');
    expect(findRequest(provider.db, row!.id).state).not.toBe('returned');
    await expect(returnSigned(clerk, pki.keys.clerk, { requestId: row!.id, reasons: 'Скан свидетельства о рождении нечитаем, страница 2 отсутствует' })).resolves.toMatchObject({ state: 'returned' });
    await exchange();

    expect(findRequest(centre.db, requestId).state).toBe('returned');
    const { tasks, reminders } = await operator.notices.tasks({});
    const task = tasks.find((candidate) => candidate.kind === 'returned')!;
    // 004 Прил.1 Табл.2 д.9: within one working day. Friday 6 March 2026; 8 March falls on a Sunday, so Monday the 9th is a day off: Tuesday the 10th.
    expect(task).toMatchObject({ number: findRequest(centre.db, requestId).number, reason: 'Скан свидетельства о рождении нечитаем, страница 2 отсутствует', dueBy: '2026-03-10', urgency: 'ok', applicantName: 'Сарсенбаева Айгерим' });
    expect(task.message.ru).toContain('возвращены услугодателем на доработку. Причины: Скан свидетельства о рождении нечитаем');
    expect(task.message.kk).toContain('пысықтауға қайтарды');
    expect(reminders).toBe(0);

    await expect(operator.notices.done({ taskId: task.id })).resolves.toMatchObject({ urgency: 'done' });
    expect(await codeOf(operator.notices.done({ taskId: task.id }))).toBe('STATE_CONFLICT');
    expect((await operator.notices.tasks({})).tasks.some((candidate) => candidate.id === task.id)).toBe(false);
    expect(centre.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'notices.told'").get()).toEqual({ n: 1 });

    // Fixed at the counter and resent: the provider's returned copy is registered again, not refused as a duplicate number.
    // Resent signed anew by the operator who took it in (the gateway refuses a replayed signature).
    const { payload } = JSON.parse((centre.db.prepare('SELECT message FROM outbox WHERE request_id = ? ORDER BY rowid DESC LIMIT 1').get(requestId) as { message: string }).message) as { payload: Record<string, unknown> };
    const cms = toBase64(signDetached({ content: canonicalBytes(payload), key: pki.keys.operator.key, certificate: pki.keys.operator.certificate, signingTime: centre.core.context.now() }));
    await centre.as('operator', pki.keys.operator.person.iin).outbox.resend({ requestId, cms });
    await exchange();
    expect(findRequest(provider.db, row!.id)).toMatchObject({ state: 'registered', assignee_id: null });
    expect(await clerk.inbox.refused()).toEqual([]);
    expect(findRequest(centre.db, requestId).state).toBe('registered');
    centre.close();
    provider.close();
  });

  it('refuses a 004 return after that regulation’s norm of 3 working days; the task turns into a reminder and then overdue', { timeout: 30_000 }, async () => {
    const { clock, centre, provider, clerk, operator, exchange } = await pair();
    sendFromCentre(centre, '004-r1');
    await exchange();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    await exchange();
    // 004 sets a term for telling of a return only (Прил.1 Табл.2 д.9); registration and work in progress have none.
    expect((await operator.notices.tasks({})).tasks.map((task) => [task.kind, task.dueBy, task.urgency])).toEqual([
      ['registered', null, 'ok'],
      ['inWork', null, 'ok'],
    ]);
    // Days later the idle lock has closed both windows: sign in again. No term, so never a reminder nor overdue.
    clock.now = Date.parse('2026-03-13T04:00:00Z'); // Friday: past Thursday the 12th, the return's last day
    expect(await centre.as('operator').notices.tasks({})).toMatchObject({ reminders: 0, tasks: [{ urgency: 'ok' }, { urgency: 'ok' }] });
    freshCrl(provider.db, clock.now);
    const later = provider.as('head', pki.keys.head.person.iin);
    const error = await returnSigned(later, pki.keys.head, { requestId: row!.id, reasons: 'Скан нечитаем' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'RETURN_TOO_LATE', params: { days: 3, until: '12.03.2026' } });
    expect(findRequest(provider.db, row!.id).state).toBe('inWork');
    centre.close();
    provider.close();
  });

  it('takes a return at any time where the regulation sets no return norm (seed 000): no norm is borrowed from 004', { timeout: 30_000 }, async () => {
    const { clock, centre, provider, clerk, exchange } = await pair();
    sendFromCentre(centre, '000');
    await exchange();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    clock.now = Date.parse('2026-03-13T04:00:00Z'); // past the day a 004 return would end (the 12th)
    freshCrl(provider.db, clock.now);
    const later = provider.as('head', pki.keys.head.person.iin);
    await expect(returnSigned(later, pki.keys.head, { requestId: row!.id, reasons: 'Скан свидетельства нечитаем' })).resolves.toMatchObject({ state: 'returned' });
    // Nor a term for telling the applicant: 000 sets none, the task says so instead of borrowing 004's day.
    freshCrl(centre.db, clock.now);
    await provider.core.context.sync!.run();
    await centre.as('operator').inbox.pull();
    const returned = (await centre.as('operator').notices.tasks({})).tasks.find((task) => task.kind === 'returned');
    expect(returned).toMatchObject({ dueBy: null, urgency: 'ok' });
    centre.close();
    provider.close();
  });

  it('extends the term with a new date and a reason; the centre’s copy takes the date and the operator tells the applicant', { timeout: 30_000 }, async () => {
    const { centre, provider, clerk, operator, exchange } = await pair();
    const requestId = sendFromCentre(centre);
    await exchange();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    expect(await codeOf(extendSigned(clerk, pki.keys.clerk, { requestId: row!.id, dueBy: '2026-03-20', reason: '' }))).toBe('EXTENSION_REASON_REQUIRED');
    expect(await codeOf(extendSigned(clerk, pki.keys.clerk, { requestId: row!.id, dueBy: '2026-03-01', reason: 'Запрос в акимат' }))).toBe('EXTENSION_DATE_INVALID');
    expect(await codeOf(extendSigned(clerk, pki.keys.clerk, { requestId: row!.id, dueBy: '2026-02-30', reason: 'Запрос в акимат' }))).toBe('VALIDATION_FAILED');
    await expect(extendSigned(clerk, pki.keys.clerk, { requestId: row!.id, dueBy: '2026-03-20', reason: 'Запрос сведений в акимат' })).resolves.toEqual({ requestId: row!.id, dueBy: '2026-03-20' });
    await exchange();
    expect(findRequest(provider.db, row!.id).due_by).toBe('2026-03-20');
    expect(findRequest(centre.db, requestId).due_by).toBe('2026-03-20');
    const task = (await operator.notices.tasks({})).tasks.find((candidate) => candidate.kind === 'extended')!;
    expect(task.message.ru).toContain('продлён до 20.03.2026. Причина: Запрос сведений в акимат.');
    expect(task.message.kk).toContain('20.03.2026 дейін ұзартылды');
    centre.close();
    provider.close();
  });

  it('signs each notice with the deciding person’s ЭЦП: the core refuses another person’s key, an altered or stale notice; the centre keeps an unsigned or altered one aside', { timeout: 30_000 }, async () => {
    const { clock, centre, provider, clerk, exchange } = await pair();
    const requestId = sendFromCentre(centre);
    await exchange();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    const input = { requestId: row!.id, dueBy: '2026-03-20', reason: 'Запрос сведений в акимат' };
    const { notice } = await clerk.notices.prepareExtend(input);
    expect(notice).toMatchObject({ kind: 'extended', dueBy: '2026-03-20', iin: pki.keys.clerk.person.iin });
    const outbox = () => provider.db.prepare("SELECT count(*) AS n FROM outbox WHERE json_extract(message, '$.kind') = 'notice'").get();
    // Another person's key over the clerk's notice, a notice altered after signing, one prepared long ago.
    expect(await codeOf(clerk.notices.extend({ ...input, ...signNotice(pki.keys.head, notice) }))).not.toBe('ok');
    expect(await codeOf(clerk.notices.extend({ ...input, ...signNotice(pki.keys.clerk, { ...notice, reason: 'Другое' }) }))).toBe('SIGNATURE_INVALID');
    const earlier = new Date(Date.parse(notice.at as string) - 20 * 60_000).toISOString();
    expect(await codeOf(clerk.notices.extend({ ...input, ...signNotice(pki.keys.clerk, { ...notice, at: earlier }) }))).toBe('NOTICE_STALE');
    expect(findRequest(provider.db, row!.id).due_by).not.toBe('2026-03-20');
    expect(outbox()).toEqual({ n: 0 });

    // Sent past the core (a forged or broken sender): unsigned, and signed but altered on the way.
    const now = provider.core.context.now();
    const from = findRequest(provider.db, row!.id).provider!;
    const message = (payload: Record<string, unknown>, signature?: { format: 'cms'; value: string }) => ({
      id: randomUUID(), kind: 'notice' as const, from, to: CENTRE, service: 'guardianship-certificate', createdAt: now.toISOString(), attachments: [], payload, ...(signature ? { signature } : {}),
    });
    enqueue(provider.db, message(notice), row!.id, now);
    enqueue(provider.db, message({ ...notice, dueBy: '2026-04-30' }, { format: 'cms', value: signNotice(pki.keys.clerk, notice).cms }), row!.id, now);
    await exchange();
    expect(findRequest(centre.db, requestId).due_by).not.toBe('2026-03-20');
    expect(findRequest(centre.db, requestId).due_by).not.toBe('2026-04-30');
    const refused = centre.db.prepare("SELECT code, reason FROM inbox_refused WHERE kind = 'notice' ORDER BY reason").all();
    expect(refused).toEqual([
      { code: 'SIGNATURE_INVALID', reason: 'The notice is not signed.' },
      { code: 'SIGNATURE_INVALID', reason: 'the content does not match the signed digest' },
    ]);
    expect(centre.db.prepare("SELECT count(*) AS n FROM applicant_tasks WHERE kind = 'extended'").get()).toEqual({ n: 0 });

    // Signed by the clerk through the core, a minute later (the gateway refuses a replayed signature): applied at the centre.
    clock.now += 60_000;
    await extendSigned(clerk, pki.keys.clerk, input);
    await exchange();
    expect(findRequest(centre.db, requestId).due_by).toBe('2026-03-20');
    centre.close();
    provider.close();
  });

  it('lets the supervisor edit the texts (audited), refuses an unknown placeholder, and the task list uses the new text', { timeout: 30_000 }, async () => {
    const { centre, provider, operator, exchange } = await pair();
    sendFromCentre(centre);
    await exchange();
    const supervisor = centre.as('supervisor', '880315400010');
    const texts = { ...DEFAULT_TEXTS, registered: { ru: 'Заявление {number} зарегистрировано', kk: '{number} өтініш тіркелді' } };
    expect(await codeOf(supervisor.notices.setTexts({ ...texts, registered: { ru: 'Заявление {nomer} зарегистрировано', kk: '{number} өтініш тіркелді' } }))).toBe('NOTICE_TEXT_INVALID');
    expect(await codeOf(operator.notices.setTexts(texts))).toBe('FORBIDDEN');
    await supervisor.notices.setTexts(texts);
    const [task] = (await operator.notices.tasks({})).tasks;
    expect(task!.message).toEqual({ ru: `Заявление ${task!.number} зарегистрировано`, kk: `${task!.number} өтініш тіркелді` });
    expect(centre.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.change'").get()).toMatchObject({ n: expect.any(Number) });
    centre.close();
    provider.close();
  });
});
