import { ArmError, type Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requestReanchor } from '../audit/anchor';
import { requireDb, type CoreContext } from '../context';
import { openDatabase } from '../db/database';
import { migrations } from '../db/migrations';
import type { Handlers } from '../handler';
import type { SystemState } from '../system/state';
import { backupSecret, createBackup, finishRestore, rollBackRestore, stageRestore, swapInRestore, type BackupResult, type BackupSecret } from './backup';
import { readBackupSecret, readBackupSettings, readLastError, readLastGood, writeBackupSecret, writeBackupSettings, writeLastError, writeLastGood } from './settings';

/** One backup to `folder`, remembered as the last good one (in the database and beside it). */
export function backUpNow(ctx: CoreContext, folder: string, secret: BackupSecret): BackupResult {
  const db = requireDb(ctx);
  const result = createBackup({ db, dataDir: ctx.dataDir, keys: ctx.keys, folder, secret, appVersion: ctx.appVersion, now: ctx.now() });
  writeLastGood(ctx.dataDir, { path: result.path, createdAt: result.createdAt });
  writeLastError(db, null);
  ctx.log.info('backup.written', { bytes: result.bytes, attachments: result.attachments });
  return result;
}

/** The schedule: a backup when the last one is older than everyHours; a failure is kept for the screen. */
export function runScheduledBackup(ctx: CoreContext): BackupResult | null {
  if (!ctx.db) return null;
  const settings = readBackupSettings(ctx.db);
  const secret = readBackupSecret(ctx.db);
  if (!settings.folder || settings.everyHours === 0 || !secret) return null;
  const last = readLastGood(ctx.dataDir);
  if (last && ctx.now().getTime() - Date.parse(last.createdAt) < settings.everyHours * 3_600_000) return null;
  try {
    const result = backUpNow(ctx, settings.folder, secret);
    appendAudit(ctx.db, { userId: null, action: 'backup.scheduled', details: { attachments: result.attachments } }, ctx.now());
    return result;
  } catch (error) {
    const code = error instanceof ArmError ? error.code : 'INTERNAL';
    ctx.log.error('backup.failed', { code });
    writeLastError(ctx.db, { code, at: ctx.now().toISOString() });
    return null;
  }
}

export function backupHandlers(state: SystemState): Handlers<Contract>['backup'] {
  return {
    status: (_input, ctx) => {
      const db = requireDb(ctx);
      return { settings: readBackupSettings(db), last: readLastGood(ctx.dataDir), lastError: readLastError(db) };
    },

    configure: ({ folder, everyHours, password }, ctx, { caller }) => {
      const db = requireDb(ctx);
      const secret = password === undefined ? null : backupSecret(password);
      db.transaction(() => {
        writeBackupSettings(db, folder, everyHours, { userId: caller!.userId }, ctx.now());
        if (secret) {
          writeBackupSecret(db, secret);
          appendAudit(db, { userId: caller!.userId, action: 'backup.password' }, ctx.now());
        }
      })();
      return readBackupSettings(db);
    },

    create: ({ folder, password }, ctx, { caller }) => {
      const db = requireDb(ctx);
      const target = folder ?? readBackupSettings(db).folder;
      if (!target) throw new ArmError('BACKUP_NOT_CONFIGURED', 'No backup folder is set.');
      const result = backUpNow(ctx, target, backupSecret(password));
      appendAudit(db, { userId: caller!.userId, action: 'backup.created', details: { attachments: result.attachments } }, ctx.now());
      return result;
    },

    restore: ({ path: backupDir, password }, ctx, { caller }) => {
      if (state.startError === 'RESTART_REQUIRED') throw new ArmError('RESTART_REQUIRED', 'Restart the АРМ first.');
      if (ctx.db && caller?.role !== 'supervisor') throw new ArmError('RESTORE_NOT_ALLOWED', 'Only the supervisor restores a working database.');
      // A start that could not read the key (or found none) gets one now, so the restored
      // database is never left plain.
      const keys = ctx.keys.database ? ctx.keys : state.unlock();
      const manifest = stageRestore({ dataDir: ctx.dataDir, databaseFile: state.databaseFile, backupDir, password, latestSchema: migrations.length, keys });
      // From here the running core lets go of its database: whatever happens, it restarts.
      ctx.db?.close();
      ctx.db = null;
      state.startError = 'RESTART_REQUIRED';
      swapInRestore(ctx.dataDir, state.databaseFile);
      try {
        const restored = openDatabase(state.databaseFile, { key: keys.database });
        restored.transaction(() => {
          appendAudit(restored, { userId: caller?.userId ?? null, action: 'backup.restored', details: { createdAt: manifest.createdAt, schemaVersion: manifest.schemaVersion } }, ctx.now());
          // The restored chain is older than the head the gateway anchored: the supervisor's
          // restore re-anchors it at the next sync, recorded there, rather than reading as tampering.
          const login = caller ? (restored.prepare<[string], { login: string }>('SELECT login FROM users WHERE id = ?').get(caller.userId)?.login ?? null) : null;
          requestReanchor(restored, { reason: 'restore', confirmedBy: login, backupCreatedAt: manifest.createdAt });
        })();
        restored.close();
      } catch (error) {
        rollBackRestore(ctx.dataDir, state.databaseFile);
        ctx.log.error('backup.restore_failed', { code: error instanceof ArmError ? error.code : 'INTERNAL' });
        throw new ArmError('BACKUP_INVALID', 'The restored database did not open; the previous data is back in place.');
      }
      finishRestore(ctx.dataDir);
      ctx.log.info('backup.restored', { schemaVersion: manifest.schemaVersion });
      return { createdAt: manifest.createdAt, restartRequired: true as const };
    },

    lastGood: (_input, ctx, { caller }) => (ctx.db && caller?.role !== 'supervisor' ? null : readLastGood(ctx.dataDir)),
  };
}
