import { describe, expect, it } from 'vitest';
import { groupCommit, type Transactional } from './groupCommit';

/** A store with transactions: a write that throws rolls back everything its transaction did. */
function setup() {
  const committed = new Set<number>();
  let pending: Set<number> | null = null;
  let transactions = 0;
  const db: Transactional = {
    transaction: (work) => () => {
      transactions++;
      pending = new Set(committed);
      try {
        const result = work();
        committed.clear();
        for (const v of pending) committed.add(v);
        return result;
      } finally {
        pending = null;
      }
    },
  };
  const write = groupCommit(
    db,
    (v: number) => {
      if (!pending) throw new Error('outside a transaction');
      if (pending.has(v)) throw new Error(`duplicate ${v}`);
      pending.add(v);
      return v * 10;
    },
    setImmediate,
  );
  return { committed, write, transactions: () => transactions };
}

describe('group commit', () => {
  it('commits writes that arrive together in one transaction and answers each after the commit', async () => {
    const { committed, write, transactions } = setup();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(async (v) => {
        const answer = await write(v);
        // The row is committed when its caller hears back.
        expect(committed.has(v)).toBe(true);
        return answer;
      }),
    );
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(transactions()).toBe(1);
    await write(5);
    expect(transactions()).toBe(2);
  });

  it('retries each write of a failed batch on its own: only the bad one is refused', async () => {
    const { committed, write, transactions } = setup();
    await write(2);
    const outcomes = await Promise.allSettled([1, 2, 3].map((v) => write(v)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([...committed].sort()).toEqual([1, 2, 3]);
    // The first write, the failed batch, then one transaction per write.
    expect(transactions()).toBe(5);
  });
});
