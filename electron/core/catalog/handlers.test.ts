import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../shared/api';
import { testCore } from '../testing';

const { core } = testCore();

/** A window signed in as this role; the session is made directly, as the role matrix does. */
function signedIn(role: Role): string {
  const key = `catalog-${role}`;
  const session = core.sessions.get(key);
  session.user = { id: `user-${role}`, login: role, fullName: role, role, organisation: 'test', mustChangePassword: false };
  session.lastActivity = core.context.now().getTime();
  return key;
}

describe('catalog channels', () => {
  it('catalog.list answers every role with every service in both languages; nobody signed in is UNAUTHORIZED', async () => {
    for (const role of roles) expect((await core.dispatch('catalog.list', undefined, signedIn(role))).ok, role).toBe(true);
    expect(await core.dispatch('catalog.list', undefined, 'catalog-nobody')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const envelope = await core.dispatch('catalog.list', undefined, signedIn('operator'));
    const list = (envelope as { value: Array<{ id: string; name: { ru: string; kk: string } }> }).value;
    expect(list).toHaveLength(19);
    expect(list.find((service) => service.id === 'guardianship-certificate')?.name.kk).toBe('Қорғаншылық және қамқоршылық жөнінде анықтама беру');
  });

  it('catalog.get answers one service with its variants', async () => {
    const envelope = await core.dispatch('catalog.get', { id: 'housing-queue' }, signedIn('clerk'));
    expect(envelope.ok).toBe(true);
    const service = (envelope as { value: { variants: Array<{ channels: Array<{ term: { value: number; unit: string } | null }> }> } }).value;
    expect(service.variants[0]?.channels.map((channel) => channel.term && `${channel.term.value} ${channel.term.unit}`)).toEqual([
      '30 calendarDays',
      '30 calendarDays',
      '30 calendarDays',
    ]);
  });

  it('every listed service is answered by catalog.get and passes the contract', async () => {
    const key = signedIn('operator');
    const list = await core.dispatch('catalog.list', undefined, key);
    const ids = (list as { value: Array<{ id: string }> }).value.map((service) => service.id);
    const answers = await Promise.all(ids.map((id) => core.dispatch('catalog.get', { id }, key)));
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
  });

  it('an unknown id is NOT_FOUND; a missing or empty id is VALIDATION_FAILED', async () => {
    const key = signedIn('head');
    expect(await core.dispatch('catalog.get', { id: 'no-such-service' }, key)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('catalog.get', {}, key)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.dispatch('catalog.get', { id: '' }, key)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
