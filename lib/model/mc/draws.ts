import { PARAMS } from "../catalog";
import type { Scenario } from "../types";

/** Options of a set of draws: how many, the seed, and the parameter ids kept at the base scenario's values. */
export interface DrawOptions {
  n: number;
  seed: number;
  fixed: readonly string[];
}

// A small seeded generator (mulberry32) until the catalog's own distributions are wired in.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` seeded scenarios: each parameter not in `fixed` drawn uniformly over its low–high band. */
export function drawScenarios(base: Scenario, opts: DrawOptions): Scenario[] {
  const rand = mulberry32(opts.seed);
  const fixed = new Set(opts.fixed);
  const out: Scenario[] = [];
  for (let i = 0; i < opts.n; i++) {
    const params = { ...base.params };
    for (const p of PARAMS) {
      const u = rand();
      if (!fixed.has(p.id)) params[p.id] = p.low + (p.high - p.low) * u;
    }
    out.push({ ...base, params });
  }
  return out;
}
