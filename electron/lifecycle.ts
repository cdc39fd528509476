import type { App, BrowserWindow } from 'electron';
import { CORE_V8_FLAGS } from './core/memory';

// Thin glue between Electron's app object and the АРМ's life cycle, typed against Electron but
// given the real objects by main.ts only, so tests drive it with fakes (lifecycle.test.ts).

export type LockApp = Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>;
export type Focusable = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

/**
 * Electron's single-instance lock: a second start of the АРМ hands over to the first, which brings
 * its window forward. Returns false in the second instance, which has already been told to quit.
 */
export function holdSingleInstance(app: LockApp, window: () => Focusable | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const current = window();
    if (!current) return;
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
  });
  return true;
}

/**
 * SIGTERM or SIGINT to Electron's main process (the launcher, a service manager, Ctrl+C) quits the
 * normal way, so `will-quit` still closes the database and stops the training emulator.
 */
export function quitOnSignals(processLike: { once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown }, app: Pick<App, 'quit'>): void {
  processLike.once('SIGINT', () => app.quit());
  processLike.once('SIGTERM', () => app.quit());
}

/**
 * The arguments to relaunch with when this process lacks the core's V8 flags (electron/core/memory.ts),
 * or null when it has them. `jsFlags` is the process's --js-flags switch value.
 */
export function relaunchForV8Flags(argv: readonly string[], jsFlags: string): string[] | null {
  const missing = CORE_V8_FLAGS.filter((flag) => !jsFlags.split(/\s+/).includes(flag));
  if (missing.length === 0) return null;
  const others = argv.filter((arg) => !arg.startsWith('--js-flags='));
  return [...others, `--js-flags=${[jsFlags, ...missing].filter(Boolean).join(' ')}`];
}
