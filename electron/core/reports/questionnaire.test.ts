import { describe, expect, it } from 'vitest';
import { createDraft, moveRequest, type Mover } from '../requests/repository';
import { signedIn, testCore } from '../testing';

describe('questionnaire (анкета)', () => {
  it('takes the answers once after issuance, keeps no link to the request, and the report shows the shares', async () => {
    const t = testCore();
    const operatorKey = signedIn(t.core, 'operator', '920701300012', 'operator');
    const supervisor = t.window(signedIn(t.core, 'supervisor', '880315400010', 'supervisor'));
    const arm = t.window(operatorKey);
    const operator: Mover = { userId: t.core.sessions.get(operatorKey).user!.id, actor: 'operator' };
    const now = () => new Date(t.clock.now);
    const issued = () => {
      const { id } = createDraft(t.db, { serviceId: 'preschool-queue', applicantIin: '900412400014', centre: 'con-kokpekty' }, { ...operator, userId: operator.userId! }, now());
      const path: Array<[Parameters<typeof moveRequest>[2], Mover, { outcome?: 'certificate' }?]> = [
        ['signed', operator],
        ['queued', operator],
        ['sent', { userId: null, actor: 'system' }],
        ['registered', { userId: null, actor: 'system' }],
        ['inWork', { userId: 'c', actor: 'clerk' }],
        ['decided', { userId: 'c', actor: 'clerk' }, { outcome: 'certificate' }],
        ['resultSigned', { userId: 'h', actor: 'head' }],
        ['resultAtCentre', { userId: null, actor: 'system' }],
        ['issued', operator],
      ];
      for (const [to, by, extra] of path) moveRequest(t.db, id, to, by, now(), extra);
      return id;
    };
    const draft = createDraft(t.db, { serviceId: 'preschool-queue', applicantIin: '900412400014', centre: 'con-kokpekty' }, { ...operator, userId: operator.userId! }, now());
    await expect(arm.reports.answer({ requestId: draft.id, quality: 3, information: 3 })).rejects.toMatchObject({ code: 'QUESTIONNAIRE_NOT_ISSUED' });

    const first = issued();
    const second = issued();
    expect((await arm.journal.search({ state: 'issued' })).rows.map((row) => row.questionnaireDue)).toEqual([true, true]);
    await expect(arm.reports.answer({ requestId: first, quality: 3, information: 2 })).resolves.toBeNull();
    await expect(arm.reports.answer({ requestId: first, quality: 1, information: 1 })).rejects.toMatchObject({ code: 'QUESTIONNAIRE_DONE' });
    await arm.reports.answer({ requestId: second, quality: 1, information: 2 });
    await expect(arm.reports.answer({ requestId: second, quality: 4 as never, information: 2 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await arm.journal.search({ state: 'issued' })).rows.map((row) => row.questionnaireDue)).toEqual([false, false]);

    // No column of the answers names a request, an IIN or a person.
    const columns = (t.db.prepare("SELECT name FROM pragma_table_info('questionnaire_answers')").all() as Array<{ name: string }>).map((row) => row.name);
    expect(columns).toEqual(['id', 'service_id', 'answered_on', 'quality', 'information']);

    const report = await supervisor.reports.period({ from: '2026-03-01', to: '2026-03-31' });
    expect(report.questionnaire).toEqual([{ serviceId: 'preschool-queue', answers: 2, quality: [1, 0, 1], information: [0, 2, 0] }]);
  });
});
