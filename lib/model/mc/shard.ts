import { RunBuffer } from "../runBuffer";
import { simulate, simulateInto } from "../simulate";
import type { Run } from "../types";
import { createSampler, type Sampler } from "../sampling/design";
import { scenarioForDraw } from "../sampling/draw";
import { CHART_RELATIVE_ACCURACY, QuantileSketch, SketchRunBuffer } from "../sampling/quantileSketch";
import { metricNumber, clearIndex } from "./metricValue";
import { FAN_LEVELS, type MonteCarloPartial, type MonteCarloShardRequest } from "./types";

/** How a shard hands out results and learns it is cancelled; the worker shells (browser, Node) provide these. */
export interface ShardHost {
  /** Receives each partial result; its typed arrays may be transferred. */
  emit(partial: MonteCarloPartial): void;
  /** True once the job has been cancelled (checked between chunks of runs). */
  cancelled(): boolean;
  /** Lets the host's event loop run (so a cancel message can arrive); resolves soon after. */
  pause(): Promise<void>;
}

let lastSampler: Sampler | null = null;
/** The sampler of a seed, kept from the last request: a slider move reruns the same seed's first draws. */
function samplerFor(seed: number): Sampler {
  if (lastSampler?.seed !== seed) lastSampler = createSampler({ seed });
  return lastSampler;
}

/** Runs between two pauses: short enough that a cancel is seen within a few tens of milliseconds. */
const CHUNK = 24;

/**
 * Runs one shard of a Monte Carlo request: the draws i with i % of === index, summarised into quantiles of every
 * requested series (per month) and metric, and counts of runs cleared by each month. Emits a first partial after
 * `firstAt` runs, then every `every` runs, and a final one; returns false when cancelled before the end.
 */
export async function runMonteCarloShard(req: MonteCarloShardRequest, host: ShardHost): Promise<boolean> {
  // Draw i depends only on (seed, i): a shard takes i = index, index + of, … and the union of shards is the sample.
  const sampler = samplerFor(req.seed);
  const fixed = new Set(req.fixed);
  const mine: number[] = [];
  for (let i = req.shard.index; i < req.runs; i += req.shard.of) mine.push(i);
  const probe: Run = simulate(req.base);
  const months = probe.months.length;
  const S = req.series.length, M = req.metrics.length, C = req.clearing.length;
  const cells = S * months + M;
  const sketch = new QuantileSketch(cells, CHART_RELATIVE_ACCURACY);
  const pending = new SketchRunBuffer(sketch);
  // Metrics of a run, and NaN months for a series the run lacks, coded like series months.
  const metricValues = new Float64Array(M), missing = new Float64Array(months).fill(NaN);
  // Each run is summarised before the next starts, so runs reuse one output buffer (docs/model.md §3).
  const into = new RunBuffer();
  let count = 0;
  const clearedAt = new Float64Array(C * (months + 1)); // runs clearing at month index t (t = months: beyond)
  const levels = [...FAN_LEVELS];

  const partial = (done: boolean): MonteCarloPartial => {
    pending.flush();
    // The sketch answers probability-major; the protocol is cell-major (all levels of a cell together).
    const byProb = sketch.quantiles(levels);
    const L = levels.length;
    const q = new Float64Array(cells * L);
    for (let c = 0; c < cells; c++) for (let k = 0; k < L; k++) q[c * L + k] = byProb[k * cells + c];
    const cleared = new Float64Array(C * months);
    for (let c = 0; c < C; c++) {
      let cum = 0;
      for (let t = 0; t < months; t++) cleared[c * months + t] = cum += clearedAt[c * (months + 1) + t];
    }
    return {
      shard: req.shard.index,
      runsDone: count,
      shardRuns: mine.length,
      months,
      levels,
      series: q.slice(0, S * months * levels.length),
      metrics: q.slice(S * months * levels.length),
      cleared,
      done,
    };
  };

  let lastEmit = 0;
  for (let i = 0; i < mine.length; i++) {
    if (i % CHUNK === 0 && i > 0) {
      await host.pause();
      if (host.cancelled()) return false;
    }
    const run = simulateInto(scenarioForDraw(req.base, sampler, mine[i], fixed), into);
    for (let s = 0; s < S; s++) pending.addCells(run.series[req.series[s]] ?? missing, s * months, months);
    for (let m = 0; m < M; m++) metricValues[m] = metricNumber(run, req.metrics[m]);
    pending.addCells(metricValues, S * months, M);
    pending.endRun();
    count++;
    for (let c = 0; c < C; c++) clearedAt[c * (months + 1) + clearIndex(run, req.clearing[c])]++;
    const done = i + 1;
    if (done < mine.length && (done === req.firstAt || (done > req.firstAt && done - lastEmit >= req.every))) {
      lastEmit = done;
      host.emit(partial(false));
    }
  }
  if (host.cancelled()) return false;
  host.emit(partial(true));
  return true;
}
