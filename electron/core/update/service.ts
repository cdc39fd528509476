import type { UpdateStatus } from '../../../shared/api';

/**
 * What the Electron host's updater offers the core (electron/host/update/updater.ts); the web host
 * has none. The core owns the gate: it knows the outbox.
 */
export interface UpdateService {
  status(): Omit<UpdateStatus, 'outboxPending'>;
  check(): Promise<Omit<UpdateStatus, 'outboxPending'>>;
  /** Quits and installs the downloaded update; the installer asks for rights on a per-machine install. */
  install(): void;
}

/**
 * An update waits while the outbox holds signed requests: they survive an update (the database
 * migrates, db/upgrade.test.ts), but a supervisor decides whether to wait for them to leave first.
 */
export function updateGate(outboxPending: number, supervisorConfirmed: boolean): 'install' | 'wait' {
  return outboxPending === 0 || supervisorConfirmed ? 'install' : 'wait';
}
