import { create } from 'zustand';
import type { Health, SystemInfo } from '../../../shared/api';
import { arm } from '../../app/api';

interface SystemState {
  health: Health | null;
  info: SystemInfo | null;
  error: unknown;
  checkedAt: number | null;
  refresh(): Promise<void>;
}

/** Health and identity of this workstation; the header's online indicator reads it. */
export const useSystem = create<SystemState>((set) => ({
  health: null,
  info: null,
  error: null,
  checkedAt: null,
  refresh: async () => {
    try {
      const [health, info] = await Promise.all([arm.system.health(), arm.system.info()]);
      set({ health, info, error: null, checkedAt: Date.now() });
    } catch (error) {
      set({ error, checkedAt: Date.now() });
    }
  },
}));
