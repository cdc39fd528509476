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
// постановление»), then records the act's number and date. A commission's conclusion (003 Рег.2,
// Рег.7) is one step of the executor's work: the certificate waits for it. The akimat's resolution
// is the result itself (001 Рег.3 п.3 «Результатом … является: постановление акимата района»):
// recorded with its scan, it becomes the request's result (decision/repository.ts resultFromAct).

export interface ActRow {
  request_id: string;
  provider: string;
  kind: OutsideStage['kind'];
  sent_at: string;
  number: string | null;
  date: string | null;
  recorded_at: string | null;
  scan_sha256: string | null;
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

/** The open stage an act can be recorded on, checked before its scan is read or stored. */
export function openAct(db: Db, requestId: string, caller: Person, scanned: boolean): ActRow {
  workedRequest(db, requestId, caller);
  const act = findAct(db, requestId);
  if (!act || act.number) throw new ArmError('STAGE_NOT_APPLICABLE', act ? 'The act is recorded already.' : 'Send the documents to the outside body first.');
  // The resolution's electronic copy is what the applicant receives (001 Рег.3 п.3): no copy, no result.
  if (act.kind === 'akimatResolution' && !scanned) throw new ArmError('ACT_SCAN_REQUIRED', 'Attach the scan of the akimat’s resolution.', [{ path: 'scan', message: 'required' }]);
  return act;
}

export function recordAct(db: Db, input: { requestId: string; number: string; date: string; scanSha256: string | null }, caller: Person, now: Date): ActRow {
  const act = openAct(db, input.requestId, caller, input.scanSha256 !== null);
  if (input.date > localDay(now) || input.date < localDay(new Date(act.sent_at))) {
    throw new ArmError('VALIDATION_FAILED', 'The act is dated between sending the documents and today.', [{ path: 'date', message: 'out of range' }]);
  }
  const reused = db.prepare('SELECT request_id FROM outside_acts WHERE provider = ? AND kind = ? AND number = ?').get(act.provider, act.kind, input.number);
  if (reused) throw new ArmError('ACT_NUMBER_REUSED', `Act ${input.number} is recorded for another request.`, undefined, { number: input.number });
  db.transaction(() => {
    db.prepare('UPDATE outside_acts SET number = ?, date = ?, recorded_at = ?, recorded_by = ?, scan_sha256 = ? WHERE request_id = ?').run(input.number, input.date, now.toISOString(), caller.userId, input.scanSha256, input.requestId);
    appendAudit(db, { userId: caller.userId, action: 'request.actRecorded', objectType: 'request', objectId: input.requestId, details: { kind: act.kind, number: input.number, date: input.date, scan: input.scanSha256 } }, now);
  })();
  return findAct(db, input.requestId)!;
}

/**
 * A certificate resting on a commission's conclusion waits for it (a motivated refusal does not:
 * 001 Рег.3 п.5 пп.3 «или готовит мотивированный ответ об отказе»). Where the akimat's resolution
 * is the result, the executor never decides a certificate: the recorded act is the result.
 */
export function requireActFor(db: Db, request: RequestRow, outcome: 'certificate' | 'refusal'): void {
  if (outcome !== 'certificate') return;
  const stage = stageOf(request);
  if (!stage) return;
  if (stage.kind === 'akimatResolution') throw new ArmError('ACT_IS_RESULT', 'The akimat’s resolution is the result: record it with its scan.');
  if (!findAct(db, request.id)?.number) throw new ArmError('ACT_REQUIRED', 'The result waits for the outside body’s act.');
}
