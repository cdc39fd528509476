import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ArmError } from '../../../shared/api';
import { applyKey, integrityOk, readHeader, schemaVersion, tableCounts, type Db } from '../db/database';
import { attachmentPath, listAttachments, writeFileAtomic } from '../documents/store';
import { rewrap, seal, unseal } from '../vault/seal';

// A backup (резервная копия) is a folder <chosen>/arm-backup-<time>/ holding
//   manifest.json   versions, rows per table, the scans' count, the password's salt and check;
//                   no personal data; authenticated under the backup key (mac);
//   arm.sqlite      the database, encrypted under a key from the supervisor's password;
//   attachments/    the scans, each file's key re-wrapped under the password's key.
// It is written as .<name>.partial and renamed when whole and verified, so a folder without the
// dot is always a complete, checked backup. The password alone opens it: it is what
// authenticates a restore on another PC or when the database here is dead.

export const BACKUP_FORMAT = 'arm-backup';
const MANIFEST = 'manifest.json';
const DATABASE = 'arm.sqlite';
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  workstationId: string;
  kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  /** HMAC of a fixed text under the password's key: a wrong password is told before any work. */
  check: string;
  counts: Record<string, number>;
  attachments: { count: number; bytes: number };
  database: { bytes: number; sha256: string };
  /** HMAC of everything above (RFC-free: the JSON without this field). */
  mac?: string;
}

/** The keys this data folder's database and scans are under; null: kept plain (tests only). */
export interface LocalKeys {
  database: Buffer | null;
  attachments: Buffer | null;
}

/** Named points the fault tests hook into: a full disk, a medium pulled out. */
export type BackupStep = 'database' | 'attachment' | 'manifest' | 'staged' | 'swapped';
export type StepHook = (step: BackupStep) => void;

interface BackupKeys {
  database: Buffer;
  attachments: Buffer;
  mac: Buffer;
}

/**
 * What a backup is encrypted under: scrypt of the supervisor's password. A schedule keeps this
 * (in the encrypted database), never the password, and every backup of the schedule opens with
 * the same password.
 */
export interface BackupSecret {
  salt: Buffer;
  kdf: { N: number; r: number; p: number };
  root: Buffer;
}

export function backupSecret(password: string, salt: Buffer = randomBytes(16), kdf: BackupSecret['kdf'] = SCRYPT): BackupSecret {
  const root = scryptSync(password.normalize('NFC'), salt, 32, { ...kdf, maxmem: 128 * kdf.N * kdf.r * 2 });
  return { salt, kdf, root };
}

function keysOf(secret: BackupSecret): BackupKeys {
  const sub = (label: string) => createHmac('sha256', secret.root).update(`arm-backup/${label}`).digest();
  return { database: sub('database'), attachments: sub('attachments'), mac: sub('mac') };
}

function macOf(keys: BackupKeys, manifest: BackupManifest): string {
  const { mac: _ignored, ...body } = manifest;
  return createHmac('sha256', keys.mac).update(JSON.stringify(body)).digest('hex');
}

