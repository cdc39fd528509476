/** mulberry32: a small seeded PRNG, so every fresh emulator database holds the same persons. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Pick {
  (): number;
  int(min: number, max: number): number;
  one<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function picker(seed: number): Pick {
  const next = seededRandom(seed);
  const pick = (() => next()) as Pick;
  pick.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  pick.one = (items) => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('picker.one: empty list');
    return item;
  };
  pick.chance = (probability) => next() < probability;
  return pick;
}
