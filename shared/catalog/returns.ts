import type { Variant } from './schema';

// The norm within which the provider may return a defective package to the centre (возврат на
// доработку), per regulation. Only seed 004 gives one: each of its three regulations' Прил.1 Табл.2
// (the ЦОН process), action 8 of the provider: «Орталықтан түскен құжаттарды ресімдеуде қателерді
// анықтаған жағдайда үш жұмыс күн ішінде қайтару себептерін негіздеумен орталыққа қайтарады».
// Seeds 000, 001, 002 and 003 name no return norm (000's Табл.2 is cut off in the source): a return
// there has no deadline, and the screen says the regulation gives none — no norm is borrowed.

export interface ReturnNorm {
  value: number;
  unit: 'workingDays';
  /** Where the seed says it, and its words. */
  cite: string;
}

const NORMS: Readonly<Record<string, ReturnNorm>> = {
  '004': {
    value: 3,
    unit: 'workingDays',
    cite: '004 Рег.1–3, Прил.1 Табл.2 д.8: «…қателерді анықтаған жағдайда үш жұмыс күн ішінде қайтару себептерін негіздеумен орталыққа қайтарады»',
  },
};

/** The variant's own return norm, or null where its regulation gives none. */
export function returnNorm(variant: Pick<Variant, 'seed'>): ReturnNorm | null {
  return NORMS[variant.seed.slice(0, 3)] ?? null;
}

/**
 * The norm within which the centre tells the applicant of a notice, per regulation and notice
 * kind. Only 004 gives one, for a return — Прил.1 Табл.2 д.9 of the ЦОН operator: «бір жұмыс күні
 * ішінде мемлекеттік қызмет алушыны хабарландырады және қайтару себебі туралы уәкілетті органның
 * жазбаша негіздемесін береді». For every other kind and regulation: null, «регламент не
 * устанавливает срок» — no norm is borrowed.
 */
export function tellNorm(variant: Pick<Variant, 'seed'>, kind: string): { value: number; unit: 'workingDays'; cite: string } | null {
  if (variant.seed.slice(0, 3) !== '004' || kind !== 'returned') return null;
  return { value: 1, unit: 'workingDays', cite: '004 Рег.1–3, Прил.1 Табл.2 д.9: «бір жұмыс күні ішінде мемлекеттік қызмет алушыны хабарландырады»' };
}
