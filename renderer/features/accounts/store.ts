import { create } from 'zustand';
import type { Account, Policy } from '../../../shared/api';
import { arm } from '../../app/api';

interface AccountsState {
  accounts: Account[];
  policy: Policy | null;
  error: unknown;
  /** Where the last change was asked: its error shows there, in sight of the button pressed. */
  errorAt: AccountsPlace | null;
  notice: string | null;
  load(): Promise<void>;
  loadPolicy(): Promise<void>;
  /** Runs a change, reloads the list, and reports success to the caller. */
  act(action: () => Promise<unknown>, notice: string, at: AccountsPlace): Promise<boolean>;
}

export type AccountsPlace = 'list' | 'create' | 'policy';

export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: [],
  policy: null,
  error: null,
  errorAt: null,
  notice: null,
  loadPolicy: async () => {
    try {
      set({ policy: await arm.accounts.policy() });
    } catch (error) {
      set({ error, errorAt: 'policy' });
    }
  },
  load: async () => {
    try {
      set({ accounts: await arm.accounts.list() });
    } catch (error) {
      set({ error, errorAt: 'list' });
    }
  },
  act: async (action, notice, at) => {
    set({ error: null, errorAt: null, notice: null });
    try {
      await action();
      set({ notice });
      await get().load();
      return true;
    } catch (error) {
      set({ error, errorAt: at });
      return false;
    }
  },
}));
