import { monthIndex, simulate, type Run } from "../model";
import { createSampler, scenarioForDraw } from "../model/sampling";
import { CLAIMS, judge, measureValue, type Claim } from "./calibration";
import { PRESET_BY_ID, resolveScenario } from "./presets";

/** How often one target claim holds when the assumptions are drawn over their bands. */
export interface ClaimPassShare {
  id: string;
  /** Share of draws in which the claim holds, in [0, 1]. */
  passShare: number;
  /** Draws counted. */
  draws: number;
  /** With `drivers`: the assumptions the claim's measured value moves with most across the draws (`claimDrivers`). */
  drivers?: ClaimDriver[];
}

/** An assumption a claim's measured value moves with across the draws. */
export interface ClaimDriver {
  /** Parameter id. */
  id: string;
  /** Spearman rank correlation between the parameter's drawn value and the claim's measured value, in [−1, 1]. */
  rho: number;
}

/** Drivers reported per claim, at most. */
export const MAX_DRIVERS = 3;

/** Options for pass shares: how many draws and the seed; `onProgress` hears (draws done, draws in all). */
export interface PassShareOptions {
  draws: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Claims to check (default: every target claim). */
  claims?: readonly Claim[];
  /** Also name each claim's drivers (`claimDrivers`). */
  drivers?: boolean;
}

/**
 * For each target claim, the share of draws in which it holds: every parameter is drawn over its low–high band
 * (lib/model/sampling, seeded) except the claim's preset's thesis parameters, which keep the preset's values;
 * the claim is then judged exactly as `evaluateCalibration` judges it. Each preset is simulated once per draw,
 * and every preset sees the same draws (common random numbers), so presets differ only by their theses.
 */
export function claimPassShares({ draws, seed, onProgress, claims = CLAIMS.filter((c) => c.kind === "target"), drivers = false }: PassShareOptions): ClaimPassShare[] {
  if (!(Number.isInteger(draws) && draws > 0)) throw new Error(`draws must be a positive integer, got ${draws}`);
  const sampler = createSampler({ seed });
  const byPreset = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.measure) continue;
    if (!PRESET_BY_ID.has(c.preset)) throw new Error(`calibration: claim ${c.id} names unknown preset ${c.preset}`);
    byPreset.set(c.preset, [...(byPreset.get(c.preset) ?? []), c]);
  }
  const passes = new Map<string, number>();
  const found = new Map<string, ClaimDriver[]>();
  const total = draws * byPreset.size;
  let done = 0;
  for (const [presetId, presetClaims] of byPreset) {
    const preset = PRESET_BY_ID.get(presetId)!;
    const base = resolveScenario({ presetId, overrides: {} });
    const fixed = new Set(Object.keys(preset.params));
    // The assumptions drawn under this preset (the thesis parameters are held) and, per draw, their values and each
    // claim's measured value.
    const drawn = sampler.params.filter((p, j) => sampler.distributions[j].varies && !fixed.has(p.id)).map((p) => p.id);
    const x = drivers ? drawn.map(() => new Float64Array(draws)) : [];
    const y = drivers ? presetClaims.map(() => new Float64Array(draws)) : [];
    for (let i = 0; i < draws; i++) {
      const scenario = scenarioForDraw(base, sampler, i, fixed);
      const run: Run = simulate(scenario);
      presetClaims.forEach((c, k) => {
        const v = measureValue(c.measure!, run, scenario.params);
        if (judge(c, v) === true) passes.set(c.id, (passes.get(c.id) ?? 0) + 1);
        if (drivers) y[k][i] = rankable(v);
      });
      if (drivers) drawn.forEach((id, j) => (x[j][i] = scenario.params[id]));
      onProgress?.(++done, total);
    }
    if (drivers) {
      const xr = x.map(ranks);
      presetClaims.forEach((c, k) => found.set(c.id, claimDrivers(drawn, xr, ranks(y[k]))));
    }
  }
  return claims
    .filter((c) => c.measure && byPreset.has(c.preset))
    .map((c) => ({ id: c.id, passShare: (passes.get(c.id) ?? 0) / draws, draws, ...(drivers ? { drivers: found.get(c.id) ?? [] } : {}) }));
}

/**
 * A measured value as a number to rank: a month as its index, a value the run could not give (a ratio from zero, a
 * shortage that never clears) after every other, as one tie.
 */
function rankable(v: number | string | null): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : Infinity;
  if (typeof v === "string" && /^\d{4}-\d{2}$/.test(v)) return monthIndex(v);
  return Infinity;
}

/** Ranks 1 … n of the values, ties given their average rank (Infinity is a value like any other). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && !(values[order[j + 1]] > values[order[i]])) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Pearson correlation of two rank vectors (Spearman's ρ); 0 when either does not vary. */
export function rankCorrelation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * The assumptions a claim's measured value moves with most: Spearman's ρ between each drawn assumption and the
 * value over the draws, the others drawn too (a global measure, unlike the tornado's one-at-a-time swings). Only
 * those whose |ρ| exceeds three standard errors of a ρ of zero (3 / √(n − 1)) are named, at most MAX_DRIVERS, the
 * largest |ρ| first, so a small sample does not name noise.
 */
export function claimDrivers(ids: readonly string[], paramRanks: readonly Float64Array[], valueRanks: Float64Array): ClaimDriver[] {
  const n = valueRanks.length;
  if (n < 3) return [];
  const floor = 3 / Math.sqrt(n - 1);
  return ids
    .map((id, j) => ({ id, rho: rankCorrelation(paramRanks[j], valueRanks) }))
    .filter((d) => Math.abs(d.rho) > floor)
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_DRIVERS);
}
