import i18next from 'i18next';
import { create } from 'zustand';
import { useViewer } from '../print/store';
import { arm } from '../../app/api';

type CounterResult = Awaited<ReturnType<typeof arm.results.counter>>[number];

interface IssuanceState {
  results: CounterResult[] | null;
  error: unknown;
  load(): Promise<void>;
  pull(): Promise<void>;
  /** Opens the result in the PDF viewer (the original; a second copy is a duplicate, print.reprint). */
  print(requestId: string, lang: 'ru' | 'kk', number: string): Promise<void>;
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
    print: async (requestId, lang, number) => {
      await attempt(async () => {
        const { base64 } = await arm.results.pdf({ requestId, lang });
        useViewer.getState().show({ pdf: base64, fileName: `${number}-${lang}.pdf`, kind: 'result', title: i18next.t('viewer.result', { number }) });
      });
    },
    // The issuance is recorded first, then the original is produced for the viewer: a print that
    // fails is repeated with «Печать» on the issued card, never by issuing again.
    issue: async (input) => {
      let issued: CounterResult | null = null;
      const done = await attempt(async () => {
        issued = await arm.results.issue(input);
      });
      if (done) await get().load();
      const row = issued as CounterResult | null;
      if (row) await get().print(row.requestId, i18next.language === 'kk' ? 'kk' : 'ru', row.resultNumber);
      return done;
    },
  };
});
