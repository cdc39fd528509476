import { create } from 'zustand';
import type { Account, Policy } from '../../../shared/api';
import { arm } from '../../app/api';

interface AccountsState {
  accounts: Account[];
  policy: Policy | null;
  error: unknown;
  notice: string | null;
  load(): Promise<void>;
  loadPolicy(): Promise<void>;
  /** Runs a change, reloads the list, and reports success to the caller. */
  act(action: () => Promise<unknown>, notice: string): Promise<boolean>;
}

export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: [],
  policy: null,
  error: null,
  notice: null,
  loadPolicy: async () => {
    try {
      set({ policy: await arm.accounts.policy() });
    } catch (error) {
      set({ error });
    }
  },
  load: async () => {
    try {
      set({ accounts: await arm.accounts.list() });
    } catch (error) {
      set({ error });
    }
  },
  act: async (action, notice) => {
    set({ error: null, notice: null });
    try {
      await action();
      set({ notice });
      await get().load();
      return true;
    } catch (error) {
      set({ error });
      return false;
    }
  },
}));
