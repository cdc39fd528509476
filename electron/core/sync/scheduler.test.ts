import { describe, expect, it } from 'vitest';
import { ArmError } from '../../../shared/api';
import { createScheduler } from './scheduler';

/** Timers the test fires by hand, with the clock they move. */
function manualTimers() {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const pending: Array<{ at: number; run: () => void }> = [];
  return {
    now: () => new Date(now),
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      pending.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      const index = pending.indexOf(timer as (typeof pending)[number]);
      if (index >= 0) pending.splice(index, 1);
    },
    /** Fires the earliest timer, moving the clock to it; returns the wait in ms. */
    async fire(): Promise<number> {
      pending.sort((a, b) => a.at - b.at);
      const next = pending.shift()!;
      const waited = next.at - now;
      now = next.at;
      next.run();
      await new Promise((resolve) => setImmediate(resolve));
      return waited;
    },
    get pending() {
      return pending.length;
    },
  };
}

describe('sync scheduler', () => {
  it('runs each job on its period with jitter, backs off after failures up to the cap, and resets on success', async () => {
    const timers = manualTimers();
    let failing = true;
    const scheduler = createScheduler([{ name: 'outbox', everyMs: 30_000, run: async () => { if (failing) throw new ArmError('GATEWAY_UNAVAILABLE', 'down'); } }], {
      now: timers.now,
      random: () => 1, // the top of the jitter band: +20 %
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
      maxBackoffMs: 240_000,
    });
    scheduler.start();
    expect(await timers.fire()).toBe(6_000); // first run within 20 % of the period
    expect(scheduler.status()[0]).toMatchObject({ failures: 1, lastError: 'GATEWAY_UNAVAILABLE', lastSuccessAt: null });
    const waits = [];
    for (let run = 0; run < 4; run++) waits.push(await timers.fire());
    // 30 s × 2, × 4, × 8, then the 240 s cap; each +20 %.
    expect(waits).toEqual([72_000, 144_000, 288_000, 288_000]);
    failing = false;
    await timers.fire();
    expect(scheduler.status()[0]).toMatchObject({ failures: 0, lastError: null, lastSuccessAt: timers.now().toISOString() });
    expect(await timers.fire()).toBe(36_000);
    scheduler.stop();
    expect(timers.pending).toBe(0);
    expect(scheduler.status()[0]!.nextRunAt).toBeNull();
  });

  it('is single-flight: "sync now" during a run joins it, and jitter spreads the period', async () => {
    const timers = manualTimers();
    let calls = 0;
    let release: () => void = () => {};
    const scheduler = createScheduler(
      [{ name: 'inbox', everyMs: 60_000, run: () => { calls++; return new Promise<void>((resolve) => (release = resolve)); } }],
      { now: timers.now, random: () => 0, setTimer: timers.setTimer, clearTimer: timers.clearTimer },
    );
    const first = scheduler.runNow('inbox');
    const second = scheduler.runNow();
    expect(scheduler.status()[0]!.running).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    await expect(scheduler.runNow('nothing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    scheduler.start();
    expect(timers.pending).toBe(1);
    // random() = 0: the bottom of the band, 80 % of the period.
    await timers.fire();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await timers.fire()).toBe(48_000);
    release();
    scheduler.stop();
  });
});
