import { GPUS } from "./catalog";
import { SHORTAGES, type MetricValue, type PeakMetric, type Run } from "./types";

/**
 * A month counts as short when demand exceeds supply by more than this share. Ratios that
 * approach 1 from above as a fleet converges on its target would otherwise never "clear".
 */
export const SHORTAGE_TOLERANCE = 0.02;

/** How a shortage ended within the horizon. */
export type ShortageStatus = "none" | "clears" | "beyond";

/**
 * The month a shortage clears for good: the month after the last month with ratio > 1 + tolerance,
 * provided the ratio then stays at or below it for at least `holdMonths` months within the horizon.
 * null with status "beyond" when the shortage is still on (or ended too close to the horizon to
 * tell); null with status "none" when no month is short. `episodes` counts separate short spells.
 */
export function clearsAt(ratio: Float64Array, months: string[], holdMonths = 6): { month: string | null; status: ShortageStatus; firstShort: string | null; episodes: number } {
  let first = -1, last = -1, episodes = 0;
  for (let t = 0; t < ratio.length; t++) {
    if (ratio[t] > 1 + SHORTAGE_TOLERANCE) {
      if (first < 0) first = t;
      if (last < 0 || last !== t - 1) episodes++;
      last = t;
    }
  }
  if (first < 0) return { month: null, status: "none", firstShort: null, episodes: 0 };
  if (ratio.length - 1 - last < holdMonths) return { month: null, status: "beyond", firstShort: months[first], episodes };
  return { month: months[last + 1], status: "clears", firstShort: months[first], episodes };
}

/** Largest value of a series and its month. */
export function peak(series: Float64Array, months: string[]): PeakMetric {
  // The largest value so far in a local: the loop reads each month once.
  let k = 0, best = series[0];
  for (let t = 1; t < series.length; t++) {
    if (series[t] > best) {
      k = t;
      best = series[t];
    }
  }
  return { value: series[k], month: months[k] };
}

/** Mean of a series over the months of one calendar year (NaN-free: 0 if the year is outside the run). */
export function yearMean(series: Float64Array, months: string[], year: number): number {
  const [from, to] = yearMonths(months, year);
  if (from < 0 || from >= months.length) return 0;
  let s = 0;
  for (let t = from; t < to; t++) s += series[t];
  return s / (to - from);
}

/** The months [from, to) of a calendar year in a run's months (from may be negative, to before from). */
function yearMonths(months: string[], year: number): [number, number] {
  // Months run from January of the first year: the year's months are a contiguous block.
  const first = Number(months[0].slice(0, 4));
  const from = (year - first) * 12;
  return [from, Math.min(from + 12, months.length)];
}

/**
 * Mean of a series over the months of one calendar year in which it is above zero, e.g. a generation's months in
 * service (0 if none, or if the year is outside the run).
 */
export function yearActiveMean(series: Float64Array, months: string[], year: number): number {
  const [from, to] = yearMonths(months, year);
  return activeMean(series, from, to);
}

/** Mean of a series over months [from, to) in which it is above zero (0 if none). */
function activeMean(series: Float64Array, from: number, to: number): number {
  let s = 0, k = 0;
  for (let t = Math.max(0, from); t < to; t++) if (series[t] > 0) { s += series[t]; k++; }
  return k > 0 ? s / k : 0;
}

/** Metric and series ids, built once. */
const SHORTAGE_KEYS = SHORTAGES.map((r) => ({ series: `shortage.${r}`, clears: `clearsAt.${r}`, status: `shortageStatus.${r}`, first: `firstShortAt.${r}`, episodes: `shortEpisodes.${r}` }));
const PRICE_KEYS = ["wafer", "packaging", "hbm", "dram", "nand"].map((r) => [`peakPrice.${r}`, `price.${r}`] as const);
const REVENUE_KEYS = GPUS.map((g) => [`revenuePerGpuHour.${g.id}.2027`, `revenuePerGpuHour.${g.id}`] as const);

/** Headline metrics of a run; ids are stable (docs/model.md). */
export function computeMetrics(run: Run, _p: Record<string, number>): Record<string, MetricValue> {
  const { series, months } = run;
  const m: Record<string, MetricValue> = {};
  for (const k of SHORTAGE_KEYS) {
    const c = clearsAt(series[k.series], months);
    m[k.clears] = c.month;
    m[k.status] = c.status;
    m[k.first] = c.firstShort;
    m[k.episodes] = c.episodes;
  }
  for (const [metric, id] of PRICE_KEYS) m[metric] = peak(series[id], months);
  m["peakThrottleShare"] = peak(series["throttle.share"], months);
  let unserved = 0;
  // Unserved: tokens wanted at the base price that were not served, whether rationed or priced out by scarcity.
  const dem = series["tokens.demand.base"], srv = series["tokens.served"];
  for (let t = 0; t < months.length; t++) unserved += Math.max(0, dem[t] - srv[t]);
  m["cumulativeUnservedTokens"] = unserved;
  // Mean over the months of 2027 in which the generation is in service (0 if none); the year's months found once.
  const [from2027, to2027] = yearMonths(months, 2027);
  for (const [metric, id] of REVENUE_KEYS) m[metric] = activeMean(series[id], from2027, to2027);
  // Sequence of binding constraints, as runs: "packaging → hbm → demand".
  const seq: string[] = [];
  for (const b of run.labels["gpu.binding"]) if (seq[seq.length - 1] !== b) seq.push(b);
  m["bindingSequence"] = seq.join(" → ");
  const cons = series["wafer.share.consumer"];
  let minCons = cons[0];
  for (let t = 1; t < cons.length; t++) minCons = Math.min(minCons, cons[t]);
  m["consumerWaferShareLost"] = Math.max(0, cons[0] - minCons);
  m["peakCpuToGpuPowerRatio"] = peak(series["power.ratio.cpuToGpu"], months);
  m["peakGpCpuCrowdedOutShare"] = peak(series["cpu.gp.crowdedOutShare"], months);
  m["peakAiShareOfN3"] = peak(series["wafer.share.ai.n3"], months);
  return m;
}
