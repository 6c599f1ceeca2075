/**
 * Model speed: the default run's median and p95 in Node, and its ratio to a hand-written Float64Array loop
 * doing as many state updates (one per series per month, each reading its previous value and two others).
 */
import { simulate } from "../lib/model";
import { resolveScenario } from "../lib/scenario/presets";
import { percentile, type Measurement } from "./table";

/** The model-v2 target (the hardening budget was 0.3 ms; the stricter one is reported). */
const TARGET_MS = 0.25;
const TARGET_RATIO = 4;

/** Times `fn` n times after a warm-up; returns sorted milliseconds. */
function timeIt(fn: () => unknown, n: number, warm: number): Float64Array {
  for (let i = 0; i < warm; i++) fn();
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return times.sort();
}

/**
 * The floor a model of this size could reach: `vars` state variables over `months`, each month's value of each
 * one computed from its previous value and two neighbours' (a multiply-add and a min), into one Float64Array.
 */
export function handLoop(vars: number, months: number, out: Float64Array): number {
  for (let v = 0; v < vars; v++) out[v] = 1 + v * 0.01;
  for (let t = 1; t < months; t++) {
    const prev = (t - 1) * vars;
    const cur = t * vars;
    for (let v = 0; v < vars; v++) {
      const a = out[prev + v];
      const b = out[prev + ((v + 1) % vars)];
      const c = out[prev + ((v + 7) % vars)];
      out[cur + v] = Math.min(a * 1.01 + 0.001 * b, 10 * c + 1);
    }
  }
  return out[months * vars - 1];
}

/** Model run time vs its targets. */
export const modelSpeed: Measurement = {
  name: "model",
  async run({ quick }) {
    const scenario = resolveScenario({ presetId: "baseline", overrides: {} });
    const run = simulate(scenario);
    const vars = Object.keys(run.series).length;
    const months = run.months.length;
    const n = quick ? 300 : 5000;
    const model = timeIt(() => simulate(scenario), n, quick ? 50 : 500);
    const buf = new Float64Array(vars * months);
    const loop = timeIt(() => handLoop(vars, months, buf), n, quick ? 50 : 500);
    const median = percentile(model, 0.5);
    const p95 = percentile(model, 0.95);
    const loopMedian = percentile(loop, 0.5);
    const ratio = median / loopMedian;
    const judge = (ok: boolean) => (quick ? null : ok);
    return [
      { label: "default model run, median (Node)", target: `≤ ${TARGET_MS} ms`, figure: `${median.toFixed(3)} ms`, value: median, holds: judge(median <= TARGET_MS), note: `${n} runs, ${vars} series × ${months} months` },
      { label: "default model run, p95 (Node)", target: `≤ ${TARGET_MS} ms`, figure: `${p95.toFixed(3)} ms`, value: p95, holds: judge(p95 <= TARGET_MS) },
      {
        label: "model run ÷ Float64Array loop (medians)",
        target: `≤ ${TARGET_RATIO}×`,
        figure: `${ratio.toFixed(1)}× (loop ${(loopMedian * 1000).toFixed(0)} µs)`,
        value: ratio,
        holds: judge(ratio <= TARGET_RATIO),
        note: `the loop does ${vars * months} state updates, one per series per month`,
      },
    ];
  },
};
