/**
 * Monte Carlo benchmark: `runs` draws of the default scenario (every parameter over its band), each simulated,
 * with p5/p10/p50/p90/p95 of every charted series, in one thread. A function, so a benchmark table can call it.
 */
import { simulate } from "../lib/model";
import { RunBuffer } from "../lib/model/runBuffer";
import { simulateInto } from "../lib/model/simulate";
import { CHART_RELATIVE_ACCURACY, FAN_PROBS, SeriesQuantiles, chartedSeriesIds, createSampler, scenarioForDraw } from "../lib/model/sampling";
import { resolveScenario } from "../lib/scenario/presets";

/** What one Monte Carlo benchmark measured (wall times in ms). */
export interface MonteCarloBench {
  runs: number;
  series: number;
  cells: number;
  /** Whole job: draws, runs, quantile accumulation and the final quantiles. */
  wallMs: number;
  /** Parts of the wall time. */
  drawMs: number;
  simulateMs: number;
  accumulateMs: number;
  quantilesMs: number;
  /** Size of the quantile buffer handed to a chart (probs × series × months × 8 bytes). */
  resultBytes: number;
}

/** Runs the benchmark once (after a short warm-up of the model) and returns its timings. */
export function benchMonteCarlo(runs = 10_000, seed = 1): MonteCarloBench {
  const base = resolveScenario({ presetId: "baseline", overrides: {} });
  for (let i = 0; i < 100; i++) simulate(base); // warm up the JIT
  const now = () => performance.now();
  const t0 = now();
  const first = simulate(base);
  const ids = chartedSeriesIds(first);
  const acc = new SeriesQuantiles(ids, first.months.length, CHART_RELATIVE_ACCURACY); // as the workspace's shards
  const sampler = createSampler({ seed });
  // Each run is summarised before the next starts, so runs reuse one output buffer, as the workers' shards do.
  const into = new RunBuffer();
  let drawMs = 0, simulateMs = 0, accumulateMs = 0;
  for (let i = 0; i < runs; i++) {
    const a = now();
    const scenario = scenarioForDraw(base, sampler, i);
    const b = now();
    const run = simulateInto(scenario, into);
    const c = now();
    acc.addRun(run);
    const d = now();
    drawMs += b - a;
    simulateMs += c - b;
    accumulateMs += d - c;
  }
  const q0 = now();
  const result = acc.result(FAN_PROBS);
  const t1 = now();
  return { runs, series: ids.length, cells: ids.length * first.months.length, wallMs: t1 - t0, drawMs, simulateMs, accumulateMs, quantilesMs: t1 - q0, resultBytes: result.values.byteLength };
}

/** One line describing a benchmark result. */
export function monteCarloLine(r: MonteCarloBench): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `Monte Carlo, one thread: ${r.runs.toLocaleString("en-US")} default-scenario runs with p5–p95 of ${r.series} charted series (${r.cells.toLocaleString("en-US")} series-months): ${s(r.wallMs)} wall (draws ${s(r.drawMs)}, model ${s(r.simulateMs)}, quantile sketch at ±${CHART_RELATIVE_ACCURACY * 100} % ${s(r.accumulateMs)}, quantiles ${s(r.quantilesMs)}; result ${(r.resultBytes / 1024).toFixed(0)} KiB)`;
}
