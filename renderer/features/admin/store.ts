import { create } from 'zustand';
import type { Account, AuditEntry, AuditVerification, Policy } from '../../../shared/api';
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

export interface AuditFilter {
  login: string;
  action: string;
  iin: string;
  from: string;
  to: string;
}

interface AuditState {
  entries: AuditEntry[];
  verification: AuditVerification | null;
  error: unknown;
  query(filter: AuditFilter, beforeSeq?: number): Promise<void>;
  verify(): Promise<void>;
}

export const AUDIT_PAGE = 100;

export const useAudit = create<AuditState>((set) => ({
  entries: [],
  verification: null,
  error: null,
  query: async (filter, beforeSeq) => {
    set({ error: null });
    try {
      const page = await arm.audit.list({
        limit: AUDIT_PAGE,
        ...(filter.login ? { login: filter.login } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.iin ? { iin: filter.iin } : {}),
        // Date inputs are local days; the log keeps UTC instants.
        ...(filter.from ? { from: new Date(filter.from + 'T00:00:00').toISOString() } : {}),
        ...(filter.to ? { to: new Date(filter.to + 'T23:59:59.999').toISOString() } : {}),
        ...(beforeSeq ? { beforeSeq } : {}),
      });
      set((state) => ({ entries: beforeSeq ? [...state.entries, ...page] : page }));
    } catch (error) {
      set({ error });
    }
  },
  verify: async () => {
    set({ error: null });
    try {
      set({ verification: await arm.audit.verify() });
    } catch (error) {
      set({ error });
    }
  },
}));
