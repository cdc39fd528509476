import { ArmError, type CounterRow, type Visit } from '../../../shared/api';
import type { Db } from '../db/database';
import { intakeCatalog } from '../intake/drafts';
import { localDayStartUtc } from '../journal/search';
import { localDay } from '../../../shared/time';

// The counter visit: the ticket and when it was taken (wait: taken → called, the moment the
// operator opened the request), and the service (called → signed or refused at intake).

const TICKET = /^[\p{L}\d][\p{L}\d-]{0,11}$/u;

interface Row {
  request_id: string;
  ticket: string;
  issued_at: string | null;
  called_at: string;
}
const view = (row: Row): Visit => ({ requestId: row.request_id, ticket: row.ticket, issuedAt: row.issued_at, calledAt: row.called_at });

export function recordTicket(db: Db, input: { requestId: string; ticket: string; issuedAt: string | null }): Visit {
  if (!TICKET.test(input.ticket)) throw new ArmError('TICKET_INVALID', 'Not a queue ticket number.', [{ path: 'ticket', message: 'format' }]);
  const request = db.prepare("SELECT created_at, state, side FROM requests WHERE id = ?").get(input.requestId) as { created_at: string; state: string; side: string } | undefined;
  if (!request || request.side !== 'centre') throw new ArmError('NOT_FOUND', 'No such request at this counter.');
  if (request.state !== 'draft') throw new ArmError('STATE_CONFLICT', 'The visit is over: the ticket is recorded while the request is a draft.', undefined, { from: request.state, to: 'draft' });
  // The ticket's time is local (UTC+5) on the day the request was opened.
  const issuedAt = input.issuedAt ? new Date(`${localDay(new Date(request.created_at))}T${input.issuedAt}:00+05:00`).toISOString() : null;
  if (issuedAt && issuedAt > request.created_at) throw new ArmError('TICKET_INVALID', 'The ticket was taken after the applicant was called.', [{ path: 'issuedAt', message: 'after call' }]);
  db.prepare('INSERT INTO counter_visits (request_id, ticket, issued_at, called_at) VALUES (?, ?, ?, ?) ON CONFLICT (request_id) DO UPDATE SET ticket = excluded.ticket, issued_at = excluded.issued_at').run(
    input.requestId, input.ticket.toUpperCase(), issuedAt, request.created_at,
  );
  return findVisit(db, input.requestId)!;
}

export function findVisit(db: Db, requestId: string): Visit | null {
  const row = db.prepare('SELECT * FROM counter_visits WHERE request_id = ?').get(requestId) as Row | undefined;
  return row ? view(row) : null;
}

/** Wait and service minutes of the visits of requests opened in [from, to], per service, against each variant's counter norms. */
export function counterMetrics(db: Db, from: string, to: string): CounterRow[] {
  const rows = db
    .prepare(
      `SELECT r.service_id AS serviceId, r.variant_id AS variantId,
         (julianday(v.called_at) - julianday(v.issued_at)) * 1440 AS wait,
         (julianday((SELECT min(e.at) FROM request_events e WHERE e.request_id = r.id AND e.to_state IN ('signed', 'refusedAtIntake'))) - julianday(v.called_at)) * 1440 AS service
       FROM counter_visits v JOIN requests r ON r.id = v.request_id
       WHERE r.created_at >= ? AND r.created_at < ?`,
    )
    .all(localDayStartUtc(from), localDayStartUtc(to, 1)) as Array<{ serviceId: string; variantId: string | null; wait: number | null; service: number | null }>;
  const catalog = intakeCatalog();
  const byService = new Map<string, CounterRow & { waits: number[]; services: number[] }>();
  for (const row of rows) {
    const variant = catalog.get(row.serviceId)?.variants.find((candidate) => candidate.id === row.variantId);
    const counter = variant?.channels.find((c) => c.kind === 'centre' || c.kind === 'mobileCentre')?.counter;
    const entry = byService.get(row.serviceId) ?? { serviceId: row.serviceId, visits: 0, averageWait: null, maxWait: counter?.maxWait?.minutes ?? null, overWait: 0, averageService: null, maxService: counter?.maxService?.minutes ?? null, overService: 0, waits: [], services: [] };
    entry.visits++;
    if (row.wait !== null) {
      entry.waits.push(row.wait);
      if (counter?.maxWait && row.wait > counter.maxWait.minutes) entry.overWait++;
    }
    if (row.service !== null) {
      entry.services.push(row.service);
      if (counter?.maxService && row.service > counter.maxService.minutes) entry.overService++;
    }
    byService.set(row.serviceId, entry);
  }
  const average = (values: number[]) => (values.length ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 : null);
  return [...byService.values()]
    .sort((a, b) => a.serviceId.localeCompare(b.serviceId))
    .map(({ waits, services, ...row }) => ({ ...row, averageWait: average(waits), averageService: average(services) }));
}
