import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArmError } from '../../../shared/api';
import { listAudit } from '../audit/log';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { canonicalBytes, signDetached, toBase64 } from '../../../shared/signing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { writeAttachment } from '../documents/store';
import { CENTRE, SCANS, configureProvider, requestContent, requestMessage, providerCore } from '../testing/provider';
import { enqueue } from '../outbox/outbox';
import { writeSettings } from '../settings/store';
import { createDraft, findRequest, moveRequest, requestHistory } from '../requests/repository';

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

const GUARDIANSHIP = { akimLevel: 'района', decisionNumber: '125', decisionDate: '2026-02-20', childName: 'Сарсенбаев Алихан Нурланович', childBirthDate: '2019-06-20' };

/** The centre takes a request in and sends it as intake does: the request, its content, the outbox. */
function sendFromCentre(centre: ReturnType<typeof providerCore>) {
  const now = centre.core.context.now();
  const operator = { userId: 'operator-1', actor: 'operator' as const };
  const draft = createDraft(centre.db, { serviceId: 'guardianship-certificate', applicantIin: '900412400014', centre: CENTRE }, operator, now);
  const content = requestContent(pki, { number: draft.number });
  for (const bytes of SCANS) writeAttachment(centre.core.context.dataDir, bytes);
  const message = requestMessage(pki, content);
  centre.db.transaction(() => {
    centre.db.prepare('UPDATE requests SET content = ? WHERE id = ?').run(JSON.stringify(content), draft.id);
    moveRequest(centre.db, draft.id, 'signed', operator, now);
    moveRequest(centre.db, draft.id, 'queued', operator, now);
    enqueue(centre.db, message, draft.id, now);
  })();
  return draft.id;
}