function checkOf(keys: BackupKeys): string {
  return createHmac('sha256', keys.mac).update('arm-backup-password-check').digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const GONE = new Set(['ENOENT', 'EIO', 'ENXIO', 'ENODEV', 'ESTALE', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export interface CreateBackupOptions {
  db: Db;
  dataDir: string;
  keys: LocalKeys;
  folder: string;
  secret: BackupSecret;
  appVersion: string;
  now: Date;
  onStep?: StepHook;
}

export interface BackupResult {
  path: string;
  createdAt: string;
  bytes: number;
  counts: Record<string, number>;
  attachments: number;
}

/** Writes, then verifies (opened with the password's key, integrity, the same counts, every scan). */
export function createBackup(options: CreateBackupOptions): BackupResult {
  const { db, folder, now } = options;
  const step = options.onStep ?? (() => {});
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new ArmError('BACKUP_FOLDER_INVALID', 'The backup folder does not exist or cannot be written.');
  }
  const name = `arm-backup-${stamp(now)}`;
  const final = path.join(folder, name);
  const work = path.join(folder, `.${name}.partial`);
  if (existsSync(final)) throw new ArmError('BACKUP_FOLDER_INVALID', 'A backup with this time already exists.');
  rmSync(work, { recursive: true, force: true });
  const keys = keysOf(options.secret);
  try {
    mkdirSync(work);
    // Rows counted and the copy taken in the same synchronous turn: nothing writes in between.
    const counts = tableCounts(db);
    const copy = path.join(work, DATABASE);
    // The copy stays under the database's key until it is re-keyed to the password's key, so at
    // no point is a plain copy written. With the WAL folded in (nobody else reading), the file's
    // bytes are the whole database: copied as they are. Otherwise VACUUM INTO, which SQLite3
    // Multiple Ciphers writes under the main key too.
    const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    const folded = checkpoint !== undefined && checkpoint.busy === 0 && checkpoint.log === checkpoint.checkpointed;
    if (folded && db.name && existsSync(db.name)) copyFileSync(db.name, copy);
    else db.prepare('VACUUM INTO ?').run(copy);
    const rekey = new Database(copy);
    try {
      if (options.keys.database) applyKey(rekey, options.keys.database);
      // No journal and no syncs while re-keying: a copy cut short is thrown away, never used.
      rekey.pragma('journal_mode = DELETE');
      rekey.pragma('journal_mode = OFF');
      rekey.pragma('synchronous = OFF');
      applyKey(rekey, keys.database, 'hexrekey');
    } finally {
      rekey.close();
    }
    fsyncFile(copy);
    step('database');
    verifyDatabase(copy, keys, counts);

    let bytes = 0;
    const hashes = listAttachments(options.dataDir);
    for (const sha256 of hashes) {
      const stored = readFileSync(attachmentPath(options.dataDir, sha256));
      const sealed = options.keys.attachments ? rewrap(options.keys.attachments, keys.attachments, stored) : seal(keys.attachments, stored);
      if (!sealed) throw new ArmError('BACKUP_VERIFY_FAILED', 'A scan could not be re-sealed for the backup.');
      const target = path.join(work, 'attachments', sha256.slice(0, 2), sha256);
      writeFileAtomic(target, sealed);
      step('attachment');
      const back = unseal(keys.attachments, readFileSync(target));
      if (!back || createHash('sha256').update(back).digest('hex') !== sha256) {
        throw new ArmError('BACKUP_VERIFY_FAILED', 'A scan read back from the backup does not match.');
      }
      bytes += sealed.length;
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: now.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: schemaVersion(db),
      workstationId: (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined)?.value ?? '',
      kdf: { name: 'scrypt', salt: options.secret.salt.toString('base64'), ...options.secret.kdf },
      check: checkOf(keys),
      counts,
      attachments: { count: hashes.length, bytes },
      database: { bytes: statSync(copy).size, sha256: sha256File(copy) },
    };
    manifest.mac = macOf(keys, manifest);
    writeFileAtomic(path.join(work, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
    step('manifest');
    renameSync(work, final);
    return { path: final, createdAt: manifest.createdAt, bytes: bytes + manifest.database.bytes, counts, attachments: hashes.length };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    if (error instanceof ArmError) throw error;
    if (FULL.has(codeOf(error)) || codeOf(error) === 'SQLITE_FULL') {
      throw new ArmError('BACKUP_DISK_FULL', 'The backup medium is full; nothing was kept of this backup.');
    }
    throw error;
  }
}

function verifyDatabase(file: string, keys: BackupKeys, counts: Record<string, number>): void {
  if (readHeader(file).kind !== 'other') throw new ArmError('BACKUP_VERIFY_FAILED', 'The database copy is not encrypted.');
  const check = new Database(file, { readonly: true });
  try {
    applyKey(check, keys.database);
    if (!integrityOk(check) || JSON.stringify(tableCounts(check)) !== JSON.stringify(counts)) {
      throw new ArmError('BACKUP_VERIFY_FAILED', 'The database copy does not match the database.');
    }
  } catch (error) {
    if (error instanceof ArmError) throw error;
    throw new ArmError('BACKUP_VERIFY_FAILED', `The database copy does not open: ${String(error)}`);
  } finally {
    check.close();
  }
}

/** Reads and authenticates a backup's manifest: not a backup, wrong password, newer version. */
export function openBackup(backupDir: string, password: string, latestSchema: number): { manifest: BackupManifest; keys: BackupKeys } {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(backupDir, MANIFEST), 'utf8')) as BackupManifest;
  } catch (error) {
    if (GONE.has(codeOf(error)) && !existsSync(backupDir)) throw new ArmError('BACKUP_UNREADABLE', 'The backup cannot be read.');
    throw new ArmError('BACKUP_INVALID', 'This folder holds no АРМ backup.');
  }
  if (manifest?.format !== BACKUP_FORMAT || manifest.formatVersion !== 1 || manifest.kdf?.name !== 'scrypt' || typeof manifest.kdf.salt !== 'string') {
    throw new ArmError('BACKUP_INVALID', 'This folder holds no АРМ backup.');
  }
  const { N, r, p } = manifest.kdf;
  if (![N, r, p].every(Number.isInteger) || N > 1 << 20 || r > 32 || p > 16) throw new ArmError('BACKUP_INVALID', 'The backup asks for unreasonable key parameters.');
  const keys = keysOf(backupSecret(password, Buffer.from(manifest.kdf.salt, 'base64'), { N, r, p }));
  if (!sameHex(checkOf(keys), String(manifest.check))) throw new ArmError('BACKUP_PASSWORD_WRONG', 'The backup password is wrong.');
  if (!manifest.mac || !sameHex(macOf(keys, manifest), manifest.mac)) throw new ArmError('BACKUP_INVALID', 'The backup manifest was altered.');
  if (manifest.schemaVersion > latestSchema) {
    throw new ArmError('BACKUP_TOO_NEW', `The backup has schema version ${manifest.schemaVersion}; this build knows up to ${latestSchema}.`);
  }
  return { manifest, keys };
}

export const RESTORE_STAGING = 'restore.partial';
export const RESTORE_ASIDE = 'restore.aside';
const RESTORE_DONE = 'restored';

export interface RestoreOptions {
  dataDir: string;
  databaseFile: string;
  backupDir: string;
  password: string;
  latestSchema: number;
  keys: LocalKeys;
  onStep?: StepHook;
}

/**
 * Copies the backup into <dataDir>/restore.partial and verifies it there (integrity, counts,
 * every scan against its hash) under this folder's keys; nothing of the current data is touched.
 * A read that fails (a pulled USB stick) or a mismatch removes the staging and says so.
 */
export function stageRestore(options: RestoreOptions): BackupManifest {
  const { manifest, keys } = openBackup(options.backupDir, options.password, options.latestSchema);
  const step = options.onStep ?? (() => {});
  const staging = path.join(options.dataDir, RESTORE_STAGING);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    const copy = path.join(staging, DATABASE);
    writeFileAtomic(copy, readFileSync(path.join(options.backupDir, DATABASE)));
    if (sha256File(copy) !== manifest.database.sha256) throw new ArmError('BACKUP_INVALID', 'The backup database does not match its manifest.');
    verifyDatabase(copy, keys, manifest.counts);
    const rekey = new Database(copy);
    try {
      applyKey(rekey, keys.database);
      rekey.pragma('journal_mode = DELETE');
      rekey.pragma('journal_mode = OFF');
      rekey.pragma('synchronous = OFF');
      // Under this folder's key, or plain where this core keeps data plain (tests).
      if (options.keys.database) applyKey(rekey, options.keys.database, 'hexrekey');
      else rekey.pragma("hexrekey = ''");
    } finally {
      rekey.close();
    }
    fsyncFile(copy);
    step('database');
    const shards = existsSync(path.join(options.backupDir, 'attachments')) ? readdirSync(path.join(options.backupDir, 'attachments')) : [];
    let count = 0;
    for (const shard of shards) {
      for (const sha256 of readdirSync(path.join(options.backupDir, 'attachments', shard))) {
        if (!/^[0-9a-f]{64}$/.test(sha256)) continue;
        const stored = readFileSync(path.join(options.backupDir, 'attachments', shard, sha256));
        const plain = unseal(keys.attachments, stored);
        if (!plain || createHash('sha256').update(plain).digest('hex') !== sha256) throw new ArmError('BACKUP_INVALID', 'A scan in the backup is damaged.');
        const local = options.keys.attachments ? rewrap(keys.attachments, options.keys.attachments, stored)! : plain;
        writeFileAtomic(path.join(staging, 'attachments', shard, sha256), local);
        step('attachment');
        count += 1;
      }
    }
    if (count !== manifest.attachments.count) throw new ArmError('BACKUP_UNREADABLE', 'Scans are missing from the backup.');
    step('staged');
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof ArmError) throw error;
    if (FULL.has(codeOf(error))) throw new ArmError('BACKUP_DISK_FULL', 'The data disk is full; nothing was restored.');
    if (GONE.has(codeOf(error))) throw new ArmError('BACKUP_UNREADABLE', 'The backup stopped being readable; nothing was restored.');
    throw error;
  }
}

