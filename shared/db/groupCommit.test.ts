import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './groupCommit';

function setup() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)');
  let transactions = 0;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const wrapped = transaction(fn);
    return ((...args: never[]) => {
      transactions++;
      return wrapped(...args);
    }) as never;
  }) as typeof db.transaction;
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const write = groupCommit(db, (v: number) => {
    insert.run(v);
    return v * 10;
  }, setImmediate);
  return { db, write, transactions: () => transactions };
}

describe('group commit', () => {
  it('commits writes that arrive together in one transaction and answers each after the commit', async () => {
    const { db, write, transactions } = setup();
    const answers = await Promise.all([1, 2, 3, 4].map(async (v) => {
      const answer = await write(v);
      // The row is committed when its caller hears back.
      expect(db.prepare('SELECT v FROM t WHERE v = ?').get(v)).toEqual({ v });
      return answer;
    }));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(transactions()).toBe(1);
    await write(5);
    expect(transactions()).toBe(2);
  });

  it('retries each write of a failed batch on its own: only the bad one is refused', async () => {
    const { db, write, transactions } = setup();
    db.prepare('INSERT INTO t (v) VALUES (2)').run();
    const outcomes = await Promise.allSettled([1, 2, 3].map((v) => write(v)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
    // The batch, then one transaction per write.
    expect(transactions()).toBe(4);
  });
});
