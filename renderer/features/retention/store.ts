import { create } from 'zustand';
import type { PurgeReportView, RetentionTermsInput } from '../../../shared/api';
import { arm } from '../../app/api';

interface RetentionState {
  terms: RetentionTermsInput | null;
  lastReport: PurgeReportView | null;
  busy: boolean;
  error: unknown;
  load(): Promise<void>;
  configure(terms: RetentionTermsInput): Promise<void>;
  purge(): Promise<void>;
}

/** Сроки хранения: the terms and the last purge report. */
export const useRetention = create<RetentionState>((set) => ({
  terms: null,
  lastReport: null,
  busy: false,
  error: null,
  load: async () => {
    try {
      set(await arm.retention.status());
    } catch (error) {
      set({ error });
    }
  },
  configure: async (terms) => {
    set({ busy: true, error: null });
    try {
      set(await arm.retention.configure(terms));
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
  purge: async () => {
    set({ busy: true, error: null });
    try {
      set({ lastReport: await arm.retention.purge() });
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
}));
