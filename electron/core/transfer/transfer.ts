import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ArmError, MAX_TRANSFER_BYTES, type TransferImportResult } from '../../../shared/api';
import { messageSchema } from '../../../shared/gateway/api';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { readAttachment, writeAttachment } from '../documents/store';
import { open, seal } from './file';

const rowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const itemSchema = z.object({
  request: rowSchema,
  events: z.array(rowSchema),
  outbox: z.object({ id: z.string(), message: z.string(), created_at: z.string() }),
  /** Scans by SHA-256, base64. */
  attachments: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string()),
});
const contentSchema = z.object({
  format: z.literal('arm-transfer'),
  version: z.literal(1),
  exportedAt: z.string(),
  exportedBy: z.object({ userId: z.string(), login: z.string() }),
  workstation: z.string(),
  items: z.array(itemSchema),
});
type Content = z.infer<typeof contentSchema>;

function workstation(db: Db): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string }).value;
}

/** The file's name: when it was made, to the minute. */
export const transferFileName = (now: Date): string => `arm-transfer-${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}.armt`;

/**
 * Every pending message of the outbox with its request, history and scans, sealed with the
 * password. What goes into the file is marked exported in the same step (issue 14 item 8): it was
 * handed over, so this АРМ neither sends it itself nor exports it again, and it no longer counts as
 * waiting here (the header, the guardrails) while the connected АРМ sends it.
 */
export function exportOutbox(db: Db, dataDir: string, password: string, by: { userId: string; login: string }, now: Date): { file: Buffer; fileName: string; requests: number } {
  const rows = db.prepare("SELECT id, request_id, message, created_at FROM outbox WHERE state = 'pending' AND exported_at IS NULL AND request_id IS NOT NULL ORDER BY created_at").all() as Array<{
    id: string;
    request_id: string;
    message: string;
    created_at: string;
  }>;
  if (rows.length === 0) throw new ArmError('TRANSFER_NOTHING', 'No pending messages to export.');
  // Stored columns only: a generated one (applicant_name_folded) is made again on import.
  const requestColumns = [...columnsOf(db, 'requests')].map((name) => `"${name}"`).join(', ');
  const items = rows.map((row) => {
    const message = messageSchema.parse(JSON.parse(row.message));
    const attachments: Record<string, string> = {};
    for (const sha of message.attachments) {
      const bytes = readAttachment(dataDir, sha);
      if (!bytes) throw new ArmError('ATTACHMENT_NOT_FOUND', `Scan ${sha} is missing from this АРМ.`);
      attachments[sha] = Buffer.from(bytes).toString('base64');
    }
    return {
      request: db.prepare(`SELECT ${requestColumns} FROM requests WHERE id = ?`).get(row.request_id) as Record<string, string | number | null>,
      events: db.prepare('SELECT at, from_state, to_state, actor_id, actor_role, comment FROM request_events WHERE request_id = ? ORDER BY seq').all(row.request_id) as Array<Record<string, string | null>>,
      outbox: { id: row.id, message: row.message, created_at: row.created_at },
      attachments,
    };
  });
  const content: Content = { format: 'arm-transfer', version: 1, exportedAt: now.toISOString(), exportedBy: by, workstation: workstation(db), items };
  const file = seal(gzipSync(Buffer.from(JSON.stringify(content), 'utf8')), password);
  if (file.length > MAX_TRANSFER_BYTES) throw new ArmError('TRANSFER_TOO_LARGE', 'The transfer file would be too large.', undefined, { max: MAX_TRANSFER_BYTES / 1024 / 1024 });
  const fileName = transferFileName(now);
  db.transaction(() => {
    const mark = db.prepare("UPDATE outbox SET exported_at = ?, exported_in = ? WHERE id = ? AND state = 'pending' AND exported_at IS NULL");
    for (const row of rows) mark.run(now.toISOString(), fileName, row.id);
    appendAudit(db, { userId: by.userId, action: 'transfer.export', details: { requests: items.length, messages: rows.map((row) => row.id), file: fileName } }, now);
  })();
  return { file, fileName, requests: items.length };
}

function readContent(file: Buffer, password: string): Content {
  const plain = open(file, password);
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(plain).toString('utf8'));
  } catch {
    throw new ArmError('TRANSFER_FILE_INVALID', 'The transfer file does not hold a transfer.');
  }
  const checked = contentSchema.safeParse(parsed);
  if (!checked.success) throw new ArmError('TRANSFER_FILE_INVALID', 'The transfer file does not hold a transfer.');
  return checked.data;
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((row) => row.name));
}

function insertRow(db: Db, table: 'requests' | 'request_events', allowed: Set<string>, row: Record<string, string | number | null>): void {
  const names = Object.keys(row);
  // Column names come from the file: only this build's own columns are written.
  if (names.some((name) => !allowed.has(name))) throw new ArmError('TRANSFER_FILE_INVALID', `Unknown ${table} column in the transfer file.`);
  db.prepare(`INSERT INTO ${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((name) => row[name] ?? null));
}

/**
 * Verifies the whole file first, then stores each request, its history and its outbox message in
 * one transaction. A message already here (by its id, made once at the counter) is left alone,
 * so a file imported twice, or a message the mobile АРМ also sends itself later, goes out once.
 */
export function importOutbox(db: Db, dataDir: string, file: Buffer, password: string, by: { userId: string }, now: Date): TransferImportResult {
  if (file.length > MAX_TRANSFER_BYTES) throw new ArmError('TRANSFER_TOO_LARGE', 'The transfer file is too large.', undefined, { max: MAX_TRANSFER_BYTES / 1024 / 1024 });
  const content = readContent(file, password);
  for (const item of content.items) {
    if (typeof item.request.id !== 'string' || !messageSchema.safeParse(JSON.parse(item.outbox.message)).success) {
      throw new ArmError('TRANSFER_FILE_INVALID', 'A message in the transfer file is malformed.');
    }
  }
  const requestColumns = columnsOf(db, 'requests');
  const eventColumns = columnsOf(db, 'request_events');
  let imported = 0;
  let alreadyPresent = 0;
  db.transaction(() => {
    for (const item of content.items) {
      const requestId = item.request.id as string;
      const known = db.prepare('SELECT 1 FROM outbox WHERE id = ? UNION ALL SELECT 1 FROM requests WHERE id = ?').get(item.outbox.id, requestId);
      if (known) {
        alreadyPresent += 1;
        continue;
      }
      insertRow(db, 'requests', requestColumns, item.request);
      for (const event of item.events) insertRow(db, 'request_events', eventColumns, { ...event, request_id: requestId });
      db.prepare("INSERT INTO outbox (id, request_id, message, state, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)").run(
        item.outbox.id,
        requestId,
        item.outbox.message,
        now.toISOString(),
        item.outbox.created_at,
      );
      appendAudit(db, { userId: by.userId, action: 'transfer.import', objectType: 'request', objectId: requestId, details: { message: item.outbox.id, exportedBy: content.exportedBy.login, workstation: content.workstation } }, now);
      imported += 1;
    }
    // Scans are content-addressed and written atomically: a rollback leaves at worst an unused file.
    for (const item of content.items) {
      for (const [sha, base64] of Object.entries(item.attachments)) {
        if (writeAttachment(dataDir, Buffer.from(base64, 'base64')) !== sha) throw new ArmError('TRANSFER_TAMPERED', 'A scan does not match its hash.');
      }
    }
  })();
  return { imported, alreadyPresent, exportedBy: content.exportedBy.login, exportedAt: content.exportedAt };
}
