import { ArmError, requestContentSchema, resultContentSchema, type Caller, type Contract } from '../../../shared/api';
import { appendAudit } from '../audit/log';
import { requireDb } from '../context';
import type { Db } from '../db/database';
import type { Handlers } from '../handler';
import { findRequest, moveRequest } from '../requests/repository';
import { mayPrintResult, resultPdf } from './printed';

interface CounterRow {
  id: string;
  number: string;
  service_id: string;
  applicant_name: string | null;
  state: 'resultAtCentre' | 'issued';
  outcome: 'certificate' | 'refusal';
  result_number: string;
  content: string;
}

function counterRow(row: CounterRow) {
  const content = resultContentSchema.parse(JSON.parse(row.content));
  return {
    requestId: row.id,
    number: row.number,
    serviceId: row.service_id,
    applicantName: row.applicant_name ?? content.applicant.fullName,
    state: row.state,
    outcome: row.outcome,
    resultNumber: row.result_number,
    signer: content.signer?.fullName ?? '',
  };
}

const COUNTER_SQL = `SELECT r.id, r.number, r.service_id, r.applicant_name, r.state, x.outcome, x.number AS result_number, x.content
  FROM requests r JOIN results x ON x.request_id = r.id WHERE r.side = 'centre' AND r.state IN ('resultAtCentre', 'issued')`;

/**
 * Выдача результата: the collector is the applicant, or the representative the request names
 * with its power of attorney (checked at intake); the ID document number goes in the audit entry.
 */
function issue(db: Db, input: { requestId: string; collectorIin: string; documentNumber: string }, caller: NonNullable<Caller>, now: Date) {
  const request = findRequest(db, input.requestId);
  if (request.side !== 'centre') throw new ArmError('FORBIDDEN', 'Not a request of this centre.');
  const content = request.content ? requestContentSchema.safeParse(JSON.parse(request.content)) : null;
  const representative = content?.success && content.data.powerOfAttorney ? content.data.representative?.iin : undefined;
  const role = input.collectorIin === request.applicant_iin ? 'applicant' : input.collectorIin === representative ? 'representative' : null;
  if (!role) throw new ArmError('COLLECTOR_MISMATCH', 'The collector is neither the applicant nor the representative.');
  db.transaction(() => {
    moveRequest(db, input.requestId, 'issued', { userId: caller.userId, actor: caller.role }, now);
    appendAudit(db, { userId: caller.userId, action: 'result.issued', objectType: 'request', objectId: input.requestId, details: { collector: role, collectorIin: input.collectorIin, documentNumber: input.documentNumber } }, now);
  })();
  return counterRow(db.prepare(`${COUNTER_SQL} AND r.id = ?`).get(input.requestId) as CounterRow);
}

export const resultsHandlers: Handlers<Contract>['results'] = {
  pdf: async ({ requestId, lang }, ctx, { caller }) => {
    const db = requireDb(ctx);
    mayPrintResult(db, requestId, caller!);
    return { base64: (await resultPdf(db, requestId, lang, ctx.resources.fonts())).toString('base64') };
  },
  counter: (_input, ctx) => (requireDb(ctx).prepare(`${COUNTER_SQL} ORDER BY r.state, r.updated_at DESC`).all() as CounterRow[]).map(counterRow),
  issue: (input, ctx, { caller }) => issue(requireDb(ctx), input, caller!, ctx.now()),
};
