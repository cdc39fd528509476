import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { CENTRE, postRequest, requestContent, requestMessage, providerCore } from '../testing/provider';

// 003 Reg.3 ends in «направление в ДДО либо уведомление о постановке на очередь»; Reg.7 in a
// notice with the queue number, category, family size and the commission's date. The register
// gives the numbers; the places move only through it, audited.

let pki: DemoPki;
let gateway: TestGateway;

beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator', 'clerk', 'head'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

const PARENTS = [
  { iin: '900412400014', surname: 'Сарсенбаева', name: 'Айгерим', child: 'Сарсенбаев Алихан Нурланович' },
  { iin: '880101400021', surname: 'Ахметова', name: 'Дана', child: 'Ахметов Тимур Ержанович' },
  { iin: '910203400039', surname: 'Иванова', name: 'Ольга', child: 'Иванов Павел Сергеевич' },
];

/** A provider workstation with one request of the service per applicant, each taken by the clerk. */
async function provider(serviceId: string, variantId: string, applicants: Array<{ iin: string; surname: string; name: string }>) {
  await gateway.call('/_control/reset', { method: 'POST' });
  const w = providerCore(pki, { gateway });
  const clerk = w.as('clerk', pki.keys.clerk.person.iin);
  for (const [index, applicant] of applicants.entries()) {
    const content = requestContent(pki, {
      number: `${CENTRE}-20260302-000${index + 1}`,
      serviceId,
      variantId,
      fields: {},
      applicant: { iin: applicant.iin, surname: applicant.surname, name: applicant.name, patronymic: null, birthDate: '1990-04-12', address: 'Кокпекты, ул. Абая 1', source: 'registry' },
    });
    await postRequest(gateway, requestMessage(pki, content));
  }
  await clerk.inbox.pull();
  const rows = await clerk.inbox.list({});
  const ids: string[] = [];
  for (const number of applicants.map((_, index) => `${CENTRE}-20260302-000${index + 1}`)) {
    const row = rows.find((candidate) => candidate.number === number)!;
    await clerk.inbox.take({ requestId: row.id });
    ids.push(row.id);
  }
  return { ...w, clerk, head: w.as('head', pki.keys.head.person.iin), operator: w.as('operator'), ids };
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-queue-'));
  writeFileSync(path.join(dir, 'notice.pdf'), pdf);
  return execFileSync('pdftotext', [path.join(dir, 'notice.pdf'), '-']).toString().replace(/\s+/g, ' ');
}

const notice = (childName: string) => ({ childName, childBirthDate: '2022-05-14', kindergarten: 'ясли-сад «Балдәурен»' });

