// npm start's launcher owns two processes: Electron and, in training mode, the gateway emulator.
// Neither may outlive it: a signal to the launcher is passed on to Electron, and whenever Electron
// exits (window closed, signal, crash) the emulator is stopped before the launcher exits itself.

/** What the launcher uses of a ChildProcess. */
export interface Child {
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
}

export interface Launcher {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): void;
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export function superviseChild(options: {
  child: Child;
  /** Stops what the launcher started besides the child (the training emulator). */
  cleanup: () => Promise<void>;
  launcher: Launcher;
  /** How long the child gets to quit on SIGTERM before SIGKILL. */
  graceMs?: number;
}): Promise<number> {
  const { child, cleanup, launcher } = options;
  let received: keyof typeof SIGNAL_EXIT | null = null;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const forward = (signal: keyof typeof SIGNAL_EXIT) => () => {
    received = signal;
    if (!alive()) return;
    child.kill('SIGTERM');
    setTimeout(() => {
      if (alive()) child.kill('SIGKILL');
    }, options.graceMs ?? 5000).unref();
  };
  launcher.once('SIGINT', forward('SIGINT'));
  launcher.once('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => {
    child.once('exit', (code: number | null) => {
      const exitCode = received ? SIGNAL_EXIT[received] : (code ?? 1);
      void cleanup()
        .catch(() => undefined)
        .finally(() => {
          launcher.exit(exitCode);
          resolve(exitCode);
        });
    });
  });
}
