import { simulate, type Run } from "../model";
import { createSampler, scenarioForDraw } from "../model/sampling";
import { CLAIMS, judge, measureValue, type Claim } from "./calibration";
import { PRESET_BY_ID, resolveScenario } from "./presets";
import { claimDrivers, rankable, ranks, type ClaimDriver } from "./drivers";

export type { ClaimDriver } from "./drivers";

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
