import { PARAMS, type ParamSpec } from "../catalog";
import { CORRELATION_PAIRS, correlationTarget, type CorrelationPair } from "./correlations";
import { paramDistribution, type ParamDistribution } from "./distributions";
import { imanConover, shuffle } from "./imanConover";
import { uniformStream } from "./prng";

/**
 * Draws per block. Draws are made in fixed blocks of this many: block b holds draws b·BLOCK_SIZE to
 * (b+1)·BLOCK_SIZE − 1, each block a Latin hypercube whose rank correlations are imposed by Iman–Conover
 * within the block. A block depends only on (seed, b), so draw i is the same whatever the run's size or shard.
 */
export const BLOCK_SIZE = 256;

/** Blocks a sampler keeps (about 250 KB each over the catalog). */
const CACHED_BLOCKS = 4;

// Key of the Iman–Conover stream of a block (parameter streams are keyed by a hash of the id).
const IC_STREAM_KEY = 0x7fffffff;

/** FNV-1a hash of a string to 32 bits: the stream key of a parameter, stable when the catalog gains others. */
export function idKey(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A seeded sampler over the catalog: parameter values of any draw, block by block. */
export interface Sampler {
  seed: number;
  /** The sampled parameters, in catalog order. */
  params: readonly ParamSpec[];
  distributions: readonly ParamDistribution[];
  /** Draw i's values, one per entry of `params`. */
  draw(i: number): Float64Array;
}

/** Options for a sampler: the seed, and (for tests) another catalog or correlation list. */
export interface SamplerOptions {
  seed: number;
  params?: readonly ParamSpec[];
  pairs?: readonly CorrelationPair[];
}

/** A sampler: Latin-hypercube draws per block, with the declared rank correlations imposed by Iman–Conover. */
export function createSampler({ seed, params = PARAMS, pairs = CORRELATION_PAIRS }: SamplerOptions): Sampler {
  const distributions = params.map(paramDistribution);
  const keys = params.map((p) => idKey(p.id));
  if (new Set(keys).size !== keys.length || keys.includes(IC_STREAM_KEY)) throw new Error("sampling: two parameter ids hash to the same stream key; rename one");
  uniformStream(seed, 0, 0); // validates the seed now, with a clear message
  const target = correlationTarget(pairs);
  const correlated = target.ids.map((id) => params.findIndex((p) => p.id === id));
  if (correlated.includes(-1)) throw new Error("sampling: a correlated parameter is not in the sampled catalog");
  // The last few blocks drawn (a restarted job starts again at block 0 while a long one may be far along).
  const blocks = new Map<number, Float64Array[]>();

  function block(b: number): Float64Array[] {
    const cols: Float64Array[] = distributions.map((d, j) => {
      const col = new Float64Array(BLOCK_SIZE);
      if (!d.varies) return col.fill(d.quantile(0.5));
      const stream = uniformStream(seed, b, keys[j]);
      const strata = new Int32Array(BLOCK_SIZE);
      for (let r = 0; r < BLOCK_SIZE; r++) strata[r] = r;
      shuffle(strata, stream);
      for (let r = 0; r < BLOCK_SIZE; r++) col[r] = d.quantile((strata[r] + stream.next()) / BLOCK_SIZE);
      return col;
    });
    if (correlated.length >= 2) {
      const reordered = imanConover(correlated.map((j) => cols[j]), BLOCK_SIZE, target.scoreFactor, uniformStream(seed, b, IC_STREAM_KEY));
      correlated.forEach((j, c) => (cols[j] = reordered[c]));
    }
    return cols;
  }

  return {
    seed,
    params,
    distributions,
    draw(i: number): Float64Array {
      if (!(Number.isInteger(i) && i >= 0)) throw new Error(`sampling: draw index must be a non-negative integer, got ${i}`);
      const b = Math.floor(i / BLOCK_SIZE);
      let cached = blocks.get(b);
      if (!cached) {
        cached = block(b);
        if (blocks.size >= CACHED_BLOCKS) blocks.delete(blocks.keys().next().value as number);
        blocks.set(b, cached);
      }
      const r = i - b * BLOCK_SIZE;
      const out = new Float64Array(cached.length);
      for (let j = 0; j < cached.length; j++) out[j] = cached[j][r];
      return out;
    },
  };
}
