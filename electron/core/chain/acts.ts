import { ArmError, requestContentSchema, type Caller } from '../../../shared/api';
import { outsideStage, type OutsideStage } from '../../../shared/catalog/steps';
import { localDay } from '../../../shared/time';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/database';
import { requireAssignee } from '../inbox/assignment';
import { departmentRequest } from '../inbox/repository';
import { findVariant } from '../inbox/variant';
import type { RequestRow } from '../requests/repository';

// Outside decision stages (issue 19 item 5): the executor sends the draft to the body that adopts
// the act (001 Рег.3 п.5 пп.3–4: «готовит проект постановления и направляет пакет документов в
// местный исполнительный орган»; «в течение 6 (шести) рабочих дней … принимает соответствующее
// постановление»), then records the act's number and date. The certificate waits for the act.

export interface ActRow {
  request_id: string;
  provider: string;
  kind: OutsideStage['kind'];
  sent_at: string;
  number: string | null;
  date: string | null;
  recorded_at: string | null;
}

type Person = NonNullable<Caller>;

export function findAct(db: Db, requestId: string): ActRow | null {
  return (db.prepare('SELECT * FROM outside_acts WHERE request_id = ?').get(requestId) as ActRow | undefined) ?? null;
}

/** The request's outside stage, if its regulation has one. */
export function stageOf(request: RequestRow): OutsideStage | null {
  const content = requestContentSchema.parse(JSON.parse(request.content ?? 'null'));
  const variant = findVariant(content.serviceId, content.variantId);
  return variant ? outsideStage(variant) : null;
}

function workedRequest(db: Db, requestId: string, caller: Person): { request: RequestRow; stage: OutsideStage } {
  const request = departmentRequest(db, requestId);
  const stage = stageOf(request);
  if (!stage) throw new ArmError('STAGE_NOT_APPLICABLE', 'The regulation of this service has no outside decision stage.');
  if (request.state !== 'inWork') throw new ArmError('STATE_CONFLICT', `The request is ${request.state}; the stage belongs to the executor's work.`, undefined, { from: request.state, to: 'inWork' });
  requireAssignee(db, request, caller);
  return { request, stage };
}

export function sendToStage(db: Db, requestId: string, caller: Person, now: Date): void {
  const { request, stage } = workedRequest(db, requestId, caller);
  if (findAct(db, requestId)) throw new ArmError('STAGE_NOT_APPLICABLE', 'The documents were sent to the outside body already.');
  db.transaction(() => {
    db.prepare('INSERT INTO outside_acts (request_id, provider, kind, sent_at, sent_by) VALUES (?, ?, ?, ?, ?)').run(requestId, request.provider, stage.kind, now.toISOString(), caller.userId);
    appendAudit(db, { userId: caller.userId, action: 'request.stageSent', objectType: 'request', objectId: requestId, details: { kind: stage.kind } }, now);
  })();
}

export function recordAct(db: Db, input: { requestId: string; number: string; date: string }, caller: Person, now: Date): void {
  workedRequest(db, input.requestId, caller);
  const act = findAct(db, input.requestId);
  if (!act || act.number) throw new ArmError('STAGE_NOT_APPLICABLE', act ? 'The act is recorded already.' : 'Send the documents to the outside body first.');
  if (input.date > localDay(now) || input.date < localDay(new Date(act.sent_at))) {
    throw new ArmError('VALIDATION_FAILED', 'The act is dated between sending the documents and today.', [{ path: 'date', message: 'out of range' }]);
  }
  const reused = db.prepare('SELECT request_id FROM outside_acts WHERE provider = ? AND kind = ? AND number = ?').get(act.provider, act.kind, input.number);
  if (reused) throw new ArmError('ACT_NUMBER_REUSED', `Act ${input.number} is recorded for another request.`, undefined, { number: input.number });
  db.transaction(() => {
    db.prepare('UPDATE outside_acts SET number = ?, date = ?, recorded_at = ?, recorded_by = ? WHERE request_id = ?').run(input.number, input.date, now.toISOString(), caller.userId, input.requestId);
    appendAudit(db, { userId: caller.userId, action: 'request.actRecorded', objectType: 'request', objectId: input.requestId, details: { kind: act.kind, number: input.number, date: input.date } }, now);
  })();
}

/** A certificate resting on an outside act waits for it (a motivated refusal does not: 001 Рег.3 п.5 пп.3). */
export function requireActFor(db: Db, request: RequestRow, outcome: 'certificate' | 'refusal'): void {
  if (outcome !== 'certificate' || !stageOf(request)) return;
  if (!findAct(db, request.id)?.number) throw new ArmError('ACT_REQUIRED', 'The result waits for the outside body’s act.');
}
