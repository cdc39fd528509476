import { ArmError, type ErrorCode, type ErrorParams, type ReferenceStatus } from '../../../shared/api';
import { createCalendar, mergeCalendarYears, useCalendarYears, type CalendarYear } from '../../../shared/calendar/calendar';
import { currentCatalog, useCatalogServices } from '../../../shared/catalog/catalog';
import { receiptTerm } from '../../../shared/catalog/steps';
import { referenceDatasets, type ReferenceDataset, type ReferencePayload, type SignedReference } from '../../../shared/gateway/reference';
import { requestContentSchema } from '../../../shared/api';
import { localDateTime } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';

// The applied reference data (issue 14 item 4): one row per dataset, replaced only inside the
// transaction that applies a checked update — with the due dates it moves and the audit entries —
// so a failure at any point (a disk full included) leaves the previous data and nothing half-applied.

interface Row {
  dataset: ReferenceDataset;
  schema: number;
  version: number;
  issued_at: string;
  etag: string | null;
  data: string;
  signature: string;
  applied_at: string;
  checked_at: string;
  changes: string | null;
}

/** An open request whose due date a calendar update moved (both kept in the audit). */
export interface DueChange {
  requestId: string;
  number: string;
  from: string;
  to: string;
}

const row = (db: Db, dataset: ReferenceDataset) => db.prepare<[string], Row>('SELECT * FROM reference_data WHERE dataset = ?').get(dataset);

export function referenceEtag(db: Db, dataset: ReferenceDataset): string | null {
  return row(db, dataset)?.etag ?? null;
}

/** The applied data of one dataset (checked when it was applied); null: none yet, the bundled data holds. */
export function readReference<D extends ReferenceDataset>(db: Db, dataset: D): ReferencePayload<D> | null {
  const found = row(db, dataset);
  return found ? (JSON.parse(found.data) as ReferencePayload<D>) : null;
}

/** Puts the applied calendar years and catalog in force in this process: at the start and after an update. */
export function putInForce(db: Db): void {
  useCalendarYears(readReference(db, 'calendar')?.years ?? null);
  useCatalogServices(readReference(db, 'catalog')?.services ?? null);
}

const CLOSED = "('draft', 'resultAtCentre', 'issued', 'refusedAtIntake', 'withdrawn')";

/**
 * The open requests whose due date the new calendar moves: each recomputed from its acceptance
 * under its variant's term, as the receipt was. A term extended by the provider is left alone (its
 * new date was given, not computed), and so is a request whose variant or year cannot be computed.
 */
export function dueChanges(db: Db, years: readonly CalendarYear[]): DueChange[] {
  const next = createCalendar(mergeCalendarYears(years));
  const rows = db
    .prepare<[], { id: string; number: string; due_by: string; content: string }>(
      `SELECT id, number, due_by, content FROM requests
       WHERE content IS NOT NULL AND due_by IS NOT NULL AND state NOT IN ${CLOSED}
         AND NOT EXISTS (SELECT 1 FROM term_extensions t WHERE t.request_id = requests.id)
       ORDER BY number`,
    )
    .all();
  const changes: DueChange[] = [];
  for (const request of rows) {
    const content = requestContentSchema.safeParse(JSON.parse(request.content));
    if (!content.success) continue;
    const variant = currentCatalog()
      .get(content.data.serviceId)
      ?.variants.find((candidate) => candidate.id === content.data.variantId);
    if (!variant) continue;
    let due: string | null;
    try {
      due = receiptTerm(variant, content.data.channel, localDateTime(new Date(content.data.acceptedAt)), next)?.due ?? null;
    } catch {
      continue;
    }
    if (due && due !== request.due_by) changes.push({ requestId: request.id, number: request.number, from: request.due_by, to: due });
  }
  return changes;
}

/** SQLite's own words for a write that could not happen: the disk (or the database's room) is full, or I/O failed. */
function writeFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY'));
}

/**
 * Applies a checked dataset in one transaction: the row, the due dates a calendar moves (each
 * audited with its old and new date), the audit entry. An older version is refused; the same
 * version again only renews the time it was checked. Answers the due dates moved.
 */
