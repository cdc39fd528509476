import { create } from 'zustand';
import { arm } from '../../app/api';

type Settings = Awaited<ReturnType<typeof arm.inbox.settings>>;

interface SettingsState {
  settings: Settings | null;
  saved: boolean;
  error: unknown;
  load(): Promise<void>;
  save(input: Parameters<typeof arm.inbox.configure>[0]): Promise<void>;
}

/** The supervisor's workstation settings for the gateway inbox: organisation code and trust. */
export const useInboxSettings = create<SettingsState>((set) => ({
  settings: null,
  saved: false,
  error: null,
  load: async () => {
    try {
      set({ settings: await arm.inbox.settings(), error: null });
    } catch (error) {
      set({ error });
    }
  },
  save: async (input) => {
    try {
      set({ settings: await arm.inbox.configure(input), saved: true, error: null });
    } catch (error) {
      set({ error, saved: false });
    }
  },
}));
