import calibrationJson from "../../data/calibration.json";
import { PATHS, monthIndex, simulate, type Run } from "../model";
import { PRESET_BY_ID, presetParams, resolveScenario } from "./presets";

/** How a claim is turned into one number (or month) from a run or the catalog. */
export type Measure =
  | { type: "ratio"; series: string; from: string; to: string }
  | { type: "peakAfter"; series: string; from: string }
  | { type: "yearSumRatio"; series: string; from: number; to: number }
  | { type: "valueAt"; series: string; month: string }
  | { type: "valueAtTimesParam"; series: string; month: string; param: string }
  | { type: "metricMonth"; metric: string }
  | { type: "param"; param: string }
  | { type: "pathStep"; path: string; from: string; to: string };

/** One seed claim as stored in data/calibration.json. */
export interface Claim {
  id: string;
  kind: "target" | "input" | "context";
  preset: string;
  claim: string;
  figure: string;
  source: string;
  measure?: Measure;
  min?: number | string;
  max?: number | string;
  exclusiveMin?: boolean;
  expect?: number[];
  unit?: string;
  tolerance?: string;
  reason?: string;
}

/** A claim checked against the model: claim, target, model value, and whether it is within tolerance. */
export interface CalibrationRow {
  id: string;
  kind: Claim["kind"];
  claim: string;
  figure: string;
  source: string;
  presetId: string;
  /** The target band in words, with units. */
  target: string;
  /** The model's value in words, with units ("—" for context claims). */
  model: string;
  modelValue: number | string | null;
  /** true / false; null for claims the model does not represent. */
  within: boolean | null;
  note: string;
}

/** Every seed claim. */
export const CLAIMS: readonly Claim[] = calibrationJson.claims as Claim[];

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));

function at(run: Run, series: string, month: string): number {
  const s = run.series[series];
  if (!s) throw new Error(`calibration: unknown series ${series}`);
  const t = run.months.indexOf(month);
  if (t < 0) throw new Error(`calibration: month ${month} outside the run`);
  return s[t];
}

/** The model's value for a claim's measure. */
export function measureValue(m: Measure, run: Run, params: Record<string, number>): number | string | null {
  switch (m.type) {
    case "ratio": {
      const a = at(run, m.series, m.from);
      return a > 0 ? at(run, m.series, m.to) / a : null;
    }
    case "peakAfter": {
      const s = run.series[m.series];
      const t0 = run.months.indexOf(m.from);
      let best = s[t0];
      for (let t = t0; t < s.length; t++) best = Math.max(best, s[t]);
      return s[t0] > 0 ? best / s[t0] : null;
    }
    case "yearSumRatio": {
      const s = run.series[m.series];
      let a = 0, b = 0;
      run.months.forEach((mo, t) => {
        if (mo.startsWith(`${m.from}-`)) a += s[t];
        if (mo.startsWith(`${m.to}-`)) b += s[t];
      });
      return a > 0 ? b / a : null;
    }
    case "valueAt":
      return at(run, m.series, m.month);
    case "valueAtTimesParam":
      return at(run, m.series, m.month) * params[m.param];
    case "metricMonth": {
      const v = run.metrics[m.metric];
      return typeof v === "string" ? v : null;
    }
    case "param":
      return params[m.param];
    case "pathStep": {
      const anchors = PATHS[m.path].anchors;
      const valueAtMonth = (mo: string) => {
        let v = anchors[0][1];
        for (const [am, av] of anchors) if (monthIndex(am) <= monthIndex(mo)) v = av;
        return v;
      };
      return `${valueAtMonth(m.from)} → ${valueAtMonth(m.to)}`;
    }
  }
}

/** Whether a claim's measured value lies within its target band (null for context claims). */
export function judge(c: Claim, value: number | string | null): boolean | null {
  if (c.kind === "context") return null;
  if (value === null) return false;
  if (c.expect) return value === c.expect.join(" → ");
  if (typeof value === "string") return typeof c.min === "string" && typeof c.max === "string" && value >= c.min && value <= c.max;
  const lo = c.min as number, hi = c.max as number;
  return (c.exclusiveMin ? value > lo : value >= lo) && value <= hi;
}

function targetText(c: Claim): string {
  if (c.kind === "context") return c.figure;
  if (c.expect) return `${c.expect.join(" → ")} ${c.unit ?? ""}`.trim();
  if (typeof c.min === "string") return `${c.min} to ${c.max}`;
  const lo = c.min as number, hi = c.max as number;
  if (hi >= 100 && c.exclusiveMin) return `> ${fmt(lo)} ${c.unit ?? ""}`.trim();
  return `${fmt(lo)} to ${fmt(hi)} ${c.unit ?? ""}`.trim();
}

/**
 * Checks every seed claim under its own preset (or only the claims of `presetId`), running the
 * model once per preset. Nothing here adjusts the model: a miss is reported as a miss.
 */
export function evaluateCalibration(presetId?: string, runs?: Map<string, Run>): CalibrationRow[] {
  const claims = presetId ? CLAIMS.filter((c) => c.preset === presetId) : CLAIMS;
  const cache = runs ?? new Map<string, Run>();
  return claims.map((c) => {
    if (!PRESET_BY_ID.has(c.preset)) throw new Error(`calibration: claim ${c.id} names unknown preset ${c.preset}`);
    const params = presetParams(c.preset);
    let run = cache.get(c.preset);
    if (!run) {
      run = simulate(resolveScenario({ presetId: c.preset, overrides: {} }));
      cache.set(c.preset, run);
    }
    const value = c.measure ? measureValue(c.measure, run, params) : null;
    const within = judge(c, value);
    const model =
      c.kind === "context" ? "not modelled" : value === null ? (c.measure?.type === "metricMonth" ? "never within the horizon" : "undefined") : typeof value === "number" ? `${fmt(value)} ${c.unit ?? ""}`.trim() : value;
    return {
      id: c.id,
      kind: c.kind,
      claim: c.claim,
      figure: c.figure,
      source: c.source,
      presetId: c.preset,
      target: targetText(c),
      model,
      modelValue: value,
      within,
      note: c.kind === "context" ? (c.reason ?? "") : `tolerance: ${c.tolerance ?? "—"}`,
    };
  });
}
