import type { MonteCarloPartial } from "./types";

/** The Monte Carlo result the charts read: quantiles of every series and metric over all runs so far. */
export interface FanResult {
  /** Runs summarised so far and asked for. */
  runs: number;
  total: number;
  seed: number;
  months: number;
  levels: number[];
  seriesIds: string[];
  metricIds: string[];
  clearingIds: string[];
  /** Quantiles: index (s * months + t) * levels.length + k. */
  series: Float64Array;
  /** Quantiles: index m * levels.length + k. */
  metrics: Float64Array;
  /** Share of runs whose shortage has cleared by each month: index c * months + t, in [0, 1]. */
  cleared: Float64Array;
  /** True when every shard has finished. */
  done: boolean;
}

/** The ids a result describes. */
export interface FanIds {
  series: string[];
  metrics: string[];
  clearing: string[];
  total: number;
  seed: number;
}

/**
 * Merges the latest partial of each shard. The shards sample the same distribution (disjoint draws of one
 * seeded sample), so a quantile over all runs is estimated by the run-weighted mean of the shards' quantiles;
 * cleared counts add exactly. Returns null until some shard has reported; a NaN quantile in one shard is skipped.
 */
export function mergePartials(parts: readonly (MonteCarloPartial | null | undefined)[], ids: FanIds): FanResult | null {
  const have = parts.filter((p): p is MonteCarloPartial => !!p && p.runsDone > 0);
  if (!have.length) return null;
  const { months, levels } = have[0];
  const series = weighted(have.map((p) => [p.series, p.runsDone] as const), have[0].series.length);
  const metrics = weighted(have.map((p) => [p.metrics, p.runsDone] as const), have[0].metrics.length);
  const runs = have.reduce((a, p) => a + p.runsDone, 0);
  const cleared = new Float64Array(have[0].cleared.length);
  for (const p of have) for (let i = 0; i < cleared.length; i++) cleared[i] += p.cleared[i];
  for (let i = 0; i < cleared.length; i++) cleared[i] /= runs;
  const done = parts.length > 0 && parts.every((p) => !!p && p.done);
  return { runs, total: ids.total, seed: ids.seed, months, levels, seriesIds: ids.series, metricIds: ids.metrics, clearingIds: ids.clearing, series, metrics, cleared, done };
}

function weighted(arrays: readonly (readonly [Float64Array, number])[], length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let s = 0, w = 0;
    for (const [a, n] of arrays) if (Number.isFinite(a[i])) { s += a[i] * n; w += n; }
    out[i] = w > 0 ? s / w : NaN;
  }
  return out;
}

/** One series' bands from a result: p5, p10, p50, p90, p95 month by month; null when the series was not summarised. */
export function seriesBands(fan: FanResult, id: string): { p5: Float64Array; p10: Float64Array; p50: Float64Array; p90: Float64Array; p95: Float64Array } | null {
  const s = fan.seriesIds.indexOf(id);
  if (s < 0) return null;
  const L = fan.levels.length, n = fan.months;
  const pick = (level: number) => {
    const k = fan.levels.indexOf(level);
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) out[t] = k < 0 ? NaN : fan.series[(s * n + t) * L + k];
    return out;
  };
  return { p5: pick(0.05), p10: pick(0.1), p50: pick(0.5), p90: pick(0.9), p95: pick(0.95) };
}

/** A metric's quantile at `level` from a result (NaN when absent). */
export function metricQuantile(fan: FanResult, id: string, level: number): number {
  const m = fan.metricIds.indexOf(id), k = fan.levels.indexOf(level);
  return m < 0 || k < 0 ? NaN : fan.metrics[m * fan.levels.length + k];
}

/** Share of runs in which a shortage has cleared by each month (null when it was not counted). */
export function clearedShare(fan: FanResult, shortage: string): Float64Array | null {
  const c = fan.clearingIds.indexOf(shortage);
  return c < 0 ? null : fan.cleared.subarray(c * fan.months, (c + 1) * fan.months);
}

/**
 * The month index by which a share `p` of runs has cleared (exact, from the counts); null when fewer than `p`
 * of runs clear within the horizon.
 */
export function clearingQuantile(fan: FanResult, shortage: string, p: number): number | null {
  const share = clearedShare(fan, shortage);
  if (!share) return null;
  for (let t = 0; t < share.length; t++) if (share[t] >= p - 1e-12) return t;
  return null;
}
