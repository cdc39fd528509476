import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../shared/api';
import { arm } from '../../app/api';
import { localDayStart } from '../../../shared/time';

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
        // Date inputs are Kazakhstan days (not the machine's zone); the log keeps UTC instants.
        ...(filter.from ? { from: localDayStart(filter.from).toISOString() } : {}),
        ...(filter.to ? { to: new Date(localDayStart(filter.to, 1).getTime() - 1).toISOString() } : {}),
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
