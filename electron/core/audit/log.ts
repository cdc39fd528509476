import { createHash, createHmac, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry, AuditVerification } from '../../../shared/api';
import type { Db } from '../db/database';
import { isValidIin } from '../../../shared/iin/iin';
import { anchorState } from './anchor';

export interface AuditRecord {
  userId: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

interface Row {
  seq: number;
  at: string;
  user_id: string | null;
  workstation: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** What the hash covers: every column but the hashes, as RFC 8785 JSON (stable across versions). */
function contentOf(row: Omit<Row, 'hash' | 'prev_hash'>): string {
  return canonicalize({
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    workstation: row.workstation,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: JSON.parse(row.details) as unknown,
  })!;
}

function chainHash(prevHash: string, content: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

function workstationOf(db: Db): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string }).value;
}

// The audit proves who looked up or served whom without saying who: an IIN is written as a keyed
// hash (HMAC-SHA-256 under a random key kept in the encrypted database and carried by its backups),
// so a retention purge never has to rewrite the chain, and the supervisor still filters by IIN.
const PSEUDONYM_KEY = 'audit_pseudonym_key';

function pseudonymKey(db: Db): Buffer {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(PSEUDONYM_KEY, randomBytes(32).toString('hex'));
  return Buffer.from((db.prepare('SELECT value FROM meta WHERE key = ?').get(PSEUDONYM_KEY) as { value: string }).value, 'hex');
}

/** How the audit names a person: `iin:` and 24 hex digits of the keyed hash. */
export function personRef(db: Db, iin: string): string {
  return `iin:${createHmac('sha256', pseudonymKey(db)).update(iin).digest('hex').slice(0, 24)}`;
}

/** How the audit names an identity document (the collector's at issuance): `doc:` and its keyed hash. */
export function documentRef(db: Db, documentNumber: string): string {
  return `doc:${createHmac('sha256', pseudonymKey(db)).update(`doc\n${documentNumber}`).digest('hex').slice(0, 24)}`;
}

/** Twelve digits are taken for an IIN even when mistyped (a failed look-up still names a person). */
const IIN_SHAPED = /^\d{12}$/;

function pseudonymized(db: Db, value: unknown): unknown {
  if (typeof value === 'string') return isValidIin(value) || IIN_SHAPED.test(value) ? personRef(db, value) : value;
  if (Array.isArray(value)) return value.map((item) => pseudonymized(db, item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pseudonymized(db, item)]));
  return value;
}

/**
 * Appends one entry. Call it inside the transaction of the change it records, so both are
 * written or neither is.
 */
export function appendAudit(db: Db, record: AuditRecord, at: Date): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    user_id: record.userId,
    workstation: workstationOf(db),
    action: record.action,
    object_type: record.objectType ?? null,
    object_id: record.objectId ? (pseudonymized(db, record.objectId) as string) : null,
    details: JSON.stringify(pseudonymized(db, record.details ?? {})),
  };
  const prevHash = last?.hash ?? GENESIS;
  db.prepare(
    `INSERT INTO audit_log (seq, at, user_id, workstation, action, object_type, object_id, details, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @workstation, @action, @object_type, @object_id, @details, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: chainHash(prevHash, contentOf(row)) });
}

/**
 * Walks the chain from the first entry: sequence numbers 1, 2, 3…, each entry linked to the one
 * before and hashing to what it says. Names the first entry that breaks any of it. Then compares it
 * with the head the gateway anchored (anchor.ts): a chain cut short or rewritten whole still links,
 * but no longer holds the anchored entry.
 */
export function verifyAudit(db: Db): AuditVerification {
  const anchor = anchorState(db);
  let expectedPrev = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
    entries++;
    const fail = (reason: string): AuditVerification => ({ ok: false, entries, firstBad: row.seq, reason, anchor });
    if (row.seq !== expectedSeq) return fail(`expected entry ${expectedSeq}, found ${row.seq}: an entry was removed or inserted`);
    if (row.prev_hash !== expectedPrev) return fail('does not link to the entry before it');
    let content: string;
    try {
      content = contentOf(row);
    } catch {
      return fail('details are not JSON');
    }
    if (chainHash(row.prev_hash, content) !== row.hash) return fail('content does not match its hash: the entry was edited');
    expectedPrev = row.hash;
    expectedSeq++;
  }
  if (anchor?.problem === 'shorter') {
    return { ok: false, entries, firstBad: entries + 1, reason: `ends at entry ${entries}, but the gateway anchored entry ${anchor.seq}: the newest entries were removed`, anchor };
  }
  if (anchor?.problem === 'diverged') {
    return { ok: false, entries, firstBad: anchor.seq, reason: `entry ${anchor.seq} is not the one the gateway anchored: the chain was rewritten`, anchor };
  }
  return { ok: true, entries, firstBad: null, reason: null, anchor };
}

export interface AuditFilter {
  userId?: string | undefined;
  login?: string | undefined;
  action?: string | undefined;
  iin?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest first, filtered; the IIN filter matches the object or any value in the details. */
export function listAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit };
  const conditions: Array<[keyof AuditFilter, string]> = [
    ['userId', 'a.user_id = @userId'],
    ['login', 'u.login = @login COLLATE NOCASE'],
    ['action', 'a.action = @action'],
    ['from', 'a.at >= @from'],
    ['to', 'a.at <= @to'],
    ['beforeSeq', 'a.seq < @beforeSeq'],
    // Entries written before pseudonyms hold the IIN itself; later ones its keyed hash.
    ['iin', '(a.object_id IN (@iin, @iinRef) OR EXISTS (SELECT 1 FROM json_tree(a.details) WHERE json_tree.atom IN (@iin, @iinRef)))'],
  ];
  for (const [name, sql] of conditions) {
    if (filter[name] === undefined || filter[name] === '') continue;
    where.push(sql);
    params[name] = filter[name];
  }
  if (params.iin !== undefined) params.iinRef = personRef(db, String(params.iin));
  const rows = db
    .prepare(
      `SELECT a.*, u.login AS user_login FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.seq DESC LIMIT @limit`,
    )
    .all(params) as Array<Row & { user_login: string | null }>;
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    userLogin: row.user_login,
    workstation: row.workstation,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
