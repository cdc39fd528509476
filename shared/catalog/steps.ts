import { kzCalendar, type Calendar, type LocalDateTime } from '../calendar/calendar';
import type { ChannelKind, Variant } from './schema';

// Step clocks (issue 19 item 4): the provider's chain as the regulation gives it, one norm per step
// (seed 001 п.5: «1) работник канцелярии … в течение 15 (пятнадцати) минут … 2) руководитель …
// накладывает резолюцию … 3) ответственный исполнитель … 4) руководитель … подписывает …
// 5) работник канцелярии … выдает»), each step with its own clock from the end of the one before.
// Where the regulation gives no total term (001: «Общий срок … в Стандарте», which is not in the
// seeds), the sum of the step norms is an indicative term — never presented as the legal one.

export type Step = Variant['steps'][number];

/** A day-based step ends with the working day; the next one starts then. */
const END_OF_DAY = 'T18:00';

/** When a step that starts at `start` is due: minutes on the clock, working days by the calendar. */
export function stepDue(step: Pick<Step, 'duration'>, start: LocalDateTime, calendar: Calendar = kzCalendar): LocalDateTime {
  const due = calendar.deadline(start, { value: step.duration.value, unit: step.duration.unit });
  return due.unit === 'minutes' ? due.due : `${due.due}${END_OF_DAY}`;
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
