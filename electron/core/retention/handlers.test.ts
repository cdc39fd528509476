import { describe, expect, it } from 'vitest';
import { ArmError, contract, createClient } from '../../../shared/api';
import { signedIn, testCore } from '../testing';
import { runScheduledPurge } from './handlers';

describe('retention through the contract', () => {
  it('the supervisor sets the terms (audited), bad terms are refused, and the purge runs once a day by itself', async () => {
    const t = testCore();
    const window = signedIn(t.core, 'supervisor', '880315400010');
    const supervisor = createClient(contract, (name, input) => t.core.dispatch(name, input, window));
    expect(await supervisor.retention.status()).toEqual({ terms: { issuedDays: null, refusedDays: null, withdrawnDays: null }, lastReport: null });
    const error = await supervisor.retention.configure({ issuedDays: 0, refusedDays: 30, withdrawnDays: 30 }).catch((caught: unknown) => caught as ArmError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const set = await supervisor.retention.configure({ issuedDays: 365, refusedDays: 30, withdrawnDays: 30 });
    expect(set.terms).toEqual({ issuedDays: 365, refusedDays: 30, withdrawnDays: 30 });
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.change' AND object_id LIKE '%retention.issuedDays%'").get()).toEqual({ n: 1 });

    expect(runScheduledPurge(t.core.context)).not.toBeNull();
    expect(runScheduledPurge(t.core.context)).toBeNull();
    t.clock.now += 25 * 3_600_000;
    expect(runScheduledPurge(t.core.context)).not.toBeNull();
    t.core.sessions.get(window).lastActivity = t.clock.now;
    expect((await supervisor.retention.status()).lastReport?.at).toBe(new Date(t.clock.now).toISOString());
    t.core.close();
  });
});
