/**
 * Chooses the defaults of a few assumption parameters, each within its documented low/high range,
 * to bring the model closest to the seed claims (data/calibration.json). Coordinate search on a
 * grid; prints the chosen values and the loss, and writes them with `--write`.
 * Sourced parameters are never moved. Tolerances are never read from here: the claims' bands are
 * fixed in data/calibration.json.
 *
 *   npx tsx scripts/fit-assumptions.ts [--write]
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CLAIMS, measureValue } from "../lib/scenario/calibration";
import { PARAMS, PARAM_BY_ID, simulate, monthIndex } from "../lib/model";
import { PRESET_BY_ID } from "../lib/scenario/presets";
import { withFitNote } from "./fitNote";

/** The parameters the search may move: assumptions only. */
export const FITTED = [
  "dramInventoryPriceResponse", "nandInventoryPriceResponse", "priceAdjustPerMonth", "consumerElasticity", "memoryHoardingResponse",
  "memoryInventoryWeeksNormal", "memoryUtilizationSpeed", "gpuNandTBPerAccelerator", "cpuNandTBPerServer", "cpuServerKW", "inferencePriority",
  "cpuDramGBPerServer", "gpDramGBPerServer", "warmPoolFactor", "trainingGrowthPerYear", "trainingSaturationMH100e", "rlShare2028",
  "tokensPerSecondPerH100e", "softwareGainCeiling", "softwareGainMonths", "inducedResponse", "powerLeadMonths", "hbmLeadMonths",
  "consumerDramStartMGB", "tokenPriceStart", "agentSaturationM", "chatSaturationT",
  "verifierRampEndMonths", "tokenDemandElasticity", "powerOrderSlack", "gpuShortageStart", "scarcityElasticity",
  "consumerDramGrowthPerYear", "memoryMinInventoryWeeks", "gpServerPriceElasticity", "systemCostMultiple",
];

function loss(defaults: Record<string, number>): { loss: number; misses: string[] } {
  const runs = new Map<string, ReturnType<typeof simulate>>();
  let total = 0;
  const misses: string[] = [];
  for (const c of CLAIMS) {
    if (c.kind !== "target" || !c.measure) continue;
    const preset = PRESET_BY_ID.get(c.preset)!;
    const params = { ...defaults, ...preset.params };
    let run = runs.get(c.preset);
    if (!run) runs.set(c.preset, (run = simulate({ params, policy: preset.policy })));
    const v = measureValue(c.measure, run, params);
    // Distance from the middle of the claim's band, in band widths (log scale for ratios): a fit that
    // lands mid-band keeps the claim when an assumption moves. Outside the band it counts double.
    let d = 0, outside = false;
    if (typeof c.min === "string") {
      const m = typeof v === "string" ? monthIndex(v) : monthIndex("2033-12");
      const lo = monthIndex(c.min), hi = monthIndex(c.max as string);
      d = Math.abs(m - (lo + hi) / 2) / Math.max(1, hi - lo);
      outside = m < lo || m > hi;
    } else if (typeof v === "number") {
      const f = (x: number) => Math.log(Math.max(x, 1e-6));
      const lo = f(Math.max(c.min as number, 1e-6)), hi = f(Math.min(c.max as number, (c.min as number) * 100 + 1e-6));
      const x = f(v);
      // One-sided claims ("above 1", "below 0.01") are met anywhere inside; two-sided ones aim mid-band.
      const oneSided = (c.min as number) <= 0 || (c.max as number) / (c.min as number) > 20;
      d = oneSided ? 0 : Math.abs(x - (lo + hi) / 2) / Math.max(1e-6, hi - lo);
      outside = v < (c.min as number) || v > (c.max as number) || (!!c.exclusiveMin && v <= (c.min as number));
    } else {
      d = 1;
      outside = true;
    }
    if (outside) d = 2 * d + 1;
    if (outside) misses.push(c.id);
    total += d;
  }
  return { loss: total, misses };
}

const current: Record<string, number> = Object.fromEntries(PARAMS.map((p) => [p.id, p.default]));
// Start from values inside the searched range (the inner 80% of each band), on the slider's step.
for (const id of FITTED) {
  const spec = PARAM_BY_ID.get(id)!;
  const lo = spec.low + 0.1 * (spec.high - spec.low), hi = spec.high - 0.1 * (spec.high - spec.low);
  let v = Math.min(Math.max(current[id], lo), hi);
  v = Math.round(v / spec.step) * spec.step;
  while (v > hi + 1e-12) v -= spec.step;
  while (v < lo - 1e-12) v += spec.step;
  current[id] = Number(v.toFixed(6));
}
let best = loss(current);
console.log(`start: loss ${best.loss.toFixed(4)}, misses: ${best.misses.join(", ") || "none"}`);
for (let round = 0; round < 6; round++) {
  let improved = false;
  for (const id of FITTED) {
    const spec = PARAM_BY_ID.get(id)!;
    if (spec.provenance.kind !== "assumption") throw new Error(`${id} is sourced; it must not be fitted`);
    // Search the inner 80% of the band: a fitted value never sits on an edge.
    const steps = 8, lo = spec.low + 0.1 * (spec.high - spec.low), hi = spec.high - 0.1 * (spec.high - spec.low);
    for (let k = 0; k <= steps; k++) {
      const raw = lo + ((hi - lo) * k) / steps;
      let v = Math.round(raw / spec.step) * spec.step;
      // Rounding to the slider step must not carry a value out of the searched range.
      while (v > hi + 1e-12) v -= spec.step;
      while (v < lo - 1e-12) v += spec.step;
      if (v > hi + 1e-12) continue;
      const trial = { ...current, [id]: Number(v.toFixed(6)) };
      const l = loss(trial);
      if (l.loss < best.loss - 1e-9) {
        best = l;
        current[id] = trial[id];
        improved = true;
      }
    }
  }
  console.log(`round ${round + 1}: loss ${best.loss.toFixed(4)}, misses: ${best.misses.join(", ") || "none"}`);
  if (!improved) break;
}
for (const id of FITTED) console.log(`  ${id} = ${current[id]} (range ${PARAM_BY_ID.get(id)!.low}–${PARAM_BY_ID.get(id)!.high})`);

if (process.argv.includes("--write")) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "../data/parameters.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const p of json.parameters) {
    if (!FITTED.includes(p.id)) continue;
    p.default = current[p.id];
    p.provenance.reasoning = withFitNote(p);
  }
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
  console.log("wrote data/parameters.json");
}
