/** What a group commit needs of a database (better-sqlite3's Database has it). */
export interface Transactional {
  transaction<T>(work: () => T): () => T;
}

/**
 * Group commit: writes that arrive together (the same turn of the event loop — concurrent calls
 * at the gateway, the outbox's lanes hearing back at the АРМ) share one fsync'd transaction, and
 * each caller gets its answer only after that commit. If the batch fails, each write is retried
 * in a transaction of its own, so one bad write refuses only itself. `defer` schedules the commit
 * after the turn (Node's setImmediate: after the I/O callbacks that are already due).
 */
export function groupCommit<I, O>(db: Transactional, apply: (item: I) => O, defer: (flush: () => void) => void): (item: I) => Promise<O> {
  let batch: Array<{ item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }> = [];
  const flush = () => {
    const taken = batch;
    batch = [];
    let results: O[] | null = null;
    try {
      results = db.transaction(() => taken.map((entry) => apply(entry.item)))();
    } catch {
      results = null;
    }
    if (results) {
      taken.forEach((entry, index) => entry.resolve(results[index]!));
      return;
    }
    for (const entry of taken) {
      try {
        entry.resolve(db.transaction(() => apply(entry.item))());
      } catch (error) {
        entry.reject(error);
      }
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (batch.length === 0) defer(flush);
      batch.push({ item, resolve, reject });
    });
}
