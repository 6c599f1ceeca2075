import { benchMonteCarlo } from "./monteCarlo";
import type { Measurement } from "./table";

/** Monte Carlo in one thread: 10,000 default-scenario runs with quantiles of every charted series (a quick run: 200). */
export const monteCarloOneThread: Measurement = {
  name: "Monte Carlo, one thread",
  async run({ quick }) {
    const runs = quick ? 200 : 10_000;
    const r = benchMonteCarlo(runs);
    return [
      {
        label: `Monte Carlo ${runs.toLocaleString("en-US")} runs + quantiles, one thread`,
        target: "— (reference for the two-worker line)",
        figure: `${(r.wallMs / 1000).toFixed(2)} s`,
        holds: null,
        value: r.wallMs,
        note: `model ${(r.simulateMs / 1000).toFixed(1)} s, quantiles ${((r.accumulateMs + r.quantilesMs) / 1000).toFixed(1)} s, draws ${(r.drawMs / 1000).toFixed(1)} s`,
      },
    ];
  },
};