describe('preschool queue (003 Reg.3)', () => {
  it('three children queued, one referred: the places behind move up, audited; the notice prints the number', async () => {
    const w = await provider('preschool-queue', '003-r3', PARENTS);
    const decided = [];
    for (const [index, parent] of PARENTS.entries()) {
      decided.push(await w.clerk.decision.decide({ requestId: w.ids[index]!, outcome: 'certificate', templateId: '003-r3.notification', fields: notice(parent.child) }));
    }
    expect(decided.map((view) => view.content.queue)).toEqual([1, 2, 3].map((n) => ({ register: '2022 — ясли-сад «Балдәурен»', number: n, position: n, registeredOn: '2026-03-06' })));

    // The notice names the journal number and the place, in ru and in kk.
    const ru = pdfText(Buffer.from((await w.clerk.results.pdf({ requestId: w.ids[1]!, lang: 'ru' })).base64, 'base64'));
    expect(ru).toContain('поставлен(а) на очередь в Журнале регистрации детей дошкольного возраста для направления в дошкольные организации за № 2,');
    expect(ru).toContain('от «06» марта 2026 года.');
    expect(ru).toContain('место в очереди на 06.03.2026: 2');
    const kk = pdfText(Buffer.from((await w.clerk.results.pdf({ requestId: w.ids[1]!, lang: 'kk' })).base64, 'base64'));
    expect(kk).toContain('журналдағы нөмірі 2 (2026 жылғы 6 наурыз), 2026 жылғы 6 наурыз күнгі кезектегі орны: 2');

    // The operator looks a parent up by IIN; the first child gets a place (referred).
    await expect(w.operator.queue.lookup({ iin: PARENTS[2]!.iin })).resolves.toEqual([expect.objectContaining({ number: 3, position: 3, state: 'waiting', person: PARENTS[2]!.child })]);
    const first = (await w.clerk.queue.list({ serviceId: 'preschool-queue' }))[0]!;
    const after = await w.clerk.queue.leave({ entryId: first.id, outcome: 'referred', note: 'Направление № 14 в ясли-сад «Балдәурен»' });
    expect(after.map((entry) => [entry.number, entry.position, entry.state])).toEqual([
      [2, 1, 'waiting'],
      [3, 2, 'waiting'],
      [1, null, 'referred'],
    ]);
    await expect(w.operator.queue.lookup({ requestNumber: `${CENTRE}-20260302-0003` })).resolves.toEqual([expect.objectContaining({ position: 2 })]);
    const audit = await w.as('supervisor').audit.list({ action: 'queue.referred' });
    expect(audit[0]!.details).toMatchObject({ number: 1, position: 1, moved: [{ number: 2, from: 2, to: 1 }, { number: 3, from: 3, to: 2 }] });

    // An entry that left never leaves again; a number or place typed by hand is refused, nothing changes.
    await expect(w.clerk.queue.leave({ entryId: first.id, outcome: 'withdrawn', note: 'ошибка' })).rejects.toMatchObject({ code: 'QUEUE_ENTRY_CLOSED' });
    await expect(w.clerk.decision.decide({ requestId: w.ids[2]!, outcome: 'certificate', templateId: '003-r3.notification', fields: { ...notice('Иванов Павел Сергеевич'), position: '1' } })).rejects.toMatchObject({
      code: 'QUEUE_POSITION_MANUAL',
    });
    expect(() => w.db.prepare('UPDATE queue_entries SET number = 1 WHERE number = 3').run()).toThrow(/QUEUE_POSITION_MANUAL/);
    await expect(w.clerk.queue.list({ serviceId: 'preschool-queue' })).resolves.toEqual(after);
    w.close();
  });

  it('the clerk chooses the referral instead: no queue entry, the expiry date five days on', async () => {
    const w = await provider('preschool-queue', '003-r3', PARENTS.slice(0, 1));
    await w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', templateId: '003-r3.notification', fields: notice(PARENTS[0]!.child) });
    const referral = {
      kindergartenNumber: '3',
      locality: 'с. Кокпекты',
      street: 'Абая, 12',
      childName: PARENTS[0]!.child,
      childBirthDate: '2022-05-14',
      childAddress: 'с. Кокпекты, ул. Абая 1',
    };
    // The head sends it back; the clerk decides a referral: the child leaves the register.
    await w.head.decision.return({ requestId: w.ids[0]!, comment: 'Есть место в ясли-саду № 3' });
    const decided = await w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', templateId: '003-r3.referral', fields: referral });
    expect(decided.content).toMatchObject({ templateId: '003-r3.referral', validUntil: '2026-03-11' });
    expect(decided.content.queue).toBeUndefined();
    await expect(w.clerk.queue.list({ serviceId: 'preschool-queue' })).resolves.toEqual([expect.objectContaining({ state: 'withdrawn', position: null })]);
    const ru = pdfText(Buffer.from((await w.clerk.results.pdf({ requestId: w.ids[0]!, lang: 'ru' })).base64, 'base64'));
    expect(ru).toContain('НАПРАВЛЕНИЕ №');
    expect(ru).toContain('Направление выдано «06» марта 2026 г.');
    expect(ru).toContain('Последний день срока действия: 11.03.2026');
    // A result the regulation does not offer, or the wrong fields, are refused.
    await w.head.decision.return({ requestId: w.ids[0]!, comment: 'Проверка' });
    await expect(w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', templateId: '003-r7.notification', fields: referral })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', templateId: '003-r3.referral', fields: notice('X') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    w.close();
  });
});

describe('housing list (003 Reg.7)', () => {
  it('the notice prints the commission date, category, application, family size and the place; the register is by category', async () => {
    const w = await provider('housing-queue', '003-r7', PARENTS.slice(0, 2));
    // «решением жилищной комиссии»: the executor sends each application to the commission and
    // records its act; the notice's commission date is the act's, never typed (chain/acts.ts).
    const fields = { category: 'многодетные семьи', applicationDate: '2026-03-02', familySize: '6' };
    // Unlike 001 Рег.3's resolution, the commission's act is not the result: the notice waits for it.
    await expect(w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', fields })).rejects.toMatchObject({ code: 'ACT_REQUIRED' });
    for (const [index, requestId] of w.ids.entries()) {
      await w.clerk.chain.sendToStage({ requestId });
      await w.clerk.chain.recordAct({ requestId, number: `ЖК-${index + 1}`, date: '2026-03-06' });
    }
    await expect(w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', fields: { ...fields, commissionDate: '2026-03-05' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'certificate', fields });
    const second = await w.clerk.decision.decide({ requestId: w.ids[1]!, outcome: 'certificate', fields: { ...fields, familySize: '5' } });
    expect(second.content.fields.commissionDate).toBe('2026-03-06');
    expect(second.content.queue).toEqual({ register: 'многодетные семьи', number: 2, position: 2, registeredOn: '2026-03-06' });
    const ru = pdfText(Buffer.from((await w.clerk.results.pdf({ requestId: w.ids[1]!, lang: 'ru' })).base64, 'base64'));
    expect(ru).toContain(
      `Ставим Вас в известность, что решением жилищной комиссии от 06.03.2026 года, Вы поставлены на учет граждан, нуждающихся в жилье из государственного жилищного фонда, по категории «многодетные семьи», со дня подачи заявления от 02.03.2026 года № ${CENTRE}-20260302-0002, с составом семьи 5 человек.`,
    );
    expect(ru).toContain('На момент постановки на учет Ваша очередность № 2');
    const kk = pdfText(Buffer.from((await w.clerk.results.pdf({ requestId: w.ids[1]!, lang: 'kk' })).base64, 'base64'));
    expect(kk).toContain('Санаты: многодетные семьи');
    expect(kk).toContain('Отбасы құрамы (адам): 5');
    expect(kk).toContain('Тұрғын үй комиссиясы шешімінің күні: 2026 жылғы 6 наурыз');
    expect(kk).toContain('кезектегі орны: 2');

    // A refusal instead takes the family out of the register: the one behind moves up.
    await w.head.decision.return({ requestId: w.ids[0]!, comment: 'Нуждаемость не подтверждена' });
    await w.clerk.decision.decide({ requestId: w.ids[0]!, outcome: 'refusal', grounds: ['documentViolations'], text: 'Не подтверждена нуждаемость в жилище.', fields: { familySize: '6' } });
    await expect(w.operator.queue.lookup({ iin: PARENTS[1]!.iin })).resolves.toEqual([expect.objectContaining({ number: 2, position: 1 })]);
    const refusal = pdfText(Buffer.from((await w.clerk.results.pdf({ requestId: w.ids[0]!, lang: 'ru' })).base64, 'base64'));
    expect(refusal).toContain('Ставим Вас в известность, что Вам (состав семьи 6 человек) отказано в постановке на учет граждан');
    expect(refusal).toContain('Вы вправе обжаловать его');
    w.close();
  });
});
