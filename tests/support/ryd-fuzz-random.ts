/**
 * A small seeded pseudo-random generator (mulberry32) so that a fuzz run is
 * reproducible from its printed seed.
 */
export type Random = {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A string of `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));

  return {
    seed,
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');

      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability) => next() < probability,
    string(alphabet, length) {
      const chars = [...alphabet];
      let out = '';
      for (let i = 0; i < length; i += 1)
        out += chars[int(0, chars.length - 1)];

      return out;
    },
  };
}
