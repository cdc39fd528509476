import { create } from 'zustand';
import type { PeriodReport } from '../../../shared/api';
import type { Language } from '../../../shared/i18n';
import { arm } from '../../app/api';

interface ReportState {
  report: PeriodReport | null;
  error: unknown;
  load(from: string, to: string): Promise<void>;
  download(from: string, to: string, format: 'csv' | 'pdf', language: Language): Promise<void>;
}

export const useReport = create<ReportState>((set) => ({
  report: null,
  error: null,
  load: async (from, to) => {
    set({ error: null });
    try {
      set({ report: await arm.reports.period({ from, to }) });
    } catch (error) {
      set({ error, report: null });
    }
  },
  download: async (from, to, format, language) => {
    set({ error: null });
    try {
      const file = await arm.reports.periodFile({ from, to, format, language });
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      set({ error });
    }
  },
}));
