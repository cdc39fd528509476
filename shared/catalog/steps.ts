import { kzCalendar, type Calendar, type LocalDateTime } from '../calendar/calendar';
import type { CentrePhase, CentreStep, ChannelKind, Variant } from './schema';

// Step clocks (issue 19 item 4): the provider's chain as the regulation gives it, one norm per step
// (seed 001 п.5: «1) работник канцелярии … в течение 15 (пятнадцати) минут … 2) руководитель …
// накладывает резолюцию … 3) ответственный исполнитель … 4) руководитель … подписывает …
// 5) работник канцелярии … выдает»), each step with its own clock from the end of the one before.
// Where the regulation gives no total term (001: «Общий срок … в Стандарте», which is not in the
// seeds), the sum of the step norms is an indicative term — never presented as the legal one.

export type Step = Variant['steps'][number];

/** A day-based step ends with the working day; the next one starts then. */
const END_OF_DAY = 'T18:00';

/**
 * When a step that starts at `start` is due: minutes on the clock, working days by the calendar.
 * The АРМ clocks to the minute: a norm in seconds (000 Прил.1 Табл.2 «30 секунд», «1,5 минуты»)
 * counts as the whole minute it runs into.
 */
export function stepDue(step: Pick<Step, 'duration'>, start: LocalDateTime, calendar: Calendar = kzCalendar): LocalDateTime {
  const due = calendar.deadline(start, { value: Math.ceil(step.duration.value), unit: step.duration.unit });
  return due.unit === 'minutes' ? due.due : `${due.due}${END_OF_DAY}`;
}

export type ClockStatus = 'done' | 'late' | 'running' | 'overdue' | 'pending';

/**
 * One step's clock, the same on both sides: due its norm after it began; done (or late) when its
 * end is recorded, else running (or overdue) once begun, pending before — or when the АРМ has no
 * record of its start (the applicant coming back for the result).
 */
export function stepClock(step: Pick<Step, 'duration'>, startedAt: LocalDateTime | null, doneAt: LocalDateTime | null, now: LocalDateTime, calendar: Calendar = kzCalendar): { due: LocalDateTime | null; status: ClockStatus } {
  const due = startedAt ? stepDue(step, startedAt, calendar) : null;
  const status: ClockStatus = doneAt ? (due && doneAt > due ? 'late' : 'done') : startedAt ? (due && now > due ? 'overdue' : 'running') : 'pending';
  return { due, status };
}

/** Each step's due time if every step before it took its whole norm. */
export function stepSchedule(steps: readonly Step[], start: LocalDateTime, calendar: Calendar = kzCalendar): LocalDateTime[] {
  const dues: LocalDateTime[] = [];
  let from = start;
  for (const step of steps) {
    from = stepDue(step, from, calendar);
    dues.push(from);
  }
  return dues;
}

/**
 * The term a receipt prints: the channel's own term (legal), or, where the regulation gives none
 * and the variant has a step chain, the sum of the step norms (indicative). null: neither.
 */
export function receiptTerm(variant: Pick<Variant, 'channels' | 'steps'>, channel: ChannelKind, acceptedAt: LocalDateTime, calendar: Calendar = kzCalendar): { due: string; indicative: boolean } | null {
  const found = variant.channels.find((candidate) => candidate.kind === channel);
  if (found?.term) return { due: calendar.deadline(acceptedAt, { value: found.term.value, unit: found.term.unit }).due, indicative: false };
  if (!variant.steps.length) return null;
  const dues = stepSchedule(variant.steps, acceptedAt, calendar);
  const last = dues[dues.length - 1]!;
  // A chain that ends in days is due by the end of that day, as a legal term in days is.
  return { due: variant.steps[variant.steps.length - 1]!.duration.unit === 'workingDays' ? last.slice(0, 10) : last, indicative: true };
}

