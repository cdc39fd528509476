import { describe, expect, it } from 'vitest';
import { createCatalog } from './catalog';
import type { Variant } from './schema';
import { centreClocks, centreSteps, receiptTerm, stepClock, type CentreMarks } from './steps';

// The centre's (ЦОН) step norms per variant as the seeds give them, and the clocks made of them.

const variants = createCatalog().services.flatMap((service) => service.variants);
const variant = (id: string): Variant => variants.find((candidate) => candidate.id === id)!;
/** [paragraph, minutes, phase, branch] of each centre step. */
const norms = (id: string) => centreSteps(variant(id)).map((step) => [step.cite[0]!.paragraph, step.duration.value, step.phase, step.only ?? null]);

describe('centre step norms in the catalog', () => {
  it('001 Z-A (Рег.1, 3, 9): п.9 пп.1–7 5+2+2+2+2+1+1 minutes to accept, п.10 пп.1–4 5+5+3+2 to issue', () => {
    for (const n of [1, 3, 9]) {
      expect(norms(`001-r${n}`)).toEqual([
        [`Рег.${n} п.9 пп.1`, 5, 'intake', null],
        [`Рег.${n} п.9 пп.2`, 2, 'intake', null],
        [`Рег.${n} п.9 пп.3`, 2, 'intake', null],
        [`Рег.${n} п.9 пп.4`, 2, 'intake', null],
        [`Рег.${n} п.9 пп.5`, 2, 'intake', null],
        [`Рег.${n} п.9 пп.6`, 1, 'intake', 'noRegistryData'],
        [`Рег.${n} п.9 пп.7`, 1, 'intake', null],
        [`Рег.${n} п.10 пп.1`, 5, 'registration', null],
        [`Рег.${n} п.10 пп.2`, 5, 'check', null],
        [`Рег.${n} п.10 пп.3`, 3, 'check', 'returned'],
        [`Рег.${n} п.10 пп.4`, 2, 'handover', null],
      ]);
    }
    // Рег.1 prints пп.6 twice (lines 141 and 143): counted once, пп.7 on line 145.
    expect(centreSteps(variant('001-r1')).map((step) => step.cite[0]!.line)).toEqual([131, 133, 135, 137, 139, 141, 145, 151, 153, 155, 157]);
  });

  it('001 Z-B (Рег.5, 11): 2+1+1+1+1+1+1 and 1+2+2+2, quoting «1-й минут» where the text has it', () => {
    for (const n of [5, 11]) expect(norms(`001-r${n}`).map(([, minutes]) => minutes)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]);
    expect(centreSteps(variant('001-r11'))[2]!.cite[0]).toMatchObject({ line: 1281, quote: 'в течение 1-й минут' });
    expect(centreSteps(variant('001-r5'))[7]!.cite[0]).toMatchObject({ line: 618, quote: 'в течение 1-й минут' });
  });

  it('the counter sums of 001 are the sums of its steps (п.9: 15 and 8 minutes, п.10: 15 and 7)', () => {
    const counter = (id: string) => variant(id).channels.find((channel) => channel.kind === 'centre')!.counter!;
    expect([counter('001-r1').maxService!.minutes, counter('001-r1').issue!.minutes]).toEqual([15, 15]);
    expect([counter('001-r5').maxService!.minutes, counter('001-r5').issue!.minutes]).toEqual([8, 7]);
  });

  it('000 Прил.1 Табл.2 д.1–6 as printed: 20 min, 30 s, 1.5 min, 1.5 min (no data), 30 s – 1 min (its upper bound), 1 min; д.7 is cut off', () => {
    expect(norms('000')).toEqual([
      ['Прил.1 Табл.2 д.1', 20, 'intake', null],
      ['Прил.1 Табл.2 д.2', 0.5, 'intake', null],
      ['Прил.1 Табл.2 д.3', 1.5, 'intake', null],
      ['Прил.1 Табл.2 д.4', 1.5, 'intake', 'noRegistryData'],
      ['Прил.1 Табл.2 д.5', 1, 'intake', null],
      ['Прил.1 Табл.2 д.6', 1, 'intake', null],
    ]);
  });

  it('002 п.10 пп.2: the ХҚО processes the request in 5 minutes at most; regulations without a centre channel have no centre steps', () => {
    expect(norms('002')).toEqual([['п.10 пп.2', 5, 'intake', null]]);
    expect(centreSteps(variant('001-r2'))).toEqual([]);
    expect(centreSteps(variant('001-r13'))).toEqual([]);
  });
});

