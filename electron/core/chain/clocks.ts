import { ArmError, requestContentSchema, type ChainView, type StepClock } from '../../../shared/api';
import { outsideStage, stepClock, stepDue, type Step } from '../../../shared/catalog/steps';
import { localDateTime } from '../../../shared/time';
import type { Db } from '../db/database';
import { departmentRequest } from '../inbox/repository';
import { findVariant } from '../inbox/variant';
import { requestHistory, type RequestRow } from '../requests/repository';
import { findAct } from './acts';

// Step clocks (issue 19 item 4) of a provider-side request: when each step of the regulation's
// chain ended, read from what the АРМ recorded anyway — registration, the head's resolution (the
// first appointment), the executor's decision or the draft sent to the outside body, the act,
// the head's signature, the office's issuance (or the result's dispatch to the centre).

const local = (iso: string | null | undefined) => (iso ? localDateTime(new Date(iso)) : null);

/** When each step of the chain ended, in order; null while it has not. */
function stepEnds(db: Db, request: RequestRow, steps: readonly Step[]): Array<string | null> {
  const history = requestHistory(db, request.id);
  const first = (state: string) => history.find((event) => event.to === state)?.at ?? null;
  const assigned = (db.prepare('SELECT min(at) AS at FROM request_assignments WHERE request_id = ?').get(request.id) as { at: string | null }).at;
  const act = findAct(db, request.id);
  const office = request.centre === request.provider;
  return steps.map((step, index) => {
    const next = steps[index + 1]?.actor;
    switch (step.actor) {
      case 'clerk':
        // The office's first step registers, its last one issues or sends the result on.
        return index === 0 ? first('registered') : office ? first('issued') : first('resultSigned');
      case 'head':
        if (next === 'executor' || next === 'specialist') return assigned ?? first('inWork');
        return first('resultSigned');
      case 'executor':
      case 'specialist':
        return next === 'akimat' ? (act?.sent_at ?? null) : first('decided');
      case 'akimat':
        return act?.recorded_at ?? null;
      default:
        return null;
    }
  });
}

function clocks(steps: readonly Step[], start: string, ends: Array<string | null>, now: string): StepClock[] {
  let startedAt: string | null = start;
  return steps.map((step, index) => {
    const doneAt = local(ends[index]);
    const clock: StepClock = { actor: step.actor, norm: step.duration, paragraph: step.cite[0]?.paragraph ?? '', startedAt, doneAt, ...stepClock(step, startedAt, doneAt, now) };
    startedAt = doneAt;
    return clock;
  });
}

export function chainView(db: Db, requestId: string, now: Date): ChainView {
  const request = departmentRequest(db, requestId);
  const content = requestContentSchema.parse(JSON.parse(request.content ?? 'null'));
  const variant = findVariant(content.serviceId, content.variantId);
  if (!variant) throw new ArmError('NOT_FOUND', `The catalog no longer has ${content.variantId}.`);
  const received = JSON.parse(request.received ?? '{}') as { receivedAt?: string };
  // The chain starts «с момента подачи необходимых документов» (001 п.5 пп.1): at the office
  // when it was taken in, otherwise when the gateway handed it over.
  const start = local(request.centre === request.provider ? content.acceptedAt : (received.receivedAt ?? request.created_at))!;
  const steps = clocks(variant.steps, start, stepEnds(db, request, variant.steps), localDateTime(now));
  const stage = outsideStage(variant);
  const act = findAct(db, requestId);
  return {
    requestId,
    indicative: content.dueIndicative === true,
    dueBy: request.due_by,
    steps,
    stage: stage && {
      kind: stage.kind,
      norm: stage.norm,
      paragraph: stage.paragraph,
      quote: stage.quote,
      sentAt: local(act?.sent_at),
      due: act && stage.norm ? stepDue({ duration: stage.norm }, local(act.sent_at)!) : null,
      act: act?.number && act.date && act.recorded_at ? { number: act.number, date: act.date, recordedAt: local(act.recorded_at)!, scanSha256: act.scan_sha256 } : null,
    },
  };
}
