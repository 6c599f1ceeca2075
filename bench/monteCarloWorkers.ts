import { measureMcFirstFan } from "./mcFirstFan";
import { measureMcWallTime } from "./mcWallTime";
import type { Measurement } from "./table";

const WALL_TARGET_MS = 1500, FIRST_FAN_TARGET_MS = 250;

/** Monte Carlo as the app runs it: the worker core and pool in two Node worker_threads, and the first fan after a slider stops. */
export const monteCarloWorkers: Measurement = {
  name: "Monte Carlo in two workers",
  async run({ quick }) {
    const runs = quick ? 200 : 10_000;
    const wall = await measureMcWallTime(runs);
    const first = await measureMcFirstFan(quick ? 1 : 7);
    return [
      {
        label: `Monte Carlo ${runs.toLocaleString("en-US")} runs + p5–p95 of ${wall.series} charted series, two workers, first job`,
        target: `≤ ${WALL_TARGET_MS} ms`,
        figure: `${wall.twoWorkersMs.toFixed(0)} ms`,
        holds: quick ? null : wall.twoWorkersMs <= WALL_TARGET_MS,
        value: wall.twoWorkersMs,
        note: "the app's worker core and pool in Node worker_threads, just started (JIT warm-up included)",
      },
      {
        label: `Monte Carlo ${runs.toLocaleString("en-US")} runs, two workers, a later job`,
        target: `≤ ${WALL_TARGET_MS} ms`,
        figure: `${wall.twoWorkersWarmMs.toFixed(0)} ms`,
        holds: quick ? null : wall.twoWorkersWarmMs <= WALL_TARGET_MS,
        value: wall.twoWorkersWarmMs,
        note: "the same workers' next job (another seed), as after the first slider move",
      },
      {
        label: `first fan after a slider stops (${first.firstFanRuns} runs, debounce included)`,
        target: `≤ ${FIRST_FAN_TARGET_MS} ms`,
        figure: `${first.medianMs.toFixed(0)} ms median`,
        holds: quick ? null : first.medianMs <= FIRST_FAN_TARGET_MS,
        value: first.medianMs,
        note: `trials ${first.trialsMs.map((t) => t.toFixed(0)).join(", ")} ms`,
      },
    ];
  },
};
