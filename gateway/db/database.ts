import Database from 'better-sqlite3';
import { cacheStatements } from '../../shared/db/statements';
import { migrations as bundledMigrations } from './migrations';

export type GatewayDb = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The emulator's own database (it shares no code with the АРМ's core, only the idea of numbered
 * migrations recorded in PRAGMA user_version). synchronous=FULL: a receipt is only given for a
 * message that is on disk.
 */
export function openGatewayDb(file: string, migrations: readonly Migration[] = bundledMigrations): GatewayDb {
  // The installed app runs the training emulator under Electron's Node, which needs the Electron-ABI
  // build (electron/main.ts passes it; electron-builder.yml packs only that one).
  const db = new Database(file, process.env.ARM_SQLITE_BINDING ? { nativeBinding: process.env.ARM_SQLITE_BINDING } : {});
  try {
    const latest = migrations.at(-1)?.version ?? 0;
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new Error(`${file} has schema version ${current}; this emulator knows up to ${latest}.`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrations.forEach((migration, index) => {
      if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
      if (migration.version <= current) return;
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    });
    return cacheStatements(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
