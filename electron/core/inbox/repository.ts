import { ArmError, requestContentSchema, type RequestState } from '../../../shared/api';
import type { InboxRow, RequestView } from '../../../shared/api/inbox';
import type { Db } from '../db/database';
import { findRequest, requestHistory, type RequestRow } from '../requests/repository';
import { deadlineClock } from './deadline';
import { requireOrganisation } from './settings';

/**
 * A request of this workstation's department, or FORBIDDEN: a clerk or head never acts on a
 * request of another department, nor on a centre-side request.
 */
export function departmentRequest(db: Db, id: string): RequestRow {
  const organisation = requireOrganisation(db);
  const request = findRequest(db, id);
  if (request.side !== 'provider' || request.provider !== organisation) throw new ArmError('FORBIDDEN', 'The request belongs to another department.');
  return request;
}

// A possible business duplicate on receipt: another request of the same applicant for the same
// service still being worked here (registered, in work or decided), from any centre.
const DUPLICATES = `(SELECT group_concat(d.number, ' ') FROM requests d
  WHERE d.side = 'provider' AND d.provider = r.provider AND d.applicant_iin = r.applicant_iin AND d.service_id = r.service_id
    AND d.id <> r.id AND d.state IN ('registered', 'inWork', 'decided')) AS duplicate_numbers`;

// The channel the request came through, read from its content (a portal request is marked «ПЭП»).
const CHANNEL = `json_extract(r.content, '$.channel') AS channel`;

type ListedRow = RequestRow & { assignee_name?: string | null; duplicate_numbers?: string | null; channel?: string | null };

const channels = ['centre', 'mobileCentre', 'portal'] as const;
const channelOf = (value: string | null | undefined): InboxRow['channel'] => channels.find((channel) => channel === value) ?? null;

export function inboxRow(row: ListedRow, now: string): InboxRow {
  const received = JSON.parse(row.received ?? '{}') as { receivedAt?: string; possibleDuplicates?: string[] };
  return {
    id: row.id,
    number: row.number,
    serviceId: row.service_id,
    variantId: row.variant_id,
    applicantName: row.applicant_name ?? '',
    channel: channelOf(row.channel),
    state: row.state,
    receivedAt: received.receivedAt ?? row.created_at,
    dueBy: row.due_by,
    ...deadlineClock(row.due_by, now),
    assignee: row.assignee_id ? { userId: row.assignee_id, fullName: row.assignee_name ?? row.assignee_id } : null,
    // This department's own open requests and those the gateway named on receipt, each number once.
    possibleDuplicateOf: [...new Set([...(row.duplicate_numbers ? row.duplicate_numbers.split(' ') : []), ...(received.possibleDuplicates ?? [])])],
  };
}

export interface InboxFilter {
  state?: RequestState | undefined;
  urgency?: InboxRow['urgency'] | undefined;
  query?: string | undefined;
}

/** The department's requests, the most urgent first (due date, then arrival). */
export function listInbox(db: Db, filter: InboxFilter, now: string): InboxRow[] {
  const organisation = requireOrganisation(db);
  const rows = db
    .prepare(
      `SELECT r.*, u.full_name AS assignee_name, ${DUPLICATES}, ${CHANNEL} FROM requests r LEFT JOIN users u ON u.id = r.assignee_id
       WHERE r.side = 'provider' AND r.provider = ? AND (? IS NULL OR r.state = ?) ORDER BY r.due_by IS NULL, r.due_by, r.created_at`,
    )
    .all(organisation, filter.state ?? null, filter.state ?? null) as ListedRow[];
  // Matched here, not in SQL: SQLite's lower() knows only ASCII, names are Kazakh and Russian.
  const query = filter.query?.toLocaleLowerCase('ru');
  const matches = (row: RequestRow) => !query || `${row.number} ${row.applicant_name ?? ''}`.toLocaleLowerCase('ru').includes(query);
  return rows
    .filter(matches)
    .map((row) => inboxRow(row, now))
    .filter((row) => !filter.urgency || row.urgency === filter.urgency);
}

export function requestView(db: Db, id: string, now: string): RequestView {
  const row = departmentRequest(db, id);
  const marks = db.prepare('SELECT document, mark, note FROM request_marks WHERE request_id = ? ORDER BY document').all(id) as RequestView['marks'];
  const listed = db.prepare(`SELECT u.full_name AS assignee_name, ${DUPLICATES}, ${CHANNEL} FROM requests r LEFT JOIN users u ON u.id = r.assignee_id WHERE r.id = ?`).get(id) as ListedRow;
  return {
    ...inboxRow({ ...row, ...listed }, now),
    outcome: row.outcome,
    content: requestContentSchema.parse(JSON.parse(row.content ?? 'null')),
    received: JSON.parse(row.received ?? 'null') as RequestView['received'],
    marks,
    history: requestHistory(db, id).map(({ at, from, to, actorRole, comment }) => ({ at, from, to, actorRole, comment })),
  };
}
