import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../gateway/testing';
import { ArmError, type RequestContent } from '../../../shared/api';
import { createDemoPki, type DemoPki } from '../../../shared/signing/testPki';
import { listAudit } from '../audit/log';
import { updateUser } from '../auth/accounts';
import { codeOf } from '../testing';
import { CENTRE, postRequest, providerCore, requestContent, requestMessage } from '../testing/provider';
import { hasResolutionStep } from './assignment';

let pki: DemoPki;
let gateway: TestGateway;
beforeAll(async () => {
  pki = await createDemoPki({ now: new Date('2026-03-02T08:00:00Z'), only: ['operator'] });
  gateway = await startTestGateway();
}, 60_000);
afterAll(() => gateway.dispose());

let requests = 0;
/** A department workstation with one request received, two clerks and the head signed in. */
async function department(overrides: Partial<RequestContent> = {}) {
  await gateway.call('/_control/reset', { method: 'POST' });
  const w = providerCore(pki, { gateway });
  const run = ++requests;
  const named = (role: 'clerk' | 'head', name: string) => {
    const key = w.signIn(role, '920701300012', `${name}-${run}`);
    return { client: w.window(key), userId: w.core.sessions.get(key).user!.id, name: `${name}-${run}` };
  };
  const omarova = named('clerk', 'Омарова');
  const seitova = named('clerk', 'Сеитова');
  const head = named('head', 'Беков');
  await postRequest(gateway, requestMessage(pki, requestContent(pki, { number: `${CENTRE}-20260302-${String(run).padStart(4, '0')}`, ...overrides })));
  await omarova.client.inbox.pull();
  const [row] = await omarova.client.inbox.list({});
  return { ...w, omarova, seitova, head, requestId: row!.id };
}

async function holderOf(call: Promise<unknown>): Promise<unknown> {
  const error = await call.then(() => null, (caught: unknown) => caught);
  return error instanceof ArmError ? { code: error.code, holder: error.params?.holder } : error;
}

describe('the resolution step (п.5: the head appoints the executor)', () => {
  it('is a head step directly before the executor’s; an empty or clerk-only chain has none', () => {
    expect(hasResolutionStep({ steps: [] })).toBe(false);
    expect(hasResolutionStep(null)).toBe(false);
    const step = (actor: 'clerk' | 'head' | 'executor' | 'specialist') => ({ actor, duration: { value: 5, unit: 'minutes' as const }, cite: [] });
    expect(hasResolutionStep({ steps: [step('clerk'), step('head'), step('executor'), step('head'), step('clerk')] })).toBe(true);
    expect(hasResolutionStep({ steps: [step('clerk'), step('head'), step('specialist')] })).toBe(true);
    // The head only signing at the end is not a resolution.
    expect(hasResolutionStep({ steps: [step('clerk'), step('executor'), step('head')] })).toBe(false);
  });
});

describe('assignment at the department', () => {
  it('lets exactly one of two racing clerks take a request without a resolution step; the other learns who holds it', async () => {
    const t = await department();
    const results = await Promise.all([codeOf(t.omarova.client.inbox.take({ requestId: t.requestId })), codeOf(t.seitova.client.inbox.take({ requestId: t.requestId }))]);
    expect(results.sort()).toEqual(['STATE_CONFLICT', 'ok']);
    const view = await t.head.client.inbox.get({ requestId: t.requestId });
    const [winner, loser] = view.assignee!.userId === t.omarova.userId ? [t.omarova, t.seitova] : [t.seitova, t.omarova];
    expect(view).toMatchObject({ state: 'inWork', assignee: { userId: winner.userId, fullName: winner.name } });
    expect((await t.head.client.inbox.list({}))[0]!.assignee).toEqual({ userId: winner.userId, fullName: winner.name });
    // The other clerk can neither check the documents nor decide.
    expect(await holderOf(loser.client.inbox.mark({ requestId: t.requestId, document: 0, mark: 'ok', note: '' }))).toEqual({ code: 'STATE_CONFLICT', holder: winner.name });
    expect(await holderOf(loser.client.decision.decide({ requestId: t.requestId, outcome: 'refusal', grounds: ['documentViolations'], text: 'Копия свидетельства нечитаема.' }))).toEqual({ code: 'STATE_CONFLICT', holder: winner.name });
    await expect(winner.client.inbox.mark({ requestId: t.requestId, document: 0, mark: 'ok', note: '' })).resolves.toMatchObject({ marks: [{ mark: 'ok' }] });
  });

  it('waits for the head’s resolution where the regulation has one, then only the appointed clerk takes it', async () => {
    const t = await department({ variantId: '002' });
    expect(await codeOf(t.omarova.client.inbox.take({ requestId: t.requestId }))).toBe('ASSIGNMENT_REQUIRED');
    expect(await codeOf(t.omarova.client.inbox.assign({ requestId: t.requestId, clerkId: t.omarova.userId, comment: '' }))).toBe('FORBIDDEN');
    await expect(t.head.client.inbox.assign({ requestId: t.requestId, clerkId: t.seitova.userId, comment: '' })).resolves.toMatchObject({ state: 'registered', assignee: { fullName: t.seitova.name } });
    expect(await holderOf(t.omarova.client.inbox.take({ requestId: t.requestId }))).toEqual({ code: 'STATE_CONFLICT', holder: t.seitova.name });
    await expect(t.seitova.client.inbox.take({ requestId: t.requestId })).resolves.toMatchObject({ state: 'inWork' });
  });

  it('reassigns only with a comment, only to an active clerk, audited; the new executor works it from then on', async () => {
    const t = await department();
    await t.omarova.client.inbox.take({ requestId: t.requestId });
    const before = await t.head.client.inbox.get({ requestId: t.requestId });
    expect(await codeOf(t.head.client.inbox.assign({ requestId: t.requestId, clerkId: t.seitova.userId, comment: '  ' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(t.head.client.inbox.assign({ requestId: t.requestId, clerkId: t.head.userId, comment: 'сам' }))).toBe('ASSIGNEE_INVALID');
    expect(await codeOf(t.head.client.inbox.assign({ requestId: t.requestId, clerkId: 'nobody', comment: 'кто-то' }))).toBe('ASSIGNEE_INVALID');
    updateUser(t.db, t.seitova.userId, { active: 0 });
    expect(await codeOf(t.head.client.inbox.assign({ requestId: t.requestId, clerkId: t.seitova.userId, comment: 'отпуск Омаровой' }))).toBe('ASSIGNEE_INVALID');
    expect(await t.head.client.inbox.get({ requestId: t.requestId })).toEqual(before);
    expect(await t.head.client.inbox.clerks()).toEqual([{ userId: t.omarova.userId, fullName: t.omarova.name }]);

    updateUser(t.db, t.seitova.userId, { active: 1 });
    await t.head.client.inbox.assign({ requestId: t.requestId, clerkId: t.seitova.userId, comment: 'отпуск Омаровой' });
    expect(await holderOf(t.omarova.client.inbox.mark({ requestId: t.requestId, document: 0, mark: 'ok', note: '' }))).toEqual({ code: 'STATE_CONFLICT', holder: t.seitova.name });
    await expect(t.seitova.client.inbox.mark({ requestId: t.requestId, document: 0, mark: 'ok', note: '' })).resolves.toMatchObject({ assignee: { userId: t.seitova.userId } });
    expect(listAudit(t.db, { limit: 5, action: 'request.reassign' })).toEqual([
      expect.objectContaining({ objectId: t.requestId, details: { assignee: t.seitova.userId, previous: t.omarova.userId, comment: 'отпуск Омаровой' } }),
    ]);
  });
});
