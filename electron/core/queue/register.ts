import { randomUUID } from 'node:crypto';
import { ArmError, type Caller, type QueueEntry, type QueueMark } from '../../../shared/api';
import type { z } from 'zod';
import type { queueKindSchema, queueLeaveInputSchema, queueLookupInputSchema } from '../../../shared/api/queue';
import { localDay } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { requireOrganisation } from '../inbox/settings';

// The queue register (003 Reg.3 «Журнал регистрации детей дошкольного возраста для направления в
// дошкольные организации»; Reg.7 «очередность граждан, нуждающихся в жилище»). One register per
// provider, service and register name; the journal number is the register's own sequence and the
// place is counted, never stored, so neither can be typed in (the table's triggers refuse a hand
// edit of the number, migration 0017). Every entry and exit is audited with the places it moved.

type Kind = z.infer<typeof queueKindSchema>;
type Person = NonNullable<Caller>;

/** Fields the register fills: a clerk who sends one is typing a number or a place by hand. */
export const REGISTER_FIELDS = ['number', 'queueNumber', 'position', 'place', 'registeredOn'];

interface Row {
  id: string;
  provider: string;
  service_id: string;
  kind: Kind;
  register: string;
  number: number;
  request_id: string;
  request_number: string;
  applicant_iin: string;
  person: string;
  registered_on: string;
  state: QueueEntry['state'];
  left_on: string | null;
  note: string | null;
  position: number | null;
}

// The place: 1 + those waiting ahead in the same register (an earlier journal number).
const SELECT = `SELECT q.*, r.number AS request_number,
  CASE WHEN q.state = 'waiting' THEN (SELECT count(*) FROM queue_entries a
    WHERE a.provider = q.provider AND a.service_id = q.service_id AND a.register = q.register AND a.state = 'waiting' AND a.number <= q.number) END AS position
  FROM queue_entries q JOIN requests r ON r.id = q.request_id`;

function view(row: Row): QueueEntry {
  return {
    id: row.id,
    kind: row.kind,
    serviceId: row.service_id,
    register: row.register,
    number: row.number,
    position: row.position,
    requestId: row.request_id,
    requestNumber: row.request_number,
    person: row.person,
    registeredOn: row.registered_on,
    state: row.state,
    leftOn: row.left_on,
    note: row.note,
  };
}

const invalid = (path: string, message: string) => new ArmError('VALIDATION_FAILED', `Invalid ${path}: ${message}.`, [{ path, message }]);

/**
 * The register a notice's fields put the request in: preschool by age group (the year of birth)
 * and the kindergarten asked for; housing by category.
 */
export function registerOf(kind: Kind, fields: Record<string, string>): string {
  if (kind === 'housing') {
    const category = fields.category?.trim();
    if (!category) throw invalid('fields.category', 'the housing category names the register');
    return category;
  }
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(fields.childBirthDate ?? '')?.[1];
  if (!year) throw invalid('fields.childBirthDate', 'the child’s date of birth (YYYY-MM-DD) gives the age group');
  const kindergarten = fields.kindergarten?.trim();
  if (!kindergarten) throw invalid('fields.kindergarten', 'the kindergarten asked for names the register');
  return `${year} — ${kindergarten}`;
}

function waitingPlaces(db: Db, provider: string, serviceId: string, register: string): Map<string, number> {
  const rows = db.prepare(`SELECT id FROM queue_entries WHERE provider = ? AND service_id = ? AND register = ? AND state = 'waiting' ORDER BY number`).all(provider, serviceId, register) as Array<{ id: string }>;
  return new Map(rows.map((row, index) => [row.id, index + 1]));
}

/** The places that changed between two counts of one register, by journal number. */
function moves(db: Db, before: Map<string, number>, after: Map<string, number>): Array<{ number: number; from: number; to: number }> {
  const changed = [...before].filter(([id, place]) => after.has(id) && after.get(id) !== place);
  return changed.map(([id, from]) => ({ number: (db.prepare('SELECT number FROM queue_entries WHERE id = ?').get(id) as { number: number }).number, from, to: after.get(id)! }));
}

export interface Enqueue {
  provider: string;
  serviceId: string;
  kind: Kind;
  register: string;
  requestId: string;
  applicantIin: string;
  person: string;
}

/**
 * Puts a request in its register (or keeps it there when the clerk decides again with the same
 * register: the same number). Call inside the decision's transaction.
 */
