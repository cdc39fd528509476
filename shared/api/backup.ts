import { z } from 'zod';
import { channel } from './channel';
import { errorCodeSchema } from './errors';

// Резервная копия: the database and the scans, encrypted under a supervisor's password, to a
// chosen folder or USB stick; restored only after it is verified (electron/core/backup).

const folderSchema = z.string().trim().min(1).max(1000);
/** A backup's own password: long enough that the copy on a lost stick stays closed. */
const backupPasswordSchema = z.string().min(10).max(200);

export const backupSettingsSchema = z.object({
  folder: folderSchema.nullable(),
  /** 0: only on demand. */
  everyHours: z.number().int().min(0).max(24 * 30),
  /** A password is set for the schedule (kept as its derived key, never as the password). */
  scheduled: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupResultSchema = z.object({
  path: z.string(),
  createdAt: z.iso.datetime(),
  bytes: z.number().int().nonnegative(),
  attachments: z.number().int().nonnegative(),
  /** Rows per table, as verified in the copy. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

export const lastGoodBackupSchema = z.object({ path: z.string(), createdAt: z.iso.datetime() });

export const backupStatusSchema = z.object({
  settings: backupSettingsSchema,
  last: lastGoodBackupSchema.nullable(),
  /** The last scheduled run that failed, and why; null once one succeeds. */
  lastError: z.object({ code: errorCodeSchema, at: z.iso.datetime() }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupChannels = {
  status: channel({ input: z.undefined(), output: backupStatusSchema, access: ['supervisor'] }),
  configure: channel({
    input: z.strictObject({ folder: folderSchema.nullable(), everyHours: z.number().int().min(0).max(24 * 30), password: backupPasswordSchema.optional() }),
    output: backupSettingsSchema,
    access: ['supervisor'],
  }),
  create: channel({ input: z.strictObject({ folder: folderSchema.optional(), password: backupPasswordSchema }), output: backupResultSchema, access: ['supervisor'] }),
  /**
   * Before login too: when the database is dead nobody can log in, and the backup's password is
   * what authenticates the restore. With a working database only the supervisor may restore.
   */
  restore: channel({
    input: z.strictObject({ path: folderSchema, password: z.string().min(1).max(200) }),
    output: z.object({ createdAt: z.iso.datetime(), restartRequired: z.literal(true) }),
    access: 'public',
  }),
  /** The last backup this workstation wrote, offered at start when its database is dead. */
  lastGood: channel({ input: z.undefined(), output: lastGoodBackupSchema.nullable(), access: 'public' }),
};
