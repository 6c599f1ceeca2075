import type { Scenario } from "../types";
import { createSampler, type Sampler } from "./design";

/** What to draw: how many, from which seed, from which draw index, and which parameters stay at the base value. */
export interface DrawOptions {
  n: number;
  seed: number;
  /** Index of the first draw (default 0): draws first … first + n − 1, the same as in any other run with this seed. */
  first?: number;
  /** Parameters kept at the base scenario's value in every draw (the others are sampled over their bands). */
  fixed?: ReadonlySet<string>;
  /** A sampler to reuse (it must have the same seed). */
  sampler?: Sampler;
}

/**
 * Draw i as a scenario: the base with every sampled, non-fixed parameter replaced by its drawn value. A parameter
 * whose band has no width (the horizon) is not an uncertainty and keeps the base value too.
 */
export function scenarioForDraw(base: Scenario, sampler: Sampler, i: number, fixed: ReadonlySet<string> = new Set()): Scenario {
  const values = sampler.draw(i);
  const params = { ...base.params };
  sampler.params.forEach((p, j) => {
    if (!fixed.has(p.id) && sampler.distributions[j].varies) params[p.id] = values[j];
  });
  return { ...base, params };
}

/** Scenarios drawn around a base: one per draw index, the sample covering every parameter not held fixed. */
export function* iterateScenarios(base: Scenario, opts: DrawOptions): Generator<Scenario> {
  const { n, seed, first = 0, fixed = new Set<string>() } = opts;
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`sampling: n must be a non-negative integer, got ${n}`);
  if (!(Number.isInteger(first) && first >= 0)) throw new Error(`sampling: first must be a non-negative integer, got ${first}`);
  const sampler = opts.sampler ?? createSampler({ seed });
  if (sampler.seed !== seed) throw new Error("sampling: the sampler was made with another seed");
  for (let i = first; i < first + n; i++) yield scenarioForDraw(base, sampler, i, fixed);
}

/** The same draws as iterateScenarios, as an array. */
export function drawScenarios(base: Scenario, opts: DrawOptions): Scenario[] {
  return [...iterateScenarios(base, opts)];
}
