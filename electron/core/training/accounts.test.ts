import { describe, expect, it } from 'vitest';
import { roles } from '../../../shared/api';
import { DEMO_KEYS } from '../../../shared/signing/testPki';
import { listUsers } from '../auth/accounts';
import { testCore } from '../testing';
import { TRAINING_LOGINS, TRAINING_PASSWORD } from './accounts';
import { TRAINING_CHECKLIST_BASIS } from './workstation';

async function start(options: { training: boolean; dataDir?: string }) {
  // Nothing listens on port 9 (discard): the accounts do not need the gateway to answer.
  const { core } = testCore({ gateway: 'http://127.0.0.1:9/', training: options.training, clock: 'system', ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  await core.ready;
  return core;
}

describe('training mode demo accounts', () => {
  // Five scrypt logins (tens of ms each, seconds on a busy machine).
  it('creates one account per role on the first run, with the IIN of that role’s demo key, and each logs in', { timeout: 30_000 }, async () => {
    const core = await start({ training: true });
    const users = listUsers(core.context.db!);
    expect(users.map((user) => user.role).sort()).toEqual([...roles].sort());
    for (const user of users) {
      const key = DEMO_KEYS.find((candidate) => candidate.id === user.role)!;
      expect(user.iin).toBe(key.person.iin);
      expect(user.login).toBe(TRAINING_LOGINS[user.role]);
      const login = await core.dispatch('auth.login', { login: user.login, password: TRAINING_PASSWORD }, `window-${user.login}`);
      expect(login.ok, user.login).toBe(true);
    }
    const audit = core.context.db!.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'account.create'").get() as { n: number };
    expect(audit.n).toBe(roles.length);
  });

  it('presets the demo centre, the provider code and a guardianship checklist marked as a training example: the operator needs no setting', { timeout: 30_000 }, async () => {
    const core = await start({ training: true });
    await core.dispatch('auth.login', { login: 'operator', password: TRAINING_PASSWORD }, 'w-operator');
    // No gateway answers here, so the draft itself is not started (routing asks the gateway).
    expect(await core.dispatch('intake.centre', undefined, 'w-operator')).toEqual({ ok: true, value: { code: 'con-kokpekty', district: 'kokpekty' } });
    // The mobile operator works at the demo mobile centre where a regulation allows one (004), not at Kokpekty's counter.
    await core.dispatch('auth.login', { login: 'mobile', password: TRAINING_PASSWORD }, 'w-mobile');
    expect(await core.dispatch('intake.centre', undefined, 'w-mobile')).toEqual({ ok: true, value: { code: 'mobile-m-zhumabaev', district: 'm-zhumabaev' } });
    const service = await core.dispatch('catalog.get', { id: 'guardianship-certificate' }, 'w-operator');
    const variant = service.ok ? (service.value as { variants: Array<{ id: string; documents: { items: Array<{ name: { ru: string } }> } }> }).variants.find((entry) => entry.id === '003-r4') : undefined;
    expect(variant?.documents.items.map((item) => item.name.ru)).toEqual(['Документ, удостоверяющий личность заявителя', 'Свидетельство о рождении ребёнка']);
    await core.dispatch('auth.login', { login: 'supervisor', password: TRAINING_PASSWORD }, 'w-supervisor');
    const history = await core.dispatch('catalog.documentsHistory', { variantId: '003-r4' }, 'w-supervisor');
    expect(history).toMatchObject({ ok: true, value: [{ version: 1, basis: TRAINING_CHECKLIST_BASIS }] });
    expect(await core.dispatch('inbox.settings', undefined, 'w-supervisor')).toMatchObject({ ok: true, value: { organisation: 'edu-kokpekty' } });
  });

  it('creates nothing outside training mode, and nothing on a database that has accounts already', async () => {
    const real = await start({ training: false });
    expect(listUsers(real.context.db!)).toEqual([]);
    expect(await real.dispatch('auth.setup', { login: 'boss', fullName: 'Начальник', iin: '880315400010', organisation: 'ЦОН', password: 'Бастау-2026!' }, 'w')).toMatchObject({ ok: true });
    const dataDir = real.context.dataDir;
    real.close();

    const later = await start({ training: true, dataDir });
    expect(listUsers(later.context.db!).map((user) => user.login)).toEqual(['boss']);
  });

  it('does not add them again on the next training start', async () => {
    const first = await start({ training: true });
    const dataDir = first.context.dataDir;
    first.close();
    const again = await start({ training: true, dataDir });
    expect(listUsers(again.context.db!)).toHaveLength(roles.length);
  });
});