const MOVED = (file: string) => [file, `${file}-wal`, `${file}-shm`];

/**
 * Puts the staged restore in place: the current database and scans go to restore.aside, the
 * staged ones take their place. The caller opens the result and then calls finishRestore (it
 * opened) or rollBackRestore (it did not). Killed half-way, recoverRestore at the next start
 * rolls back to the data that was aside.
 */
export function swapInRestore(dataDir: string, databaseFile: string): void {
  const staging = path.join(dataDir, RESTORE_STAGING);
  const aside = path.join(dataDir, RESTORE_ASIDE);
  rmSync(aside, { recursive: true, force: true });
  mkdirSync(aside);
  for (const file of MOVED(databaseFile)) if (existsSync(file)) renameSync(file, path.join(aside, path.basename(file)));
  const attachments = path.join(dataDir, 'attachments');
  if (existsSync(attachments)) renameSync(attachments, path.join(aside, 'attachments'));
  renameSync(path.join(staging, DATABASE), databaseFile);
  if (existsSync(path.join(staging, 'attachments'))) renameSync(path.join(staging, 'attachments'), attachments);
  rmSync(staging, { recursive: true, force: true });
}

export function finishRestore(dataDir: string): void {
  const aside = path.join(dataDir, RESTORE_ASIDE);
  writeFileSync(path.join(aside, RESTORE_DONE), '');
  rmSync(aside, { recursive: true, force: true });
}

