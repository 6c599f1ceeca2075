import { performance } from "node:perf_hooks";
import { FAN_CLEARING, FAN_METRICS, FAN_SERIES } from "../components/charts/fanSeries";
import { FAN_LEVELS, type FanResult, type MonteCarloSpec } from "../lib/model/mc";
import { resolveScenario } from "../lib/scenario/presets";
import { fixedParams } from "../lib/store/uncertainty";
import { createNodePool, warmPool } from "./mcNodePool";

/** One wall-time measurement of a Monte Carlo. */
export interface McWallTime {
  runs: number;
  series: number;
  levels: number;
  /** The first job of workers that have just loaded the model (their JIT still warming up). */
  twoWorkersMs: number;
  /** A later job on the same workers (seed + 1), as after the first slider move. */
  twoWorkersWarmMs: number;
}

/** The default scenario's Monte Carlo request: every charted series, the card metrics and the clearing counts. */
export function defaultSpec(runs: number, seed = 1): MonteCarloSpec {
  const state = { presetId: "baseline", overrides: {} };
  return { base: resolveScenario(state), fixed: fixedParams(state), runs, seed, series: [...FAN_SERIES], metrics: [...FAN_METRICS], clearing: [...FAN_CLEARING] };
}

async function timeJob(pool: ReturnType<typeof createNodePool>, spec: MonteCarloSpec): Promise<number> {
  const t0 = performance.now();
  let last: FanResult | null = null;
  await pool.monteCarlo(spec, (f) => (last = f)).done;
  const ms = performance.now() - t0;
  if (!last || (last as FanResult).runs !== spec.runs) throw new Error("the Monte Carlo did not finish every run");
  return ms;
}

/**
 * Wall time of `runs` runs of the default scenario summarised as p5/p10/p50/p90/p95 of every charted series,
 * in two Node worker_threads running the app's worker core and pool: the first job after the workers have loaded
 * the model (each answered a 16-run job), which includes the JIT's warm-up over the first ~2,000 runs of each
 * worker, and a second job on the same workers. (One thread: bench/monteCarlo.ts.)
 */
export async function measureMcWallTime(runs = 10_000): Promise<McWallTime> {
  const spec = defaultSpec(runs);
  const pool = createNodePool(2);
  await warmPool(pool, spec);
  const twoWorkersMs = await timeJob(pool, spec);
  const twoWorkersWarmMs = await timeJob(pool, { ...spec, seed: spec.seed + 1 });
  pool.dispose();
  return { runs, series: FAN_SERIES.length, levels: FAN_LEVELS.length, twoWorkersMs, twoWorkersWarmMs };
}
