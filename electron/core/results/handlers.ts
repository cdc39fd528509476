import { ArmError, requestContentSchema, resultContentSchema, type Caller, type Contract } from '../../../shared/api';
import { appendAudit, documentRef } from '../audit/log';
import { requireDb } from '../context';
import type { Db } from '../db/database';
import type { Handlers } from '../handler';
import { requireOrganisation } from '../inbox/settings';
import { findRequest, moveRequest } from '../requests/repository';
import { readSetting, writeSettings } from '../settings/store';
import { BUILT_IN_WORDING } from './pdf';
import { mayPrintResult, officeRequest, resultPdf } from './printed';

interface CounterRow {
  id: string;
  number: string;
  service_id: string;
  applicant_name: string | null;
  state: 'resultAtCentre' | 'resultSigned' | 'issued';
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

// The provider's office: what it took in itself (centre = provider = this organisation), signed
// by the head and waiting to be handed over (001 п.5 пп.5), or handed over.
const OFFICE_SQL = `SELECT r.id, r.number, r.service_id, r.applicant_name, r.state, x.outcome, x.number AS result_number, x.content
  FROM requests r JOIN results x ON x.request_id = r.id
  WHERE r.side = 'provider' AND r.centre = r.provider AND r.provider = ? AND r.state IN ('resultSigned', 'issued')`;

/**
 * Выдача результата: the collector is the applicant, or the representative the request names
 * with its power of attorney (checked at intake); the ID document number goes in the audit entry.
 */
function issue(db: Db, input: { requestId: string; collectorIin: string; documentNumber: string }, caller: NonNullable<Caller>, now: Date) {
  const office = caller.role === 'officeWorker';
  const request = office ? officeRequest(db, input.requestId) : findRequest(db, input.requestId);
  if (!office && request.side !== 'centre') throw new ArmError('FORBIDDEN', 'Not a request of this centre.');
  const content = request.content ? requestContentSchema.safeParse(JSON.parse(request.content)) : null;
  const representative = content?.success && content.data.powerOfAttorney ? content.data.representative?.iin : undefined;
  const role = input.collectorIin === request.applicant_iin ? 'applicant' : input.collectorIin === representative ? 'representative' : null;
  if (!role) throw new ArmError('COLLECTOR_MISMATCH', 'The collector is neither the applicant nor the representative.');
  db.transaction(() => {
    moveRequest(db, input.requestId, 'issued', { userId: caller.userId, actor: caller.role }, now);
    appendAudit(db, { userId: caller.userId, action: 'result.issued', objectType: 'request', objectId: input.requestId, details: { collector: role, collectorIin: input.collectorIin, documentNumber: documentRef(db, input.documentNumber) } }, now);
  })();
  return counterRow((office ? db.prepare(`${OFFICE_SQL} AND r.id = ?`).get(request.provider, input.requestId) : db.prepare(`${COUNTER_SQL} AND r.id = ?`).get(input.requestId)) as CounterRow);
}

export const resultsHandlers: Handlers<Contract>['results'] = {
  pdf: async ({ requestId, lang }, ctx, { caller }) => {
    const db = requireDb(ctx);
    mayPrintResult(db, requestId, caller!);
    return { base64: (await resultPdf(db, requestId, lang, ctx.resources.fonts())).toString('base64') };
  },
  counter: (_input, ctx, { caller }) => {
    const db = requireDb(ctx);
    const rows = caller!.role === 'officeWorker' ? db.prepare(`${OFFICE_SQL} ORDER BY r.state DESC, r.updated_at DESC`).all(requireOrganisation(db)) : db.prepare(`${COUNTER_SQL} ORDER BY r.state, r.updated_at DESC`).all();
    return (rows as CounterRow[]).map(counterRow);
  },
  issue: (input, ctx, { caller }) => issue(requireDb(ctx), input, caller!, ctx.now()),
  wording: (_input, ctx) => ({ builtIn: BUILT_IN_WORDING, current: readSetting(requireDb(ctx), 'results.genericWording') ?? {} }),
  setWording: (wording, ctx, { caller }) => {
    const db = requireDb(ctx);
    // Only the captions that differ from the built-in ones are kept; none left clears the setting.
    const changed = Object.fromEntries(
      (['ru', 'kk'] as const).flatMap((lang) => {
        const captions = Object.entries(wording[lang] ?? {}).filter(([key, value]) => BUILT_IN_WORDING[lang][key as keyof (typeof BUILT_IN_WORDING)['ru']] !== value);
        return captions.length ? [[lang, Object.fromEntries(captions)]] : [];
      }),
    );
    writeSettings(db, { 'results.genericWording': Object.keys(changed).length ? changed : null }, { userId: caller!.userId }, ctx.now());
    return readSetting(db, 'results.genericWording') ?? {};
  },
};
