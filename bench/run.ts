/**
 * Benchmarks, reported as ratios measured in this one run (never asserted in unit tests).
 *   npm run bench
 */
import { simulate, type Run } from "../lib/model";
import { resolveScenario, PRESETS } from "../lib/scenario/presets";

const BUDGET_MS = 0.5; // default run, Node, median

function timeRuns(label: string, make: () => Run, n: number): number {
  for (let i = 0; i < 200; i++) make(); // warm up the JIT
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    make();
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  times.sort();
  const median = times[Math.floor(n / 2)];
  const p95 = times[Math.floor(n * 0.95)];
  console.log(`${label.padEnd(34)} median ${median.toFixed(3)} ms  p95 ${p95.toFixed(3)} ms  (${n} runs)`);
  return median;
}

const baseline = resolveScenario({ presetId: "baseline", overrides: {} });
const median = timeRuns("default run (baseline preset)", () => simulate(baseline), 3000);
for (const p of PRESETS.slice(1)) {
  const s = resolveScenario({ presetId: p.id, overrides: {} });
  timeRuns(`preset ${p.id}`, () => simulate(s), 1000);
}
const withFormula = resolveScenario({ presetId: "baseline", overrides: {}, formulas: { agentHours: "base * (1 + 0.1 * sin(t / 6))" } });
timeRuns("baseline with one formula override", () => simulate(withFormula), 1000);

const run = simulate(baseline);
let bytes = 0;
for (const s of Object.values(run.series)) bytes += s.byteLength;
console.log(`series per run: ${Object.keys(run.series).length} × ${run.months.length} months = ${(bytes / 1024).toFixed(0)} KiB of Float64Array`);
console.log(`default run: ${median.toFixed(3)} ms median = ${(median / BUDGET_MS).toFixed(2)}× the ${BUDGET_MS} ms budget — ${median <= BUDGET_MS ? "within" : "OVER"} budget`);

// Monte Carlo: each measurement is a function in its own file; printed here.
{
  const { benchMonteCarlo, monteCarloLine } = await import("./monteCarlo");
  console.log(monteCarloLine(benchMonteCarlo(10_000)));
  const { measureMcWallTime } = await import("./mcWallTime");
  const { measureMcFirstFan } = await import("./mcFirstFan");
  const wall = await measureMcWallTime(10_000);
  const WALL_TARGET_MS = 1500, FIRST_FAN_TARGET_MS = 250;
  console.log(
    `Monte Carlo ${wall.runs.toLocaleString("en-US")} runs, p5/p10/p50/p90/p95 of ${wall.series} charted series × ${run.months.length} months, the app's worker core and pool: ` +
      `${wall.twoWorkersMs.toFixed(0)} ms in two Node worker_threads, target ≤ ${WALL_TARGET_MS} ms — ${wall.twoWorkersMs <= WALL_TARGET_MS ? "within" : "OVER"}`,
  );
  const first = await measureMcFirstFan(7);
  console.log(
    `first fan after a slider stops (debounce included, ${first.firstFanRuns} runs, 10,000 requested): median ${first.medianMs.toFixed(0)} ms ` +
      `[${first.trialsMs.map((t) => t.toFixed(0)).join(", ")}], target ≤ ${FIRST_FAN_TARGET_MS} ms — ${first.medianMs <= FIRST_FAN_TARGET_MS ? "within" : "OVER"}`,
  );
}
