import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statements';

function setup(size?: number) {
  const db = cacheStatements(new Database(':memory:'), size);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'a\'), (\'b\'), (\'c\')');
  return db;
}

describe('cacheStatements', () => {
  it('hands back the statement prepared before for the same SQL text', () => {
    const db = setup();
    const first = db.prepare('SELECT name FROM t WHERE id = ?');
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
    expect(db.prepare('SELECT name FROM t WHERE id = ? ')).not.toBe(first);
    expect(first.get(2)).toEqual({ name: 'b' });
  });

  it('resets pluck, expand and raw: a caller that plucked does not change what the next one reads', () => {
    const db = setup();
    expect(db.prepare('SELECT name FROM t WHERE id = ?').pluck().get(1)).toBe('a');
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'a' });
    expect(db.prepare('SELECT name FROM t WHERE id = ?').raw().get(1)).toEqual(['a']);
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'a' });
    expect(db.prepare('SELECT name FROM t WHERE id = ?').expand().get(1)).toEqual({ t: { name: 'a' } });
    expect(db.prepare('SELECT name FROM t WHERE id = ?').all(1)).toEqual([{ name: 'a' }]);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const db = setup();
    const names: string[] = [];
    for (const row of db.prepare('SELECT name FROM t ORDER BY id').iterate() as Iterable<{ name: string }>) {
      names.push(row.name, ...(db.prepare('SELECT name FROM t ORDER BY id').pluck().all() as string[]).slice(0, 1));
    }
    expect(names).toEqual(['a', 'a', 'b', 'a', 'c', 'a']);
    // Once the iteration is over, the cached one is used again.
    expect(db.prepare('SELECT name FROM t ORDER BY id').all()).toHaveLength(3);
  });

  it('keeps writers too, and starts again past its size', () => {
    const db = setup(2);
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    expect(db.prepare('INSERT INTO t (name) VALUES (?)')).toBe(insert);
    insert.run('d');
    db.prepare('SELECT 1');
    db.prepare('SELECT 2'); // the third text: the cache starts again
    expect(db.prepare('INSERT INTO t (name) VALUES (?)')).not.toBe(insert);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 4 });
  });
});
