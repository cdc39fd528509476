import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { superviseChild, type Launcher } from './supervise';

/** A child that records signals and exits on the ones it honours. */
function fakeChild(honours: NodeJS.Signals[] = ['SIGTERM', 'SIGKILL']) {
  const child = Object.assign(new EventEmitter(), {
    exitCode: null as number | null,
    signalCode: null as NodeJS.Signals | null,
    signals: [] as string[],
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      child.signals.push(signal);
      if (honours.includes(signal)) child.die(null, signal);
      return true;
    },
    die(code: number | null, signal: NodeJS.Signals | null = null) {
      child.exitCode = code;
      child.signalCode = signal;
      queueMicrotask(() => child.emit('exit', code, signal));
    },
  });
  return child;
}

function fakeLauncher() {
  const events = new EventEmitter();
  const launcher: Launcher & { exits: number[]; send(signal: 'SIGINT' | 'SIGTERM'): void } = {
    exits: [],
    once: (signal, listener) => events.once(signal, listener),
    exit: (code) => void launcher.exits.push(code),
    send: (signal) => void events.emit(signal),
  };
  return launcher;
}

describe('the launcher supervising Electron', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('passes %s on to Electron, then stops the emulator and exits', async (signal) => {
    const child = fakeChild();
    const launcher = fakeLauncher();
    const order: string[] = [];
    const done = superviseChild({ child, launcher, cleanup: async () => void order.push('emulator stopped') });
    launcher.send(signal);
    const code = await done;
    expect(child.signals).toEqual(['SIGTERM']);
    expect(order).toEqual(['emulator stopped']);
    expect(launcher.exits).toEqual([code]);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
  });

  it('stops the emulator when the window is closed (Electron exits by itself) and exits with its code', async () => {
    const child = fakeChild();
    const launcher = fakeLauncher();
    const cleanup = vi.fn(async () => {});
    const done = superviseChild({ child, launcher, cleanup });
    child.die(0);
    expect(await done).toBe(0);
    expect(cleanup).toHaveBeenCalledOnce();
    expect(child.signals).toEqual([]);
    expect(launcher.exits).toEqual([0]);
  });

  it('kills an Electron that ignores SIGTERM once the grace time is over', async () => {
    vi.useFakeTimers();
    try {
      const child = fakeChild(['SIGKILL']);
      const launcher = fakeLauncher();
      const done = superviseChild({ child, launcher, cleanup: async () => {}, graceMs: 1000 });
      launcher.send('SIGTERM');
      expect(child.signals).toEqual(['SIGTERM']);
      await vi.advanceTimersByTimeAsync(1000);
      expect(child.signals).toEqual(['SIGTERM', 'SIGKILL']);
      expect(await done).toBe(143);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops a real child process on SIGTERM to the launcher', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const launcher = fakeLauncher();
    const done = superviseChild({ child, launcher, cleanup: async () => {} });
    launcher.send('SIGTERM');
    expect(await done).toBe(143);
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('still exits when stopping the emulator fails', async () => {
    const child = fakeChild();
    const launcher = fakeLauncher();
    const done = superviseChild({ child, launcher, cleanup: () => Promise.reject(new Error('emulator hung')) });
    child.die(3);
    expect(await done).toBe(3);
    expect(launcher.exits).toEqual([3]);
  });
});