/**
 * Outside decision stages (issue 19 item 5): a body other than the provider adopts the act the
 * result rests on. 001 Рег.3 п.5 пп.4: «местный исполнительный орган района … в течение 6 (шести)
 * рабочих дней рассматривает направленные документы, принимает соответствующее постановление»
 * (its step in the catalog, actor «akimat»); 003 Рег.2 R0 «при формировании заключения комиссии»
 * and Рег.7 «решением жилищной комиссии» name a commission and give it no norm.
 */
export type OutsideStageKind = 'akimatResolution' | 'commission';
export interface OutsideStage {
  kind: OutsideStageKind;
  /** The norm, where the regulation gives one. */
  norm: Step['duration'] | null;
  paragraph: string;
  quote: string;
}

const COMMISSIONS: Readonly<Record<string, OutsideStage>> = {
  '003-r2': { kind: 'commission', norm: null, paragraph: 'Рег.2 прил.4', quote: 'при формировании заключения комиссии' },
  '003-r7': { kind: 'commission', norm: null, paragraph: 'Рег.7 прил.3', quote: 'решением жилищной комиссии' },
};

export function outsideStage(variant: Pick<Variant, 'id' | 'steps'>): OutsideStage | null {
  const akimat = variant.steps.find((step) => step.actor === 'akimat');
  if (akimat) return { kind: 'akimatResolution', norm: akimat.duration, paragraph: akimat.cite[0]!.paragraph, quote: 'в течение 6 (шести) рабочих дней рассматривает направленные документы, принимает соответствующее постановление' };
  return COMMISSIONS[variant.id] ?? null;
}

/**
 * The centre's steps (ЦОН) of a variant: the centre channel's, which a mobile centre follows too
 * (it is the Государственная корпорация's own unit; no seed times its steps apart).
 */
export function centreSteps(variant: Pick<Variant, 'channels'>): CentreStep[] {
  return variant.channels.find((channel) => channel.kind === 'centre')?.steps ?? [];
}

/** What the АРМ recorded of a centre request: when each phase began and ended, and which branches ran. */
export interface CentreMarks {
  started: Partial<Record<CentrePhase, LocalDateTime | null>>;
  ended: Partial<Record<CentrePhase, LocalDateTime | null>>;
  /** ГБД ФЛ / ЕНИС had no data: the person was typed by hand (001 п.9 пп.6, 000 Табл.2 д.4). */
  noRegistryData: boolean;
  /** The provider returned the package for defects (001 п.10 пп.3). */
  returned: boolean;
}

export interface CentreClock {
  phase: CentrePhase;
  /** The phase's norm: the sum of its steps' minutes. */
  norm: { value: number; unit: 'minutes' };
  /** Its steps as the regulation lists them, with their own minutes. */
  parts: Array<{ actor: CentreStep['actor']; minutes: number; paragraph: string }>;
  startedAt: LocalDateTime | null;
  due: LocalDateTime | null;
  doneAt: LocalDateTime | null;
  status: ClockStatus;
}

/**
 * The centre's clocks, one per phase the АРМ can see end: the regulation times each step (001 п.9
 * пп.1–7 in minutes), but the counter records only when intake began and ended, so a phase is due
 * the sum of its steps' minutes after it began. A branch that did not run is not counted.
 */
export function centreClocks(steps: readonly CentreStep[], marks: CentreMarks, now: LocalDateTime, calendar: Calendar = kzCalendar): CentreClock[] {
  const ran = steps.filter((step) => !step.only || marks[step.only]);
  const phases = [...new Set(ran.map((step) => step.phase))];
  return phases.map((phase) => {
    const own = ran.filter((step) => step.phase === phase);
    const norm = { value: own.reduce((sum, step) => sum + step.duration.value, 0), unit: 'minutes' as const };
    const startedAt = marks.started[phase] ?? null;
    const doneAt = marks.ended[phase] ?? null;
    return {
      phase,
      norm,
      parts: own.map((step) => ({ actor: step.actor, minutes: step.duration.value, paragraph: step.cite[0]!.paragraph })),
      startedAt,
      doneAt,
      ...stepClock({ duration: norm }, startedAt, doneAt, now, calendar),
    };
  });
}