export function enterQueue(db: Db, entry: Enqueue, caller: Person, now: Date): QueueMark {
  const existing = db.prepare("SELECT * FROM queue_entries WHERE request_id = ? AND state = 'waiting'").get(entry.requestId) as Row | undefined;
  if (existing && existing.register === entry.register && existing.service_id === entry.serviceId) {
    db.prepare('UPDATE queue_entries SET person = ? WHERE id = ?').run(entry.person, existing.id);
    return { register: existing.register, number: existing.number, position: waitingPlaces(db, existing.provider, existing.service_id, existing.register).get(existing.id)!, registeredOn: existing.registered_on };
  }
  // Decided again into another register: out of the old one (those behind move up), a new number here.
  if (existing) leaveQueue(db, { entryId: existing.id, outcome: 'withdrawn', note: 'decided again' }, caller, now);
  const last = db.prepare('SELECT max(number) AS n FROM queue_entries WHERE provider = ? AND service_id = ? AND register = ?').get(entry.provider, entry.serviceId, entry.register) as { n: number | null };
  const id = randomUUID();
  const number = (last.n ?? 0) + 1;
  const registeredOn = localDay(now);
  db.prepare(
    `INSERT INTO queue_entries (id, provider, service_id, kind, register, number, request_id, applicant_iin, person, registered_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, entry.provider, entry.serviceId, entry.kind, entry.register, number, entry.requestId, entry.applicantIin, entry.person, registeredOn);
  const position = waitingPlaces(db, entry.provider, entry.serviceId, entry.register).get(id)!;
  appendAudit(db, { userId: caller.userId, action: 'queue.entered', objectType: 'request', objectId: entry.requestId, details: { serviceId: entry.serviceId, register: entry.register, number, position } }, now);
  return { register: entry.register, number, position, registeredOn };
}

/** A decision that is no longer a queue notice takes its request out of the register. */
export function withdrawIfQueued(db: Db, requestId: string, caller: Person, now: Date): void {
  const existing = db.prepare("SELECT id FROM queue_entries WHERE request_id = ? AND state = 'waiting'").get(requestId) as { id: string } | undefined;
  if (existing) leaveQueue(db, { entryId: existing.id, outcome: 'withdrawn', note: 'decided again' }, caller, now);
}

/** An entry leaves (referred to a kindergarten, or withdrawn); those behind move up, audited. */
export function leaveQueue(db: Db, input: z.output<typeof queueLeaveInputSchema>, caller: Person, now: Date): QueueEntry[] {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM queue_entries WHERE id = ?').get(input.entryId) as Row | undefined;
    if (!row || row.provider !== requireOrganisation(db)) throw new ArmError('NOT_FOUND', 'No such queue entry in this department.');
    if (row.state !== 'waiting') throw new ArmError('QUEUE_ENTRY_CLOSED', 'The entry has left the queue already.');
    const before = waitingPlaces(db, row.provider, row.service_id, row.register);
    db.prepare('UPDATE queue_entries SET state = ?, left_on = ?, note = ? WHERE id = ?').run(input.outcome, localDay(now), input.note, row.id);
    const after = waitingPlaces(db, row.provider, row.service_id, row.register);
    appendAudit(
      db,
      {
        userId: caller.userId,
        action: input.outcome === 'referred' ? 'queue.referred' : 'queue.withdrawn',
        objectType: 'request',
        objectId: row.request_id,
        details: { serviceId: row.service_id, register: row.register, number: row.number, position: before.get(row.id), moved: moves(db, before, after) },
      },
      now,
    );
    return listQueue(db, row.service_id, row.register);
  })();
}

/** A service's registers here: those waiting in order, then those who left. */
export function listQueue(db: Db, serviceId: string, register?: string): QueueEntry[] {
  const rows = db
    .prepare(`${SELECT} WHERE q.service_id = ? AND (? IS NULL OR q.register = ?) ORDER BY q.register, q.state <> 'waiting', q.number`)
    .all(serviceId, register ?? null, register ?? null) as Row[];
  return rows.map(view);
}

/** The operator's look-up: an applicant's entries (by IIN) or a request's (by its number). */
export function lookupQueue(db: Db, input: z.output<typeof queueLookupInputSchema>): QueueEntry[] {
  const rows =
    'iin' in input
      ? (db.prepare(`${SELECT} WHERE q.applicant_iin = ? ORDER BY q.registered_on`).all(input.iin) as Row[])
      : (db.prepare(`${SELECT} WHERE r.number = ? ORDER BY q.registered_on`).all(input.requestNumber) as Row[]);
  return rows.map(view);
}
