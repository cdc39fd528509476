import type { Db } from './database';

/**
 * The next number of a per-prefix sequence (request numbers per centre and day, result numbers
 * per department and day), from `number_sequences` in the caller's transaction. A prefix seen for
 * the first time starts after the numbers already in `table` (a database from before the
 * sequences, or numbers imported by a transfer): one index range count, once per prefix.
 */
export function nextInSequence(db: Db, prefix: string, table: 'requests' | 'results'): number {
  const bumped = db.prepare('UPDATE number_sequences SET last = last + 1 WHERE prefix = ? RETURNING last').get(prefix) as { last: number } | undefined;
  if (bumped) return bumped.last;
  // `number` is UNIQUE (an index): a range over the prefix reads only that day's numbers.
  const existing = db.prepare(`SELECT count(*) AS n FROM ${table} WHERE number >= ? AND number < ?`).get(prefix, prefix + '\uffff') as { n: number };
  const next = existing.n + 1;
  db.prepare('INSERT INTO number_sequences (prefix, last) VALUES (?, ?)').run(prefix, next);
  return next;
}
