import { create } from 'zustand';
import type { InboxRow, RequestView, ResultView } from '../../../shared/api';
import type { Service } from '../../../shared/catalog/schema';
import { arm } from '../../app/api';

type Urgency = InboxRow['urgency'];
type Decision = Parameters<typeof arm.decision.decide>[0];

export interface InboxFilter {
  query: string;
  urgency: Urgency | '';
}

interface InboxState {
  rows: InboxRow[] | null;
  /** Messages refused on receipt (bad signature, wrong addressee…): never requests, shown here. */
  refused: Awaited<ReturnType<typeof arm.inbox.refused>>;
  /** The head's "to sign" queue. */
  queue: InboxRow[] | null;
  filter: InboxFilter;
  open: RequestView | null;
  service: Service | null;
  result: ResultView | null;
  /** Blob URL of the scan being viewed, with its type. */
  scan: { sha256: string; mime: string; url: string } | null;
  pulled: string | null;
  /** Whose lists are shown, so a move reloads the right ones. */
  role: 'clerk' | 'head';
  error: unknown;
  load(role: 'clerk' | 'head'): Promise<void>;
  pull(role: 'clerk' | 'head'): Promise<void>;
  /** A refused message: apply it again (settings fixed) or return it to its sender, both audited. */
  retryRefused(messageId: string): Promise<void>;
  returnRefused(messageId: string): Promise<void>;
  setFilter(change: Partial<InboxFilter>): void;
  openRequest(id: string): Promise<void>;
  close(): void;
  showScan(sha256: string): Promise<void>;
  take(): Promise<void>;
  /** The head's resolution: appoint (or reassign, with a comment) the executor. */
  assign(clerkId: string, comment: string): Promise<boolean>;
  mark(document: number, mark: 'ok' | 'missing' | 'defective', note: string): Promise<void>;
  decide(decision: Decision): Promise<boolean>;
  prepare(): Promise<void>;
  approve(cms: string): Promise<void>;
  returnToClerk(comment: string): Promise<boolean>;
  pdf(lang: 'ru' | 'kk'): Promise<string | null>;
}

function blobUrl(base64: string, mime: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** The clerk's and the head's inbox: the list, the open request, its result. */
export const useInbox = create<InboxState>((set, get) => {
  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      const value = await action();
      set({ error: null });
      return value;
    } catch (error) {
      set({ error });
      return null;
    }
  }
  async function refreshOpen(view: RequestView) {
    const result = view.outcome ? await arm.decision.result({ requestId: view.id }).catch(() => null) : null;
    set({ open: view, result });
    // The move changed the request's row (state, to-sign queue): the lists follow.
    const { query, urgency } = get().filter;
    set({
      rows: await arm.inbox.list({ ...(query.trim() ? { query: query.trim() } : {}), ...(urgency ? { urgency } : {}) }),
      queue: get().role === 'head' ? await arm.decision.queue() : null,
    });
  }
  return {
    rows: null,
    refused: [],
    queue: null,
    filter: { query: '', urgency: '' },
    open: null,
    service: null,
    result: null,
    scan: null,
    pulled: null,
    role: 'clerk',
    error: null,
    load: async (role) => {
      set({ role });
      const { query, urgency } = get().filter;
      await attempt(async () => {
        const rows = await arm.inbox.list({ ...(query.trim() ? { query: query.trim() } : {}), ...(urgency ? { urgency } : {}) });
        const queue = role === 'head' ? await arm.decision.queue() : null;
        set({ rows, queue, refused: await arm.inbox.refused() });
      });
    },
    pull: async (role) => {
      const pulled = await attempt(() => arm.inbox.pull());
      if (pulled) set({ pulled: new Date().toISOString() });
      await get().load(role);
    },
    retryRefused: async (messageId) => {
      await attempt(() => arm.inbox.retryRefused({ messageId }));
      await get().load(get().role);
    },
    returnRefused: async (messageId) => {
      await attempt(() => arm.inbox.returnRefused({ messageId }));
      await get().load(get().role);
    },
    setFilter: (change) => set({ filter: { ...get().filter, ...change } }),
    openRequest: async (id) => {
      await attempt(async () => {
        const view = await arm.inbox.get({ requestId: id });
        const service = await arm.catalog.get({ id: view.serviceId });
        set({ service, scan: null });
        await refreshOpen(view);
      });
    },
    close: () => set({ open: null, result: null, scan: null }),
    showScan: async (sha256) => {
      const open = get().open;
      if (!open) return;
      await attempt(async () => {
        const scan = await arm.inbox.scan({ requestId: open.id, sha256 });
        const previous = get().scan;
        if (previous) URL.revokeObjectURL(previous.url);
        set({ scan: { sha256, mime: scan.mime, url: blobUrl(scan.base64, scan.mime) } });
      });
    },
    take: async () => {
      const open = get().open;
      if (!open) return;
      const taken = await attempt(async () => refreshOpen(await arm.inbox.take({ requestId: open.id })));
      // Lost a race: the request shows who holds it now, the conflict stays on screen.
      if (taken === null) {
        const { error } = get();
        await arm.inbox.get({ requestId: open.id }).then(refreshOpen, () => undefined);
        set({ error });
      }
    },
    assign: async (clerkId, comment) => {
      const open = get().open;
      if (!open) return false;
      const done = await attempt(async () => {
        await refreshOpen(await arm.inbox.assign({ requestId: open.id, clerkId, comment }));
        return true;
      });
      return done ?? false;
    },
    mark: async (document, mark, note) => {
      const open = get().open;
      if (open) await attempt(async () => refreshOpen(await arm.inbox.mark({ requestId: open.id, document, mark, note })));
    },
    decide: async (decision) => {
      const done = await attempt(async () => {
        await arm.decision.decide(decision);
        await refreshOpen(await arm.inbox.get({ requestId: decision.requestId }));
        return true;
      });
      return done ?? false;
    },
    prepare: async () => {
      const open = get().open;
      if (open) await attempt(async () => set({ result: await arm.decision.prepare({ requestId: open.id }) }));
    },
    approve: async (cms) => {
      const open = get().open;
      if (!open) return;
      await attempt(async () => {
        await arm.decision.approve({ requestId: open.id, cms });
        await refreshOpen(await arm.inbox.get({ requestId: open.id }));
      });
    },
    returnToClerk: async (comment) => {
      const open = get().open;
      if (!open) return false;
      const done = await attempt(async () => {
        await refreshOpen(await arm.decision.return({ requestId: open.id, comment }));
        return true;
      });
      return done ?? false;
    },
    pdf: async (lang) => {
      const open = get().open;
      if (!open) return null;
      return attempt(async () => blobUrl((await arm.results.pdf({ requestId: open.id, lang })).base64, 'application/pdf'));
    },
  };
});
