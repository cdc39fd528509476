import init from './0001_init.sql';
import portal from './0002_portal.sql';
import machines from './0003_machines.sql';
import duplicates from './0004_duplicates.sql';
import timestamp from './0005_timestamp.sql';

// Numbered files, applied in order, each in its own transaction; the number is PRAGMA user_version.
// Never edit a shipped migration: add the next number.
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_portal', sql: portal },
  { version: 3, name: '0003_machines', sql: machines },
  { version: 4, name: '0004_duplicates', sql: duplicates },
  { version: 5, name: '0005_timestamp', sql: timestamp },
];
