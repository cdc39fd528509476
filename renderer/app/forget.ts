/** A zustand store as far as forgetting needs it. */
export interface ResettableStore {
  getState(): object;
  setState(state: object, replace: true): void;
}

/**
 * Remembers each store's state as it was at start and puts it back on `forget()`: what the next
 * person at the counter must not see (the previous user's draft, applicant, search, inbox).
 */
export function forgetter(stores: readonly ResettableStore[]): { forget(): void } {
  const initial = stores.map((store) => [store, store.getState()] as const);
  return {
    forget() {
      for (const [store, state] of initial) store.setState(state, true);
    },
  };
}
