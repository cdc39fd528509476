import { create } from 'zustand';
import type { Service, ServiceSummary } from '../../../shared/catalog/schema';
import { arm } from '../../app/api';
import { emptyFilter, type CatalogFilter } from './filter';

interface CatalogState {
  services: ServiceSummary[] | null;
  filter: CatalogFilter;
  /** Full entries fetched on demand, by service id. */
  opened: Record<string, Service>;
  openId: string | null;
  error: unknown;
  load(): Promise<void>;
  setFilter(change: Partial<CatalogFilter>): void;
  toggle(id: string): Promise<void>;
  /** Fetches an opened service again (after the supervisor changed its document list). */
  reload(id: string): Promise<void>;
}

/** The catalog browser: summaries once, a service's full entry when its card is opened. */
export const useCatalog = create<CatalogState>((set, get) => ({
  services: null,
  filter: emptyFilter,
  opened: {},
  openId: null,
  error: null,
  load: async () => {
    try {
      set({ services: await arm.catalog.list(), error: null });
    } catch (error) {
      set({ error });
    }
  },
  setFilter: (change) => set({ filter: { ...get().filter, ...change } }),
  reload: async (id) => {
    const service = await arm.catalog.get({ id });
    set({ opened: { ...get().opened, [id]: service } });
  },
  toggle: async (id) => {
    if (get().openId === id) {
      set({ openId: null });
      return;
    }
    set({ openId: id });
    if (get().opened[id]) return;
    try {
      const service = await arm.catalog.get({ id });
      set({ opened: { ...get().opened, [id]: service }, error: null });
    } catch (error) {
      set({ error, openId: null });
    }
  },
}));