describe('centre clocks', () => {
  const none: CentreMarks = { started: {}, ended: {}, noRegistryData: false, returned: false };

  it('clocks intake at 001 Рег.1 against п.9 without the no-data branch: due 14 minutes after the call', () => {
    const [intake, ...rest] = centreClocks(centreSteps(variant('001-r1')), { ...none, started: { intake: '2026-03-02T10:00' } }, '2026-03-02T10:10');
    expect(intake).toMatchObject({ phase: 'intake', norm: { value: 14, unit: 'minutes' }, startedAt: '2026-03-02T10:00', due: '2026-03-02T10:14', doneAt: null, status: 'running' });
    expect(intake!.parts.map((part) => part.paragraph)).not.toContain('Рег.1 п.9 пп.6');
    expect(rest.map((clock) => [clock.phase, clock.norm.value, clock.status])).toEqual([
      ['registration', 5, 'pending'],
      ['check', 5, 'pending'],
      ['handover', 2, 'pending'],
    ]);
  });

  it('counts the branches that ran: a person typed by hand (п.9 пп.6) and a package returned (п.10 пп.3)', () => {
    const clocks = centreClocks(centreSteps(variant('001-r1')), { ...none, noRegistryData: true, returned: true }, '2026-03-02T10:00');
    expect(clocks.map((clock) => clock.norm.value)).toEqual([15, 5, 8, 2]);
  });

  it('is overdue past the norm, late when it ended after it, done within it', () => {
    const steps = centreSteps(variant('001-r5'));
    const started = { intake: '2026-03-02T10:00', registration: '2026-03-02T10:07', check: '2026-03-02T10:30' };
    const clocks = centreClocks(steps, { ...none, started, ended: { intake: '2026-03-02T10:07', registration: '2026-03-02T10:30' } }, '2026-03-02T10:40');
    expect(clocks.map((clock) => [clock.phase, clock.due, clock.status])).toEqual([
      ['intake', '2026-03-02T10:07', 'done'],
      ['registration', '2026-03-02T10:08', 'late'],
      ['check', '2026-03-02T10:32', 'overdue'],
      // The applicant's coming back is not recorded: handing over has no clock until it is done.
      ['handover', null, 'pending'],
    ]);
  });

  it('clocks 000 to the minute: 24 minutes of printed norms run into a 24-minute due, 25.5 with the no-data branch into 26', () => {
    const steps = centreSteps(variant('000'));
    expect(centreClocks(steps, { ...none, started: { intake: '2026-03-02T10:00' } }, '2026-03-02T10:00')[0]).toMatchObject({ norm: { value: 24 }, due: '2026-03-02T10:24' });
    expect(centreClocks(steps, { ...none, started: { intake: '2026-03-02T10:00' }, noRegistryData: true }, '2026-03-02T10:00')[0]).toMatchObject({ norm: { value: 25.5 }, due: '2026-03-02T10:26' });
  });

  it('shares the step clock with the provider side: working days end with the working day', () => {
    expect(stepClock({ duration: { value: 1, unit: 'workingDays' } }, '2026-03-02T10:00', null, '2026-03-03T18:01')).toEqual({ due: '2026-03-03T18:00', status: 'overdue' });
    expect(stepClock({ duration: { value: 5, unit: 'minutes' } }, null, '2026-03-03T10:00', '2026-03-03T18:01')).toEqual({ due: null, status: 'done' });
  });

  it('leaves the receipt’s indicative term to the provider’s chain: 001 Рег.1 at the centre, 4 working days 45 minutes', () => {
    expect(receiptTerm(variant('001-r1'), 'centre', '2026-03-02T10:00')).toEqual({ due: '2026-03-06', indicative: true });
  });
});
