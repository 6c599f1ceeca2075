import { simulate, type Run } from "../model";
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
}

/** Options for pass shares: how many draws and the seed; `onProgress` hears (draws done, draws in all). */
export interface PassShareOptions {
  draws: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Claims to check (default: every target claim). */
  claims?: readonly Claim[];
}

/**
 * For each target claim, the share of draws in which it holds: every parameter is drawn over its low–high band
 * (lib/model/sampling, seeded) except the claim's preset's thesis parameters, which keep the preset's values;
 * the claim is then judged exactly as `evaluateCalibration` judges it. Each preset is simulated once per draw,
 * and every preset sees the same draws (common random numbers), so presets differ only by their theses.
 */
export function claimPassShares({ draws, seed, onProgress, claims = CLAIMS.filter((c) => c.kind === "target") }: PassShareOptions): ClaimPassShare[] {
  if (!(Number.isInteger(draws) && draws > 0)) throw new Error(`draws must be a positive integer, got ${draws}`);
  const sampler = createSampler({ seed });
  const byPreset = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.measure) continue;
    if (!PRESET_BY_ID.has(c.preset)) throw new Error(`calibration: claim ${c.id} names unknown preset ${c.preset}`);
    byPreset.set(c.preset, [...(byPreset.get(c.preset) ?? []), c]);
  }
  const passes = new Map<string, number>();
  const total = draws * byPreset.size;
  let done = 0;
  for (const [presetId, presetClaims] of byPreset) {
    const preset = PRESET_BY_ID.get(presetId)!;
    const base = resolveScenario({ presetId, overrides: {} });
    const fixed = new Set(Object.keys(preset.params));
    for (let i = 0; i < draws; i++) {
      const scenario = scenarioForDraw(base, sampler, i, fixed);
      const run: Run = simulate(scenario);
      for (const c of presetClaims) if (judge(c, measureValue(c.measure!, run, scenario.params)) === true) passes.set(c.id, (passes.get(c.id) ?? 0) + 1);
      onProgress?.(++done, total);
    }
  }
  return claims.filter((c) => c.measure && byPreset.has(c.preset)).map((c) => ({ id: c.id, passShare: (passes.get(c.id) ?? 0) / draws, draws }));
}
