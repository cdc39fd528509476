import type { Variant } from './schema';

// Reach (охват): which regulation is in force in which district. The one table: the counter's
// picker and intake (electron/core/intake), the supervisor's reach screen and the emulator's portal
// (gateway/portal.ts, which routes a citizen's request only where the variant's regulation applies).

/**
 * The regulation in force where a centre works or a citizen lives: the emulator's district codes
 * against the seed each regulation comes from (the catalog's `region` names the same places in words).
 */
export const DISTRICT_SEEDS: Readonly<Record<string, string>> = {
  kokpekty: '003', // Кокпектинский район ВКО
  'zhambyl-sko': '000', // Жамбылский район СКО
  'm-zhumabaev': '004', // район Магжана Жумабаева СКО
  uralsk: '001', // Западно-Казахстанская область
  karaganda: '002', // г. Караганда: seed 002 п.1 names the education departments of every city and district of Карагандинская область
};

/** Whether the variant's regulation is the one in force in the district. */
export function appliesIn(variant: Pick<Variant, 'seed'>, district: string): boolean {
  const seed = DISTRICT_SEEDS[district];
  return seed !== undefined && variant.seed.startsWith(seed);
}

/** Whether some regulation in force in the district takes requests in at mobile centres (000 п.1, 004 §1). */
export function mobileCentreAllowed(variants: ReadonlyArray<Pick<Variant, 'seed' | 'channels'>>, district: string): boolean {
  return variants.some((variant) => appliesIn(variant, district) && variant.channels.some((channel) => channel.kind === 'mobileCentre'));
}
