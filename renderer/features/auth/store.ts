import { create } from 'zustand';
import type { AuthStatus, SessionUser } from '../../../shared/api';
import { arm, sessionEvents } from '../../app/api';

interface AuthState {
  status: AuthStatus | null;
  error: unknown;
  refresh(): Promise<void>;
  /** Runs an auth call, keeps its error for the form, and re-reads the status after it. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  signedIn(user: SessionUser): void;
}

export const useAuth = create<AuthState>((set, get) => ({
  status: null,
  error: null,
  refresh: async () => {
    try {
      set({ status: await arm.auth.status() });
    } catch (error) {
      set({ error });
    }
  },
  run: async (action) => {
    set({ error: null });
    try {
      await action();
      await get().refresh();
      return true;
    } catch (error) {
      set({ error });
      await get().refresh();
      return false;
    }
  },
  signedIn: (user) => set((state) => ({ status: state.status ? { ...state.status, user, locked: false } : state.status })),
}));

sessionEvents.addEventListener('changed', () => void useAuth.getState().refresh());