describe('results at the centre', () => {
  it('the signed certificate reaches the centre, moves the request to resultAtCentre, and is issued to the applicant', async () => {
    const centre = providerCore(pki, { gateway, organisation: CENTRE });
    const provider = providerCore(pki, { gateway });
    const requestId = sendFromCentre(centre);
    await centre.core.context.sync!.run();
    expect(findRequest(centre.db, requestId).state).toBe('sent');

    const clerk = provider.as('clerk', pki.keys.clerk.person.iin);
    const head = provider.as('head', pki.keys.head.person.iin);
    await clerk.inbox.pull();
    const [row] = await clerk.inbox.list({});
    await clerk.inbox.take({ requestId: row!.id });
    await clerk.decision.decide({ requestId: row!.id, outcome: 'certificate', fields: GUARDIANSHIP });
    const { content } = await head.decision.prepare({ requestId: row!.id });
    const demo = pki.keys.head;
    await head.decision.approve({ requestId: row!.id, cms: toBase64(signDetached({ content: canonicalBytes(content), key: demo.key, certificate: demo.certificate, signingTime: provider.core.context.now() })) });
    await provider.core.context.sync!.run();

    const operator = centre.as('operator');
    await expect(operator.inbox.pull()).resolves.toMatchObject({ results: 1, refused: 0 });
    expect(findRequest(centre.db, requestId)).toMatchObject({ state: 'resultAtCentre', outcome: 'certificate' });
    await expect(operator.results.counter()).resolves.toEqual([
      expect.objectContaining({ requestId, state: 'resultAtCentre', outcome: 'certificate', resultNumber: content.number, signer: content.signer!.fullName }),
    ]);
    // Not printed before its issuance is recorded.
    await expect(operator.results.pdf({ requestId, lang: 'ru' })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });

    await expect(operator.results.issue({ requestId, collectorIin: '920701300012', documentNumber: '041234567' })).rejects.toMatchObject({ code: 'COLLECTOR_MISMATCH' });
    expect(findRequest(centre.db, requestId).state).toBe('resultAtCentre');
    // The issuance is recorded before its PDF is produced: a print that fails (here the fonts are
    // gone for one call) leaves the result issued once, and printing again needs no second issuance.
    const fonts = vi.spyOn(centre.core.context.resources, 'fonts').mockImplementationOnce(() => {
      throw new ArmError('RESOURCES_MISSING', 'fonts');
    });
    await expect(operator.results.issue({ requestId, collectorIin: '900412400014', documentNumber: '041234567' })).resolves.toMatchObject({ state: 'issued' });
    await expect(operator.results.pdf({ requestId, lang: 'kk' })).rejects.toMatchObject({ code: 'RESOURCES_MISSING' });
    expect(findRequest(centre.db, requestId).state).toBe('issued');
    const again = Buffer.from((await operator.results.pdf({ requestId, lang: 'kk' })).base64, 'base64');
    expect(again.subarray(0, 5).toString()).toBe('%PDF-');
    fonts.mockRestore();
    await expect(operator.results.issue({ requestId, collectorIin: '900412400014', documentNumber: '041234567' })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    // The audit says who collected and with which document without holding either (a purge never rewrites it).
    const issued = JSON.stringify(centre.db.prepare("SELECT details FROM audit_log WHERE action = 'result.issued'").all());
    expect(issued).toMatch(/doc:[0-9a-f]{24}/);
    expect(issued).not.toMatch(/041234567|900412400014/);
    expect(listAudit(centre.db, { action: 'result.issued', limit: 10 })).toHaveLength(1);
    expect(listAudit(centre.db, { action: 'print.reprint', limit: 10 })).toHaveLength(0);
    // A lost certificate is printed again as a counted duplicate, without a second issuance.
    const duplicate = await operator.print.reprint({ requestId, document: 'result', language: 'ru', reason: 'утеряна заявителем' });
    expect(duplicate).toMatchObject({ copy: 2, fileName: `${content.number}-ru-copy2.pdf` });
    expect(Buffer.from(duplicate.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(findRequest(centre.db, requestId).state).toBe('issued');
    centre.close();
    provider.close();
  });

  it('one workstation is the centre and the provider (training mode): the request is received, decided, signed, returned and issued on one data folder', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    // The department's workstation that also takes requests in at its own counter.
    const both = providerCore(pki, { gateway });
    writeSettings(both.db, { 'workstation.centre': { code: CENTRE, district: 'kokpekty' } }, { userId: null }, both.core.context.now());
    const requestId = sendFromCentre(both);
    await both.core.context.sync!.run();
    expect(findRequest(both.db, requestId).state).toBe('sent');

    const clerk = both.as('clerk', pki.keys.clerk.person.iin);
    const head = both.as('head', pki.keys.head.person.iin);
    const operator = both.as('operator');
    await expect(clerk.inbox.pull()).resolves.toMatchObject({ received: 1, refused: 0 });
    const [row] = await clerk.inbox.list({});
    expect(row).toMatchObject({ number: findRequest(both.db, requestId).number, state: 'registered' });
    // The provider's «registered» reaches the centre's copy as a status notice.
    await both.core.context.sync!.run();
    await expect(operator.inbox.pull()).resolves.toMatchObject({ statuses: 1, refused: 0 });
    expect(findRequest(both.db, requestId).state).toBe('registered');

    both.clock.now += 300_000;
    await clerk.inbox.take({ requestId: row!.id });
    both.clock.now += 300_000;
    await clerk.decision.decide({ requestId: row!.id, outcome: 'certificate', fields: GUARDIANSHIP });
    await both.core.context.sync!.run();
    await expect(operator.inbox.pull()).resolves.toMatchObject({ statuses: 2, refused: 0 });
    expect(findRequest(both.db, requestId).state).toBe('decided');
    const { content } = await head.decision.prepare({ requestId: row!.id });
    const demo = pki.keys.head;
    await head.decision.approve({ requestId: row!.id, cms: toBase64(signDetached({ content: canonicalBytes(content), key: demo.key, certificate: demo.certificate, signingTime: both.core.context.now() })) });
    await both.core.context.sync!.run();

    await expect(operator.inbox.pull()).resolves.toMatchObject({ results: 1, refused: 0, duplicates: 0 });
    expect(findRequest(both.db, requestId)).toMatchObject({ state: 'resultAtCentre', outcome: 'certificate' });
    // The centre's journal: each step of the provider with the provider's time.
    const steps = requestHistory(both.db, requestId).map((entry) => [entry.to, entry.actorRole, entry.comment]);
    expect(steps).toEqual([
      ['draft', 'operator', null],
      ['signed', 'operator', null],
      ['queued', 'operator', null],
      ['sent', 'system', null],
      ['registered', 'system', '2026-03-06T10:00:00.000Z'],
      ['inWork', 'system', '2026-03-06T10:05:00.000Z'],
      ['decided', 'system', '2026-03-06T10:10:00.000Z'],
      ['resultAtCentre', 'system', content.number],
    ]);
    expect(findRequest(both.db, row!.id).state).toBe('resultSigned');
    await expect(operator.results.issue({ requestId, collectorIin: '900412400014', documentNumber: '041234567' })).resolves.toMatchObject({ state: 'issued' });
    await expect(clerk.inbox.refused()).resolves.toEqual([]);
    both.close();
  });

  it('keeps a request refused on receipt with its reason: retried once the trust is set it is received; returned, the centre sees it returned', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const centre = providerCore(pki, { gateway, organisation: CENTRE });
    const provider = providerCore(pki, { gateway });
    // The supervisor has not set the trusted roots yet: every signature fails to verify.
    writeSettings(provider.db, { 'trust.roots': null, 'trust.crls': null }, { userId: null }, provider.core.context.now());
    const retried = sendFromCentre(centre);
    const returned = sendFromCentre(centre);
    await centre.core.context.sync!.run();
    const supervisor = provider.as('supervisor');
    await expect(supervisor.inbox.pull()).resolves.toMatchObject({ received: 0, refused: 2 });
    const refused = await supervisor.inbox.refused();
    expect(refused).toEqual([expect.objectContaining({ code: 'CERT_UNTRUSTED', returnedAt: null }), expect.objectContaining({ code: 'CERT_UNTRUSTED', returnedAt: null })]);
    expect(refused[0]!.reason).not.toBe('');
    const messageOf = (requestId: string) => (centre.db.prepare('SELECT id FROM outbox WHERE request_id = ?').get(requestId) as { id: string }).id;

    configureProvider(provider.db, pki);
    await expect(supervisor.inbox.retryRefused({ messageId: messageOf(retried) })).resolves.toEqual({ outcome: 'received' });
    await expect(supervisor.inbox.retryRefused({ messageId: messageOf(retried) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(supervisor.inbox.returnRefused({ messageId: messageOf(returned) })).resolves.toMatchObject({ code: 'CERT_UNTRUSTED', returnedAt: expect.any(String) });
    await expect(supervisor.inbox.retryRefused({ messageId: messageOf(returned) })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    const audit = provider.db.prepare("SELECT action FROM audit_log WHERE action IN ('inbox.retried', 'inbox.returned') ORDER BY seq").all() as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toEqual(['inbox.retried', 'inbox.returned']);

    await provider.core.context.sync!.run();
    await expect(centre.as('operator').inbox.pull()).resolves.toMatchObject({ statuses: 2, refused: 0 });
    expect(findRequest(centre.db, retried).state).toBe('registered');
    expect(findRequest(centre.db, returned).state).toBe('returned');
    expect(requestHistory(centre.db, returned).at(-1)).toMatchObject({ to: 'returned', comment: expect.stringMatching(/^CERT_UNTRUSTED: .+/) });

    // The operator resends it in a new message; the provider, its trust set now, receives it.
    const operator = centre.as('operator', pki.keys.operator.person.iin);
    const { payload } = JSON.parse((centre.db.prepare('SELECT message FROM outbox WHERE request_id = ? ORDER BY rowid DESC LIMIT 1').get(returned) as { message: string }).message) as { payload: Record<string, unknown> };
    const sign = (at: Date) => toBase64(signDetached({ content: canonicalBytes(payload), key: pki.keys.operator.key, certificate: pki.keys.operator.certificate, signingTime: at }));
    const resigned = sign(new Date(centre.core.context.now().getTime() + 1000));
    await expect(operator.outbox.resend({ requestId: retried, cms: resigned })).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    // Another person's signature, or not base64: refused, the request stays returned.
    await expect(centre.as('operator').outbox.resend({ requestId: returned, cms: resigned })).rejects.toMatchObject({ code: 'CERT_IIN_MISMATCH' });
    await expect(operator.outbox.resend({ requestId: returned, cms: '%%%' })).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    expect(findRequest(centre.db, returned).state).toBe('returned');
    await operator.outbox.resend({ requestId: returned, cms: resigned });
    expect(findRequest(centre.db, returned).state).toBe('queued');
    await centre.core.context.sync!.run();
    expect(findRequest(centre.db, returned).state).toBe('sent');
    await expect(supervisor.inbox.pull()).resolves.toMatchObject({ received: 1, refused: 0 });
    centre.close();
    provider.close();
  });

  it('refuses on receipt a result signed by somebody else than the signer it names, and one for an unknown request', async () => {
    await gateway.call('/_control/reset', { method: 'POST' });
    const centre = providerCore(pki, { gateway, organisation: CENTRE });
    const requestId = sendFromCentre(centre);
    await centre.core.context.sync!.run();
    const messageId = (centre.db.prepare('SELECT id FROM outbox WHERE request_id = ?').get(requestId) as { id: string }).id;
    const result = {
      kind: 'certificate' as const,
      number: 'edu-kokpekty-20260306-0001',
      date: '2026-03-06',
      request: { number: findRequest(centre.db, requestId).number, messageId, serviceId: 'guardianship-certificate', variantId: '000' },
      provider: 'edu-kokpekty',
      centre: CENTRE,
      templateId: '000.certificate',
      applicant: { iin: '900412400014', fullName: 'Сарсенбаева Айгерим Нурлановна', address: null },
      fields: GUARDIANSHIP,
      refusal: null,
      preparedBy: { fullName: 'x' },
      signer: { fullName: 'Беков', iin: pki.keys.head.person.iin, position: { ru: 'Руководитель отдела', kk: 'Бөлім басшысы' }, organisation: 'test' },
    };
    const post = async (payload: typeof result) => {
      const clerk = pki.keys.clerk;
      const cms = signDetached({ content: canonicalBytes(payload), key: clerk.key, certificate: clerk.certificate, signingTime: new Date('2026-03-06T10:00:00Z') });
      const message = { id: randomUUID(), kind: 'result', from: 'edu-kokpekty', to: CENTRE, service: 'guardianship-certificate', createdAt: '2026-03-06T10:00:00.000Z', attachments: [], payload, signature: { format: 'cms', value: toBase64(cms) } };
      await gateway.call('/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
    };
    await post(result);
    await post({ ...result, request: { ...result.request, messageId: randomUUID() } });
    await expect(centre.as('operator').inbox.pull()).resolves.toMatchObject({ results: 0, refused: 2 });
    expect((centre.db.prepare('SELECT code FROM inbox_refused ORDER BY code').all() as Array<{ code: string }>).map((entry) => entry.code)).toEqual(['CERT_IIN_MISMATCH', 'MESSAGE_UNEXPECTED']);
    expect(findRequest(centre.db, requestId).state).toBe('sent');
    centre.close();
  });
});
