import init from './0001_init.sql';

// Numbered files, applied in order, each in its own transaction; the number is PRAGMA user_version.
// Never edit a shipped migration: add the next number.
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '0001_init', sql: init },
];
