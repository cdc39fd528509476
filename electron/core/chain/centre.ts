import { ArmError, requestContentSchema, type CentreChain, type JournalRow, type RequestContent, type RequestState } from '../../../shared/api';
import { centreClocks, centreSteps, type CentreClock, type CentreMarks } from '../../../shared/catalog/steps';
import { localDateTime } from '../../../shared/time';
import type { Db } from '../db/database';
import { findVariant } from '../inbox/variant';
import { requestHistory, type RequestRow } from '../requests/repository';

// Step clocks of the centre (issue 19 item 4): the ЦОН's own steps with the regulation's minutes
// (catalog: the centre channel's steps), clocked from what the centre's АРМ records anyway — the
// draft opened when the applicant was called (counter_visits.called_at is that moment), signed or
// refused at intake, sent through the gateway, the provider's status notices, the issuance.

const local = (iso: string | null | undefined) => (iso ? localDateTime(new Date(iso)) : null);

const contentOf = (request: RequestRow): RequestContent | null => (request.content ? requestContentSchema.parse(JSON.parse(request.content)) : null);

function marks(db: Db, request: RequestRow, content: RequestContent | null): CentreMarks {
  const history = requestHistory(db, request.id);
  const first = (...states: RequestState[]) => local(history.find((event) => states.includes(event.to))?.at);
  const registered = first('registered', 'inWork', 'decided', 'resultAtCentre', 'returned');
  return {
    started: { intake: local(request.created_at), registration: first('sent'), check: registered },
    ended: {
      intake: first('signed', 'refusedAtIntake', 'withdrawn'),
      // A notice may be overtaken by a later one or by the result: the first later state ends the step too.
      registration: registered,
      check: first('inWork', 'decided', 'resultAtCentre', 'returned'),
      handover: first('issued'),
    },
    noRegistryData: content !== null && (content.applicant.source === 'manual' || content.representative?.source === 'manual'),
    returned: history.some((event) => event.to === 'returned' && event.from !== 'queued'),
  };
}

function clocksOf(db: Db, request: RequestRow, content: RequestContent | null, now: Date): CentreClock[] {
  const variant = findVariant(request.service_id, request.variant_id);
  return variant ? centreClocks(centreSteps(variant), marks(db, request, content), localDateTime(now)) : [];
}

export function centreChain(db: Db, requestId: string, now: Date): CentreChain {
  const request = db.prepare("SELECT * FROM requests WHERE id = ? AND side = 'centre'").get(requestId) as RequestRow | undefined;
  if (!request) throw new ArmError('NOT_FOUND', 'No such request taken in at this centre.');
  const content = contentOf(request);
  return { requestId, dueBy: request.due_by, indicative: content?.dueIndicative === true, clocks: clocksOf(db, request, content, now) };
}

/** The journal's flag: the centre's step that runs now (running or overdue); null when none does. */
export function runningCentreStep(db: Db, requestId: string, now: Date): JournalRow['centreStep'] {
  const request = db.prepare("SELECT * FROM requests WHERE id = ? AND side = 'centre'").get(requestId) as RequestRow | undefined;
  if (!request) return null;
  const running = clocksOf(db, request, contentOf(request), now).find((clock) => clock.status === 'running' || clock.status === 'overdue');
  return running ? { phase: running.phase, due: running.due, status: running.status } : null;
}
