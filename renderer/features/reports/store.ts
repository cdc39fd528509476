import { create } from 'zustand';
import type { Dashboard } from '../../../shared/api';
import { arm } from '../../app/api';

interface DashboardState {
  board: Dashboard | null;
  error: unknown;
  /** The last check's verdict, shown until the next check. */
  checked: { consistent: boolean } | null;
  load(): Promise<void>;
  check(): Promise<void>;
}

export const useDashboard = create<DashboardState>((set, get) => ({
  board: null,
  error: null,
  checked: null,
  check: async () => {
    try {
      set({ checked: await arm.reports.checkCounters(), error: null });
      await get().load();
    } catch (error) {
      set({ error });
    }
  },
  load: async () => {
    try {
      set({ board: await arm.reports.dashboard(), error: null });
    } catch (error) {
      set({ error });
    }
  },
}));
