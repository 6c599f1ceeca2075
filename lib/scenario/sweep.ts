import { PARAM_BY_ID, monthIndex, monthLabel, simulate, type MetricValue, type Run, type Scenario } from "../model";
import {
  DEFAULT_RELATIVE_ACCURACY,
  ExactQuantiles,
  FAN_PROBS,
  SeriesQuantiles,
  chartedSeriesIds,
  createSampler,
  scenarioForDraw,
  type ExactQuantilesState,
  type SeriesQuantilesState,
} from "../model/sampling";

/** One grid axis: a parameter stepped evenly from lo to hi in `steps` values. */
export interface GridAxis {
  id: string;
  lo: number;
  hi: number;
  steps: number;
}

/** What a sweep runs: a base scenario and either a seeded Monte Carlo or a grid, over n draws in all. */
export interface SweepSpec {
  preset: string;
  policy: string;
  /** Parameters set away from the preset (held fixed in a Monte Carlo). */
  set: Record<string, number>;
  mode: "montecarlo" | "grid";
  /** Monte Carlo: draws in all; grid: the product of the axes' steps. */
  n: number;
  /** Monte Carlo seed (null for a grid). */
  seed: number | null;
  /** Parameters held at the base value (Monte Carlo). */
  fixed: string[];
  grid: GridAxis[];
}

/** Which part of a sweep a file holds: shard `index` of `count`, draws [from, to). */
export interface ShardInfo {
  index: number;
  count: number;
  from: number;
  to: number;
}

/** The quantiles of one headline metric over the draws. */
export interface MetricSummary {
  unit: "value" | "month";
  /** Quantile → value (a "month" metric gives "YYYY-MM", "start" or "after YYYY-MM"). */
  quantiles: Record<string, number | string | null>;
  draws: number;
}

/** A sweep's result file (chokepoint.sweep/1): quantiles of series and metrics, and the state to merge shards. */
export interface SweepResult {
  schema: "chokepoint.sweep/1";
  spec: SweepSpec;
  shard: ShardInfo;
  months: string[];
  runs: number;
  probs: number[];
  /** Relative error bound of the series quantiles (the sketch's α); metric quantiles are exact. */
  seriesRelativeAccuracy: number;
  /** Series id → quantile label ("p5"…) → one value per month. */
  series: Record<string, Record<string, number[]>>;
  metrics: Record<string, MetricSummary>;
  /** Everything `merge` needs. */
  state: { metricIds: string[]; metricUnits: ("value" | "month")[]; series: SeriesQuantilesState; metrics: ExactQuantilesState };
}

/** One draw's audit record: its index, the inputs it changed, and its headline metrics. */
export interface SampleRecord {
  draw: number;
  inputs: Record<string, number>;
  metrics: Record<string, number>;
}

const MONTH_METRIC = /^(clearsAt|firstShortAt)\./;

