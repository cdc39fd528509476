import { create } from 'zustand';
import type { JournalCursor, JournalFilter, JournalOperator, JournalRow, RequestState } from '../../../shared/api';
import type { Language } from '../../../shared/i18n';
import type { ServiceSummary } from '../../../shared/catalog/schema';
import { arm } from '../../app/api';

/** The form as typed: strings, '' meaning "any". */
export interface JournalForm {
  iin: string;
  name: string;
  number: string;
  serviceId: string;
  state: RequestState | '';
  operatorId: string;
  from: string;
  to: string;
  overdue: boolean;
}

export const emptyForm: JournalForm = { iin: '', name: '', number: '', serviceId: '', state: '', operatorId: '', from: '', to: '', overdue: false };

/** Only what was filled in goes to the core, trimmed. */
export function toFilter(form: JournalForm): JournalFilter {
  const filter: JournalFilter = {};
  const text = (value: string) => value.trim() || undefined;
  const iin = text(form.iin);
  const name = text(form.name);
  const number = text(form.number);
  if (iin) filter.iin = iin;
  if (name) filter.name = name;
  if (number) filter.number = number;
  if (form.serviceId) filter.serviceId = form.serviceId;
  if (form.state) filter.state = form.state;
  if (form.operatorId) filter.operatorId = form.operatorId;
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  if (form.overdue) filter.overdue = true;
  return filter;
}

export const JOURNAL_PAGE = 50;

interface JournalState {
  rows: JournalRow[];
  next: JournalCursor | null;
  /** The filter the rows were found with: "more" and exports use it, not the half-edited form. */
  applied: JournalFilter;
  services: ServiceSummary[];
  operators: JournalOperator[];
  searched: boolean;
  busy: boolean;
  error: unknown;
  loadChoices(): Promise<void>;
  search(filter: JournalFilter): Promise<void>;
  more(): Promise<void>;
  exportFile(format: 'csv' | 'xlsx', language: Language): Promise<void>;
}

function download(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export const useJournal = create<JournalState>((set, get) => ({
  rows: [],
  next: null,
  applied: {},
  services: [],
  operators: [],
  searched: false,
  busy: false,
  error: null,
  loadChoices: async () => {
    try {
      const [services, operators] = await Promise.all([arm.catalog.list(), arm.journal.operators()]);
      set({ services, operators });
    } catch (error) {
      set({ error });
    }
  },
  search: async (filter) => {
    set({ busy: true, error: null });
    try {
      const page = await arm.journal.search({ ...filter, limit: JOURNAL_PAGE });
      set({ rows: page.rows, next: page.next, applied: filter, searched: true });
    } catch (error) {
      set({ error, rows: [], next: null, searched: true });
    } finally {
      set({ busy: false });
    }
  },
  more: async () => {
    const { next, applied } = get();
    if (!next) return;
    set({ busy: true, error: null });
    try {
      const page = await arm.journal.search({ ...applied, after: next, limit: JOURNAL_PAGE });
      set((state) => ({ rows: [...state.rows, ...page.rows], next: page.next }));
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
  exportFile: async (format, language) => {
    set({ error: null });
    try {
      const file = await arm.journal.export({ filter: get().applied, format, language });
      download(file.fileName, file.mime, file.base64);
    } catch (error) {
      set({ error });
    }
  },
}));
