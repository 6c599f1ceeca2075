import type { Scenario } from "../types";

/** The quantile levels every band is read at: p5, p10, p50, p90, p95. */
export const FAN_LEVELS = [0.05, 0.1, 0.5, 0.9, 0.95] as const;
/** Default number of Monte Carlo runs. */
export const DEFAULT_RUNS = 1000;
/** Most Monte Carlo runs one request may ask for. */
export const MAX_RUNS = 10000;
/** Fewest Monte Carlo runs one request may ask for. */
export const MIN_RUNS = 100;
/** The seed used when a link names none. */
export const DEFAULT_SEED = 1;

/** What to sample and summarise: the scenario, what is held fixed, and which outputs to report. */
export interface MonteCarloSpec {
  /** The scenario being explored (fully resolved); its values of `fixed` parameters are kept in every draw. */
  base: Scenario;
  /** Parameter ids held at the scenario's values; every other catalog parameter is drawn over its low–high band. */
  fixed: string[];
  /** Total number of draws. */
  runs: number;
  seed: number;
  /** Series ids summarised month by month (the charted series). */
  series: string[];
  /** Numeric metric ids summarised (see metricNumber). */
  metrics: string[];
  /** Shortage ids (e.g. "gpu") whose clearing month is counted, for the probability of having cleared by each month. */
  clearing: string[];
}

/** One worker's part of a Monte Carlo request: the draws whose index i has i % of === index. */
export interface MonteCarloShardRequest extends MonteCarloSpec {
  shard: { index: number; of: number };
  /** Runs of this shard before its first partial result. */
  firstAt: number;
  /** Runs of this shard between later partial results. */
  every: number;
}

/** A shard's summary so far, sent as typed arrays (transferable), never as raw runs. */
export interface MonteCarloPartial {
  shard: number;
  /** Runs of this shard done so far, and in all. */
  runsDone: number;
  shardRuns: number;
  months: number;
  levels: number[];
  /** Quantiles of each series: index (s * months + t) * levels.length + k. */
  series: Float64Array;
  /** Quantiles of each metric: index m * levels.length + k. */
  metrics: Float64Array;
  /** Runs whose shortage has cleared by each month: index c * months + t (counts). */
  cleared: Float64Array;
  done: boolean;
}

/** One parameter's swing: the metric with it at its low and at its high, the others at the scenario's values. */
export interface TornadoSwing {
  param: string;
  low: number;
  high: number;
  /** The metric at the parameter's low and high (NaN when not defined for the run). */
  atLow: number;
  atHigh: number;
}

/** A tornado request for one worker: the parameters it swings. */
export interface TornadoShardRequest {
  base: Scenario;
  metric: string;
  params: string[];
}