/** Headline metrics kept per draw: numbers, peaks (their value) and months (as months since the start). */
export function headlineMetricIds(run: Run): { ids: string[]; units: ("value" | "month")[] } {
  const ids: string[] = [];
  const units: ("value" | "month")[] = [];
  for (const [id, v] of Object.entries(run.metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const unit = MONTH_METRIC.test(id) ? "month" : typeof v === "number" || (v !== null && typeof v === "object") ? "value" : null;
    if (unit) {
      ids.push(id);
      units.push(unit);
    }
  }
  return { ids, units };
}

/**
 * A metric as one number: a value; a peak's value; a month as months since the start, where "no shortage"
 * clears at 0 and a date beyond the horizon (or never) is the month after the last.
 */
export function metricNumber(id: string, v: MetricValue, run: Run): number {
  if (MONTH_METRIC.test(id)) {
    if (typeof v === "string") return monthIndex(v, run.months[0]);
    if (id.startsWith("clearsAt.") && run.metrics[`shortageStatus.${id.slice(9)}`] === "none") return 0;
    return run.months.length;
  }
  if (typeof v === "number") return v;
  if (v !== null && typeof v === "object") return v.value;
  return NaN;
}

/** Grid values of one axis. */
export function axisValues(a: GridAxis): number[] {
  return Array.from({ length: a.steps }, (_, k) => (a.steps === 1 ? a.lo : a.lo + ((a.hi - a.lo) * k) / (a.steps - 1)));
}

/** Draws [from, to) of shard `index` of `count` over n draws: contiguous, sizes differing by at most one. */
export function shardRange(n: number, index: number, count: number): { from: number; to: number } {
  return { from: Math.floor((index * n) / count), to: Math.floor(((index + 1) * n) / count) };
}

/** The scenario of draw i of a sweep, and the inputs it changed. */
export type DrawMaker = (i: number) => { scenario: Scenario; inputs: Record<string, number> };

/** How a sweep's draws are made from its base scenario. */
export function drawMaker(spec: SweepSpec, base: Scenario, presetParams: readonly string[]): DrawMaker {
  if (spec.mode === "grid") {
    const values = spec.grid.map(axisValues);
    return (i) => {
      const params = { ...base.params };
      const inputs: Record<string, number> = {};
      let rest = i;
      // Mixed radix, last axis fastest.
      for (let a = spec.grid.length - 1; a >= 0; a--) {
        const k = rest % spec.grid[a].steps;
        rest = Math.floor(rest / spec.grid[a].steps);
        params[spec.grid[a].id] = inputs[spec.grid[a].id] = values[a][k];
      }
      return { scenario: { ...base, params }, inputs };
    };
  }
  const sampler = createSampler({ seed: spec.seed! });
  const fixed = new Set([...presetParams, ...Object.keys(spec.set), ...spec.fixed]);
  const sampled = sampler.params.filter((p) => !fixed.has(p.id) && p.high > p.low).map((p) => p.id);
  return (i) => {
    const scenario = scenarioForDraw(base, sampler, i, fixed);
    return { scenario, inputs: Object.fromEntries(sampled.map((id) => [id, scenario.params[id]])) };
  };
}

/** Accumulated state of a sweep (or a shard of it). */
export interface SweepState {
  spec: SweepSpec;
  shard: ShardInfo;
  months: string[];
  metricIds: string[];
  metricUnits: ("value" | "month")[];
  series: SeriesQuantiles;
  metrics: ExactQuantiles;
}

/**
 * Runs draws [shard.from, shard.to) of a sweep: every draw's run goes into the series and metric quantiles;
 * `onSample` hears each draw's audit record and `onProgress` the count done.
 */
export function runSweep(
  spec: SweepSpec,
  base: Scenario,
  presetParams: readonly string[],
  shard: ShardInfo,
  hooks: { onSample?: (r: SampleRecord) => void; onProgress?: (done: number, total: number) => void } = {},
): SweepState {
  const baseRun = simulate(base);
  const ids = chartedSeriesIds(baseRun);
  const { ids: metricIds, units: metricUnits } = headlineMetricIds(baseRun);
  const series = new SeriesQuantiles(ids, baseRun.months.length, DEFAULT_RELATIVE_ACCURACY);
  const metrics = new ExactQuantiles(metricIds.length);
  const make = drawMaker(spec, base, presetParams);
  const total = shard.to - shard.from;
  for (let i = shard.from; i < shard.to; i++) {
    const { scenario, inputs } = make(i);
    const run = simulate(scenario);
    series.addRun(run);
    const m: Record<string, number> = {};
    metricIds.forEach((id, k) => {
      const v = metricNumber(id, run.metrics[id] ?? null, run);
      metrics.addValue(k, v);
      m[id] = v;
    });
    hooks.onSample?.({ draw: i, inputs, metrics: m });
    hooks.onProgress?.(i - shard.from + 1, total);
  }
  return { spec, shard, months: baseRun.months, metricIds, metricUnits, series, metrics };
}

/** Label of a quantile: 0.05 → "p5". */
export const probLabel = (p: number) => `p${Math.round(p * 1000) / 10}`;

function monthText(v: number, months: string[]): string {
  if (v <= 0) return "start";
  if (v >= months.length) return `after ${months[months.length - 1]}`;
  return monthLabel(v, months[0]);
}

/** The result file of a sweep state. Shards and their merge give the same text for the same draws. */
export function sweepResult(s: SweepState): SweepResult {
  const probs = [...FAN_PROBS];
  const q = s.series.result(probs);
  const series: SweepResult["series"] = {};
  const S = q.seriesIds.length, T = q.months;
  q.seriesIds.forEach((id, k) => {
    series[id] = Object.fromEntries(probs.map((p, pi) => [probLabel(p), Array.from(q.values.subarray((pi * S + k) * T, (pi * S + k + 1) * T), (v) => (Number.isFinite(v) ? v : null) as number)]));
  });
  const mq = s.metrics.quantiles(probs);
  const metrics: SweepResult["metrics"] = {};
  s.metricIds.forEach((id, k) => {
    const unit = s.metricUnits[k];
    metrics[id] = {
      unit,
      quantiles: Object.fromEntries(probs.map((p, pi) => {
        const v = mq[pi * s.metricIds.length + k];
        return [probLabel(p), Number.isNaN(v) ? null : unit === "month" ? monthText(v, s.months) : v];
      })),
      draws: s.metrics.count(k),
    };
  });
  return {
    schema: "chokepoint.sweep/1",
    spec: s.spec,
    shard: s.shard,
    months: s.months,
    runs: s.series.runs,
    probs,
    seriesRelativeAccuracy: q.relativeAccuracy,
    series,
    metrics,
    state: { metricIds: s.metricIds, metricUnits: s.metricUnits, series: s.series.toJSON(), metrics: s.metrics.toJSON() },
  };
}

/** Why a set of shard files cannot be merged, or null when they can. */
export function mergeProblem(files: readonly SweepResult[]): string | null {
  if (!files.length) return "no files to merge";
  for (const f of files) if (!f || f.schema !== "chokepoint.sweep/1" || !f.state || !f.shard || !f.spec) return "a file is not a chokepoint.sweep/1 result";
  const spec = JSON.stringify(files[0].spec);
  if (files.some((f) => JSON.stringify(f.spec) !== spec)) return "the files come from different sweeps (their specs differ)";
  const count = files[0].shard.count;
  if (files.some((f) => f.shard.count !== count)) return "the files were split into different numbers of shards";
  const seen = new Set(files.map((f) => f.shard.index));
  if (seen.size !== files.length) return "a shard appears more than once";
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) return `missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")}`;
  for (const f of files) {
    const r = shardRange(f.spec.n, f.shard.index, count);
    if (r.from !== f.shard.from || r.to !== f.shard.to) return `shard ${f.shard.index}/${count} does not hold the draws its index says`;
  }
  return null;
}

