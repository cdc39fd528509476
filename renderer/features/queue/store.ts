import { create } from 'zustand';
import type { QueueEntry } from '../../../shared/api';
import { arm } from '../../app/api';

interface QueueState {
  entries: QueueEntry[] | null;
  busy: boolean;
  error: unknown;
  /** Position look-up by IIN (12 digits) or by request number. */
  lookup(query: string): Promise<void>;
  /** A service's registers (clerk, head, supervisor). */
  list(serviceId: string): Promise<void>;
  leave(entryId: string, outcome: 'referred' | 'withdrawn', note: string): Promise<void>;
}

/** Queue registers (003 Reg.3 preschool, Reg.7 housing): look-up, list, and an entry leaving. */
export const useQueue = create<QueueState>((set) => {
  async function run(action: () => Promise<QueueEntry[]>): Promise<void> {
    set({ busy: true, error: null });
    try {
      set({ entries: await action() });
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  }
  return {
    entries: null,
    busy: false,
    error: null,
    lookup: (query) => run(() => arm.queue.lookup(/^\d{12}$/.test(query) ? { iin: query } : { requestNumber: query })),
    list: (serviceId) => run(() => arm.queue.list({ serviceId })),
    leave: (entryId, outcome, note) => run(() => arm.queue.leave({ entryId, outcome, note })),
  };
});