export function applyReference<D extends ReferenceDataset>(db: Db, envelope: SignedReference & { dataset: D }, data: ReferencePayload<D>, etag: string | null, now: Date): DueChange[] {
  const { dataset } = envelope;
  const previous = row(db, dataset);
  if (previous && envelope.version < previous.version) {
    throw new ArmError('REFERENCE_VERSION_OLDER', `${dataset}: version ${envelope.version} is older than the applied ${previous.version}.`, undefined, { dataset, version: envelope.version, current: previous.version });
  }
  const at = now.toISOString();
  try {
    if (previous && envelope.version === previous.version) {
      db.transaction(() => {
        db.prepare('UPDATE reference_data SET checked_at = ?, etag = ? WHERE dataset = ?').run(at, etag, dataset);
        db.prepare('DELETE FROM reference_errors WHERE dataset = ?').run(dataset);
      })();
      return [];
    }
    let changes: DueChange[] = [];
    db.transaction(() => {
      // Listed inside the transaction that applies it: what is recorded is what was moved.
      changes = dataset === 'calendar' ? dueChanges(db, (data as ReferencePayload<'calendar'>).years) : [];
      for (const change of changes) {
        db.prepare('UPDATE requests SET due_by = ?, updated_at = ? WHERE id = ?').run(change.to, at, change.requestId);
        appendAudit(db, { userId: null, action: 'reference.due', objectType: 'request', objectId: change.requestId, details: { from: change.from, to: change.to, calendarVersion: envelope.version } }, now);
      }
      db.prepare(
        `INSERT INTO reference_data (dataset, schema, version, issued_at, etag, data, signature, applied_at, checked_at, changes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (dataset) DO UPDATE SET schema = excluded.schema, version = excluded.version, issued_at = excluded.issued_at, etag = excluded.etag,
           data = excluded.data, signature = excluded.signature, applied_at = excluded.applied_at, checked_at = excluded.checked_at, changes = excluded.changes`,
      ).run(dataset, envelope.schema, envelope.version, envelope.issuedAt, etag, JSON.stringify(data), envelope.signature, at, at, dataset === 'calendar' ? JSON.stringify(changes) : null);
      appendAudit(
        db,
        { userId: null, action: 'reference.apply', objectType: 'reference', objectId: dataset, details: { version: envelope.version, previousVersion: previous?.version ?? null, issuedAt: envelope.issuedAt, dueChanges: changes.length } },
        now,
      );
      db.prepare('DELETE FROM reference_errors WHERE dataset = ?').run(dataset);
    })();
    if (dataset === 'calendar' || dataset === 'catalog') putInForce(db);
    return changes;
  } catch (error) {
    if (writeFailure(error)) throw new ArmError('REFERENCE_WRITE_FAILED', `${dataset}: ${error instanceof Error ? error.message : String(error)}`, undefined, { dataset });
    throw error;
  }
}

/** A failed update's reason, for the console; a failure to write even this (a full disk) is left to the job's own error. */
export function recordReferenceError(db: Db, dataset: ReferenceDataset, code: ErrorCode, params: ErrorParams, now: Date): void {
  try {
    db.prepare('INSERT INTO reference_errors (dataset, code, params, at) VALUES (?, ?, ?, ?) ON CONFLICT (dataset) DO UPDATE SET code = excluded.code, params = excluded.params, at = excluded.at').run(
      dataset,
      code,
      JSON.stringify(params),
      now.toISOString(),
    );
  } catch {
    // The job's lastError still says why.
  }
}

/** Each dataset's version and age for the sync console; a dataset never received shows as bundled. */
export function referenceStatus(db: Db, now: Date): ReferenceStatus[] {
  const errors = new Map(
    db
      .prepare<[], { dataset: string; code: ErrorCode; params: string; at: string }>('SELECT * FROM reference_errors')
      .all()
      .map((error) => [error.dataset, error]),
  );
  return referenceDatasets.map((dataset) => {
    const found = row(db, dataset);
    const error = errors.get(dataset);
    return {
      dataset,
      version: found?.version ?? null,
      issuedAt: found?.issued_at ?? null,
      appliedAt: found?.applied_at ?? null,
      checkedAt: found?.checked_at ?? null,
      ageHours: found ? Math.max(0, Math.floor((now.getTime() - Date.parse(found.issued_at)) / 3_600_000)) : null,
      dueChanges: found?.changes ? (JSON.parse(found.changes) as DueChange[]).map(({ number, from, to }) => ({ number, from, to })) : [],
      error: error ? { code: error.code, params: JSON.parse(error.params) as ErrorParams, at: error.at } : null,
    };
  });
}
