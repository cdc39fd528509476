import { create } from 'zustand';
import { arm } from '../../app/api';

type CounterResult = Awaited<ReturnType<typeof arm.results.counter>>[number];

interface IssuanceState {
  results: CounterResult[] | null;
  /** Blob URLs of printed results, by request id and language. */
  printed: Record<string, string>;
  error: unknown;
  load(): Promise<void>;
  pull(): Promise<void>;
  print(requestId: string, lang: 'ru' | 'kk'): Promise<void>;
  issue(input: Parameters<typeof arm.results.issue>[0]): Promise<boolean>;
}

/** The centre's results inbox at the counter: pull, print, hand over. */
export const useIssuance = create<IssuanceState>((set, get) => {
  async function attempt(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      set({ error: null });
      return true;
    } catch (error) {
      set({ error });
      return false;
    }
  }
  return {
    results: null,
    printed: {},
    error: null,
    load: async () => {
      await attempt(async () => set({ results: await arm.results.counter() }));
    },
    pull: async () => {
      await attempt(async () => {
        await arm.inbox.pull();
      });
      await get().load();
    },
    print: async (requestId, lang) => {
      await attempt(async () => {
        const { base64 } = await arm.results.pdf({ requestId, lang });
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        set({ printed: { ...get().printed, [`${requestId}:${lang}`]: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })) } });
      });
    },
    issue: async (input) => {
      const done = await attempt(async () => {
        await arm.results.issue(input);
      });
      if (done) await get().load();
      return done;
    },
  };
});