/**
 * The data that was aside back in place, piece by piece: only what reached restore.aside is
 * moved back (a swap killed half-way leaves the rest where it always was), and what the restore
 * put in its place is dropped.
 */
export function rollBackRestore(dataDir: string, databaseFile: string): void {
  const aside = path.join(dataDir, RESTORE_ASIDE);
  if (!existsSync(aside)) return;
  if (existsSync(path.join(aside, path.basename(databaseFile)))) {
    for (const file of MOVED(databaseFile)) rmSync(file, { force: true });
  }
  for (const file of MOVED(databaseFile)) {
    const kept = path.join(aside, path.basename(file));
    if (existsSync(kept)) renameSync(kept, file);
  }
  if (existsSync(path.join(aside, 'attachments'))) {
    rmSync(path.join(dataDir, 'attachments'), { recursive: true, force: true });
    renameSync(path.join(aside, 'attachments'), path.join(dataDir, 'attachments'));
  }
  rmSync(aside, { recursive: true, force: true });
}

/** At start: a restore killed before it was confirmed is rolled back; a staging left is dropped. */
export function recoverRestore(dataDir: string, databaseFile: string): 'none' | 'rolledBack' {
  rmSync(path.join(dataDir, RESTORE_STAGING), { recursive: true, force: true });
  const aside = path.join(dataDir, RESTORE_ASIDE);
  if (!existsSync(aside)) return 'none';
  if (existsSync(path.join(aside, RESTORE_DONE))) {
    rmSync(aside, { recursive: true, force: true });
    return 'none';
  }
  rollBackRestore(dataDir, databaseFile);
  return 'rolledBack';
}
