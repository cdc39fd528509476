/** What the statement cache needs of a statement (better-sqlite3's Statement has it). */
export interface CachedStatement {
  readonly reader: boolean;
  readonly busy: boolean;
  pluck(toggle?: boolean): this;
  expand(toggle?: boolean): this;
  raw(toggle?: boolean): this;
}

/** What the statement cache needs of a database (better-sqlite3's Database has it). */
export interface Preparing<S extends CachedStatement> {
  prepare(source: string): S;
}

/** Distinct SQL texts kept per connection; past it the cache starts again (dynamic SQL is rare). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Makes `db.prepare` hand back the statement it prepared before for the same SQL text, as Signal
 * Desktop caches its statements: better-sqlite3 compiles the SQL on every prepare, and a request
 * going through intake prepared about 150 statements (5 ms of an operator's upload). A cached
 * statement comes back in its default mode (pluck, expand and raw off), and one that is still being
 * iterated is not shared: the caller gets a fresh one. Parameters are never bound to a statement
 * (`bind()` would fix them for every later caller; eslint.config.js refuses it).
 */
export function cacheStatements<S extends CachedStatement, D extends Preparing<S>>(db: D, size = STATEMENT_CACHE_SIZE): D {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, S>();
  db.prepare = (source: string): S => {
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached.reader ? cached.pluck(false).expand(false).raw(false) : cached;
    const statement = prepare(source);
    if (cached) return statement;
    if (cache.size >= size) cache.clear();
    cache.set(source, statement);
    return statement;
  };
  return db;
}
