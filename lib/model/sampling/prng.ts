import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/** A seeded stream of uniform numbers in the open interval (0, 1). */
export interface UniformStream {
  /** The next uniform in (0, 1): never exactly 0 or 1, so inverse CDFs stay finite. */
  next(): number;
  /** A uniform integer in [0, n). */
  nextInt(n: number): number;
}

/** The largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** Whether a value is a valid seed (an integer in 0..2^32−1). */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

// MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The stream for (seed, a, b): a xoroshiro128+ generator (pure-rand) whose 128-bit state is derived from the
 * three keys by bijective mixing, so distinct keys give distinct, decorrelated streams. A stream depends on its
 * keys only, never on how many other streams were made before it: this is what makes draws shard-independent.
 */
export function uniformStream(seed: number, a: number, b: number): UniformStream {
  if (!isValidSeed(seed)) throw new Error(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  const s0 = fmix32((seed | 0) ^ 0x9e3779b9);
  const s1 = fmix32(fmix32((a | 0) + 0x7f4a7c15) ^ s0);
  const s2 = fmix32(((b | 0) ^ 0x165667b1) + s1);
  const s3 = fmix32(s0 ^ s2 ^ 0x27d4eb2f) | 1; // never an all-zero state
  const rng: RandomGenerator = xoroshiro128plusFromState([s0, s1, s2, s3]);
  for (let k = 0; k < 8; k++) rng.next(); // let the mixed state diffuse
  return {
    next: () => {
      // uniformFloat64 is a multiple of 2^-53 in [0, 1); the half-step offset keeps it inside (0, 1).
      return uniformFloat64(rng) + 2 ** -54;
    },
    nextInt: (n: number) => Math.floor((uniformFloat64(rng)) * n),
  };
}
