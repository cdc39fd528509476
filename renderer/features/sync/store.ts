import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/api';
import { arm } from '../../app/api';

interface SyncState {
  status: SyncStatus | null;
  error: unknown;
  load(): Promise<void>;
  /** "Sync now": every job. */
  run(): Promise<void>;
  retry(id: string): Promise<void>;
  withdraw(id: string): Promise<void>;
  setGuardrails(input: { offlineHours: number; maxUnsent: number | null; minFreeMb: number | null }): Promise<void>;
}

export const useSync = create<SyncState>((set) => {
  const attempt = async (call: () => Promise<SyncStatus>) => {
    try {
      set({ status: await call(), error: null });
    } catch (error) {
      set({ error });
    }
  };
  return {
    status: null,
    error: null,
    load: () => attempt(() => arm.sync.status()),
    run: () => attempt(() => arm.sync.run({})),
    retry: (id) => attempt(() => arm.sync.retryParked({ id })),
    withdraw: (id) => attempt(() => arm.sync.withdrawParked({ id })),
    setGuardrails: (input) => attempt(() => arm.sync.setGuardrails(input)),
  };
});
