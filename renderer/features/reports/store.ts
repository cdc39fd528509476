import { create } from 'zustand';
import type { Dashboard } from '../../../shared/api';
import { arm } from '../../app/api';

interface DashboardState {
  board: Dashboard | null;
  error: unknown;
  load(): Promise<void>;
}

export const useDashboard = create<DashboardState>((set) => ({
  board: null,
  error: null,
  load: async () => {
    try {
      set({ board: await arm.reports.dashboard(), error: null });
    } catch (error) {
      set({ error });
    }
  },
}));