/** Merges shard results into the result one unsharded run gives; throws with the reason when they do not fit. */
export function mergeSweeps(files: readonly SweepResult[]): SweepResult {
  const problem = mergeProblem(files);
  if (problem) throw new Error(problem);
  const sorted = [...files].sort((a, b) => a.shard.index - b.shard.index);
  const first = sorted[0];
  const series = SeriesQuantiles.fromJSON(first.state.series);
  const metrics = ExactQuantiles.fromJSON(first.state.metrics);
  for (const f of sorted.slice(1)) {
    series.merge(SeriesQuantiles.fromJSON(f.state.series));
    metrics.merge(ExactQuantiles.fromJSON(f.state.metrics));
  }
  return sweepResult({
    spec: first.spec,
    shard: { index: 0, count: 1, from: 0, to: first.spec.n },
    months: first.months,
    metricIds: first.state.metricIds,
    metricUnits: first.state.metricUnits,
    series,
    metrics,
  });
}

/** Checks a grid axis against the catalog; returns the problem in words, or null. */
export function gridAxisProblem(a: GridAxis): string | null {
  const spec = PARAM_BY_ID.get(a.id);
  if (!spec) return `unknown parameter "${a.id}"`;
  if (spec.group === "horizon") return `${a.id} sets the horizon and cannot be swept (every draw must cover the same months)`;
  if (!(Number.isInteger(a.steps) && a.steps >= 1)) return `steps for ${a.id} must be a positive integer, got ${a.steps}`;
  for (const v of [a.lo, a.hi]) if (!(v >= spec.min && v <= spec.max)) return `${a.id}: ${v} is out of range (allowed ${spec.min} to ${spec.max} ${spec.unit})`;
  if (a.steps === 1 && a.lo !== a.hi) return `${a.id}: one step needs lo = hi`;
  return null;
}
