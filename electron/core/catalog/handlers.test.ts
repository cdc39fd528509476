import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../app';
import type { Logger } from '../log';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const dir = mkdtempSync(path.join(os.tmpdir(), 'arm-catalog-'));
const core = startCore({ appVersion: 'test', dataDir: dir, log: quiet });

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('catalog channels', () => {
  it('catalog.list answers every service with both names, before login', async () => {
    const envelope = await core.dispatch('catalog.list', undefined, null);
    expect(envelope.ok).toBe(true);
    const list = (envelope as { value: Array<{ id: string; name: { ru: string; kk: string } }> }).value;
    expect(list).toHaveLength(19);
    expect(list.find((service) => service.id === 'guardianship-certificate')?.name.kk).toBe('Қорғаншылық және қамқоршылық жөнінде анықтама беру');
  });

  it('catalog.get answers one service with its variants, and the same for a signed-in operator', async () => {
    const envelope = await core.dispatch('catalog.get', { id: 'housing-queue' }, { userId: 'u1', role: 'operator' });
    expect(envelope.ok).toBe(true);
    const service = (envelope as { value: { variants: Array<{ channels: Array<{ term: { value: number; unit: string } | null }> }> } }).value;
    expect(service.variants[0]?.channels.map((channel) => channel.term && `${channel.term.value} ${channel.term.unit}`)).toEqual([
      '30 calendarDays',
      '30 calendarDays',
      '30 calendarDays',
    ]);
  });

  it('every listed service is answered by catalog.get and passes the contract', async () => {
    const list = await core.dispatch('catalog.list', undefined, null);
    const ids = (list as { value: Array<{ id: string }> }).value.map((service) => service.id);
    const answers = await Promise.all(ids.map((id) => core.dispatch('catalog.get', { id }, null)));
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
  });

  it('an unknown id is NOT_FOUND; a missing or empty id is VALIDATION_FAILED', async () => {
    const missing = await core.dispatch('catalog.get', { id: 'no-such-service' }, null);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('catalog.get', {}, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.dispatch('catalog.get', { id: '' }, null)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
