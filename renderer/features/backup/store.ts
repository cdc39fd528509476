import { create } from 'zustand';
import type { BackupResult, BackupStatus } from '../../../shared/api';
import { arm } from '../../app/api';

interface BackupState {
  status: BackupStatus | null;
  result: BackupResult | null;
  restored: string | null;
  busy: boolean;
  error: unknown;
  /** Apart from `error`: the restore form shows its own. */
  restoreError: unknown;
  load(): Promise<void>;
  configure(input: { folder: string | null; everyHours: number; password?: string }): Promise<boolean>;
  create(input: { folder?: string; password: string }): Promise<void>;
  restore(input: { path: string; password: string }): Promise<void>;
}

/** Резервные копии: the supervisor's backup, schedule and restore. */
export const useBackup = create<BackupState>((set, get) => ({
  status: null,
  result: null,
  restored: null,
  busy: false,
  error: null,
  restoreError: null,
  load: async () => {
    try {
      set({ status: await arm.backup.status() });
    } catch (error) {
      set({ error });
    }
  },
  configure: async (input) => {
    set({ busy: true, error: null });
    try {
      await arm.backup.configure(input);
      await get().load();
      return true;
    } catch (error) {
      set({ error });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  create: async (input) => {
    set({ busy: true, error: null, result: null });
    try {
      set({ result: await arm.backup.create(input) });
      await get().load();
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
  restore: async (input) => {
    set({ busy: true, restoreError: null, restored: null });
    try {
      set({ restored: (await arm.backup.restore(input)).createdAt });
    } catch (restoreError) {
      set({ restoreError });
    } finally {
      set({ busy: false });
    }
  },
}));
