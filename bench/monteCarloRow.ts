import { performance } from "node:perf_hooks";
import { runMonteCarloShard } from "../lib/model/mc/shard";
import { benchMonteCarlo } from "./monteCarlo";
import { defaultSpec } from "./mcWallTime";
import type { Measurement } from "./table";

/**
 * The workers' request (every fanned series, the card metrics and the clearing counts) run as one shard in this
 * thread, with partial results as the app asks for them: the one-thread figure of the same job as the two-worker line.
 */
async function oneThreadJob(runs: number): Promise<number> {
  const spec = defaultSpec(runs);
  const every = Math.max(250, Math.ceil(runs / 6));
  // Warm the model and the shard code as the workers are warmed (bench/mcNodePool.ts) before timing.
  await runMonteCarloShard({ ...defaultSpec(16), shard: { index: 0, of: 1 }, firstAt: 8, every: 250 }, { emit: () => {}, cancelled: () => false, pause: async () => {} });
  let last = 0;
  const t0 = performance.now();
  const done = await runMonteCarloShard(
    { ...spec, shard: { index: 0, of: 1 }, firstAt: 128, every },
    { emit: (p) => (last = p.runsDone), cancelled: () => false, pause: async () => {} },
  );
  const ms = performance.now() - t0;
  if (!done || last !== runs) throw new Error("the one-thread Monte Carlo did not finish every run");
  return ms;
}

/** Monte Carlo in one thread: the workers' 10,000-run request, and where a run's time goes (a quick run: 200). */
export const monteCarloOneThread: Measurement = {
  name: "Monte Carlo, one thread",
  async run({ quick }) {
    const runs = quick ? 200 : 10_000;
    const ms = await oneThreadJob(runs);
    const r = benchMonteCarlo(quick ? 200 : 2_000);
    return [
      {
        label: `Monte Carlo ${runs.toLocaleString("en-US")} runs, the workers' request in one thread`,
        target: "— (reference for the two-worker line)",
        figure: `${(ms / 1000).toFixed(2)} s`,
        holds: null,
        value: ms,
        note: `where a run's time goes (${r.runs.toLocaleString("en-US")} runs of the ${r.series} series the charts draw): model ${((r.simulateMs / r.runs) * 1000).toFixed(0)} µs, quantile sketch ${(((r.accumulateMs + r.quantilesMs) / r.runs) * 1000).toFixed(0)} µs, draws ${((r.drawMs / r.runs) * 1000).toFixed(0)} µs`,
      },
    ];
  },
};
