import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { holdSingleInstance, quitOnSignals, relaunchForV8Flags, type Focusable, type LockApp } from './lifecycle';

function fakeApp(gotLock: boolean) {
  const events = new EventEmitter();
  const app = {
    quits: 0,
    requestSingleInstanceLock: () => gotLock,
    on: (event: string, listener: () => void) => events.on(event, listener),
    quit: () => void app.quits++,
    emit: (event: string) => events.emit(event),
  };
  return app;
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const window: Focusable = {
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { window, calls };
}

describe('single instance', () => {
  it('the first instance keeps running and brings its minimised window forward on a second start', () => {
    const app = fakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(holdSingleInstance(app as unknown as LockApp, () => window)).toBe(true);
    expect(app.quits).toBe(0);
    app.emit('second-instance');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    app.emit('second-instance');
    expect(calls).toEqual(['restore', 'show', 'focus', 'restore', 'show', 'focus']);
  });

  it('a second instance quits at once and never opens a window of its own', () => {
    const app = fakeApp(false);
    let asked = false;
    expect(holdSingleInstance(app as unknown as LockApp, () => ((asked = true), null))).toBe(false);
    expect(app.quits).toBe(1);
    app.emit('second-instance');
    expect(asked).toBe(false);
  });

  it('a second start before the first window exists changes nothing', () => {
    const app = fakeApp(true);
    holdSingleInstance(app as unknown as LockApp, () => null);
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});

describe('signals to the Electron main process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s quits the app the normal way', (signal) => {
    const processLike = new EventEmitter();
    let quits = 0;
    quitOnSignals(processLike, { quit: () => void quits++ });
    processLike.emit(signal);
    expect(quits).toBe(1);
  });
});

describe("the core's V8 flags", () => {
  it('relaunches once with the flags added to what was given, keeping every other argument', () => {
    const first = relaunchForV8Flags(['--training', '--data-dir', '/d'], '');
    expect(first).toEqual(['--training', '--data-dir', '/d', '--js-flags=--max-semi-space-size=1 --heap-growing-percent=20']);
    expect(relaunchForV8Flags(['--js-flags=--stack-trace-limit=50', '--training'], '--stack-trace-limit=50')).toEqual(['--training', '--js-flags=--stack-trace-limit=50 --max-semi-space-size=1 --heap-growing-percent=20']);
    // Only the missing one is added.
    expect(relaunchForV8Flags(['--js-flags=--max-semi-space-size=1'], '--max-semi-space-size=1')).toEqual(['--js-flags=--max-semi-space-size=1 --heap-growing-percent=20']);
    // The relaunched process has them: no second relaunch.
    expect(relaunchForV8Flags(first!, '--max-semi-space-size=1 --heap-growing-percent=20')).toBeNull();
  });
});
