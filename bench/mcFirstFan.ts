import { performance } from "node:perf_hooks";
import { FAN_CLEARING, FAN_METRICS, FAN_SERIES } from "../components/charts/fanSeries";
import { createScenarioStore } from "../lib/store/scenarioStore";
import { createUncertaintyStore, startUncertaintyDriver } from "../lib/store/uncertainty";
import { createNodePool, warmPool } from "./mcNodePool";
import { defaultSpec } from "./mcWallTime";

/** Time from a slider's last change to the first fan, over several trials. */
export interface McFirstFan {
  trialsMs: number[];
  medianMs: number;
  firstFanRuns: number;
}

/**
 * Time to the first fan after a slider stops: the app's own driver (its debounce included) on a warmed pool of
 * two worker_threads, from setParam to the first merged result in the results store, while a 10,000-run
 * request for the previous value is still running.
 */
export async function measureMcFirstFan(trials = 7): Promise<McFirstFan> {
  const pool = createNodePool(2);
  await warmPool(pool, defaultSpec(16));
  const workspace = createScenarioStore({ presetId: "baseline", overrides: {} });
  workspace.getState().setMonteCarlo({ on: true, runs: 10_000, seed: 1 });
  const results = createUncertaintyStore("clearsAt.gpu");
  const stop = startUncertaintyDriver(workspace, results, pool, { series: FAN_SERIES, metrics: FAN_METRICS, clearing: FAN_CLEARING }, { tornadoDebounceMs: 60_000 });
  const trialsMs: number[] = [];
  let firstFanRuns = 0;
  await new Promise((r) => setTimeout(r, 300)); // the 10,000-run job for the starting value is under way
  for (let k = 0; k < trials; k++) {
    const t0 = performance.now();
    const value = 1 + 0.01 * (k + 1);
    await new Promise<void>((resolve) => {
      const un = results.subscribe((st) => {
        if (st.fan && st.fanScenario === workspace.getState().scenario && workspace.getState().scenario.overrides.packagingCapacityScale === value) {
          firstFanRuns = st.fan.runs;
          un();
          resolve();
        }
      });
      workspace.getState().setParam("packagingCapacityScale", value);
    });
    trialsMs.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  pool.dispose();
  const sorted = [...trialsMs].sort((a, b) => a - b);
  return { trialsMs, medianMs: sorted[Math.floor(sorted.length / 2)], firstFanRuns };
}
