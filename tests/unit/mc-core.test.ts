import { describe, expect, it } from "vitest";
import { PARAMS, simulate } from "@/lib/model";
import {
  clearIndex, clearingQuantile, createMonteCarloPool, mergePartials, metricNumber, rankTornado, runMonteCarloShard,
  runTornadoShard, seriesBands, splitParams, FAN_LEVELS, type FanResult, type MonteCarloPartial, type MonteCarloShardRequest,
} from "@/lib/model/mc";
import { resolveScenario } from "@/lib/scenario/presets";
import { inProcessWorker } from "./mc-inprocess";

const base = resolveScenario({ presetId: "baseline", overrides: {} });
const spec = (runs: number, seed = 7) => ({ base, fixed: [], runs, seed, series: ["price.dram", "shortage.gpu"], metrics: ["peakPrice.dram", "clearsAt.gpu"], clearing: ["gpu", "tokens"] });

describe("progressive merge", () => {
  const part = (shard: number, runsDone: number, value: number, cleared: number[], done = false): MonteCarloPartial => ({
    shard, runsDone, shardRuns: 100, months: 2, levels: [0.5], series: new Float64Array([value, value * 2]), metrics: new Float64Array([value]), cleared: new Float64Array(cleared), done,
  });
  const ids = { series: ["x"], metrics: ["m"], clearing: ["gpu"], total: 200, seed: 1 };

  it("weights each shard's quantiles by its runs and adds cleared counts exactly", () => {
    const fan = mergePartials([part(0, 30, 1, [3, 30]), part(1, 10, 5, [1, 5])], ids)!;
    expect(fan.runs).toBe(40);
    expect(fan.series[0]).toBeCloseTo((30 * 1 + 10 * 5) / 40, 12);
    expect(fan.series[1]).toBeCloseTo((30 * 2 + 10 * 10) / 40, 12);
    expect(Array.from(fan.cleared)).toEqual([4 / 40, 35 / 40]);
    expect(fan.done).toBe(false);
  });

  it("is null before any shard reports, uses what has arrived, and is done only when every shard is", () => {
    expect(mergePartials([null, null], ids)).toBeNull();
    expect(mergePartials([part(0, 10, 2, [0, 1], true), null], ids)!.done).toBe(false);
    expect(mergePartials([part(0, 10, 2, [0, 1], true), part(1, 10, 2, [0, 1], true)], ids)!.done).toBe(true);
  });

  it("reads the month by which a share of runs has cleared from the counts", () => {
    const fan = { clearingIds: ["gpu"], months: 4, cleared: new Float64Array([0, 0.2, 0.6, 0.95]) } as unknown as FanResult;
    expect(clearingQuantile(fan, "gpu", 0.1)).toBe(1);
    expect(clearingQuantile(fan, "gpu", 0.5)).toBe(2);
    expect(clearingQuantile(fan, "gpu", 0.96)).toBeNull();
    expect(clearingQuantile(fan, "cpu", 0.5)).toBeNull();
  });
});

describe("metric values for sampling", () => {
  it("reads clearing months as indices and peaks as values, from the run itself", () => {
    const run = simulate(base);
    expect(metricNumber(run, "peakPrice.dram")).toBe((run.metrics["peakPrice.dram"] as { value: number }).value);
    for (const r of ["gpu", "tokens", "cpu", "wafer"]) {
      const i = clearIndex(run, r);
      const status = run.metrics[`shortageStatus.${r}`];
      if (status === "clears") expect(run.months[i]).toBe(run.metrics[`clearsAt.${r}`]);
      else expect(i).toBe(status === "none" ? 0 : run.months.length);
    }
    const h100 = run.series["revenuePerGpuHour.h100"];
    const y2028 = run.months.map((m, i) => [m, i] as const).filter(([m]) => m.startsWith("2028")).map(([, i]) => h100[i]);
    expect(metricNumber(run, "revenuePerGpuHour.h100.2028")).toBeCloseTo(y2028.reduce((a, b) => a + b, 0) / 12, 9);
    expect(metricNumber(run, "no.such.metric")).toBeNaN();
  });
});

describe("Monte Carlo shards", { timeout: 120_000 }, () => {
  const shardReq = (index: number, of: number, runs = 60, seed = 7): MonteCarloShardRequest => ({ ...spec(runs, seed), shard: { index, of }, firstAt: 10, every: 20 });
  const host = (out: MonteCarloPartial[], cancelAfter = Infinity) => ({ emit: (p: MonteCarloPartial) => out.push(p), cancelled: () => out.length >= cancelAfter, pause: async () => {} });

  it("a fixed seed repeats bit for bit; another seed gives other bands", async () => {
    const a: MonteCarloPartial[] = [], b: MonteCarloPartial[] = [], c: MonteCarloPartial[] = [];
    await runMonteCarloShard(shardReq(0, 2), host(a));
    await runMonteCarloShard(shardReq(0, 2), host(b));
    await runMonteCarloShard(shardReq(0, 2, 60, 8), host(c));
    expect(a.at(-1)!.series).toEqual(b.at(-1)!.series);
    expect(a.at(-1)!.cleared).toEqual(b.at(-1)!.cleared);
    expect(a.at(-1)!.series).not.toEqual(c.at(-1)!.series);
  });

  it("emits a first partial after firstAt runs, then every `every`, and a final one; bands are ordered p5 ≤ … ≤ p95", async () => {
    const out: MonteCarloPartial[] = [];
    expect(await runMonteCarloShard(shardReq(1, 2, 90), host(out))).toBe(true);
    expect(out.map((p) => p.runsDone)).toEqual([10, 30, 45]);
    expect(out.map((p) => p.done)).toEqual([false, false, true]);
    const L = FAN_LEVELS.length;
    const q = out.at(-1)!.series;
    for (let cell = 0; cell < q.length / L; cell++) for (let k = 1; k < L; k++) expect(q[cell * L + k]).toBeGreaterThanOrEqual(q[cell * L + k - 1] - 1e-12);
  });

  it("stops when cancelled and says so", async () => {
    const out: MonteCarloPartial[] = [];
    expect(await runMonteCarloShard({ ...shardReq(0, 1, 200), firstAt: 5, every: 5 }, host(out, 1))).toBe(false);
    expect(out.every((p) => !p.done)).toBe(true);
  });

  it("holds fixed parameters at the scenario's values: the bands of a series driven only by fixed inputs collapse onto the run", async () => {
    const out: MonteCarloPartial[] = [];
    await runMonteCarloShard({ ...shardReq(0, 1, 30), fixed: PARAMS.map((p) => p.id), firstAt: 100 }, host(out));
    const run = simulate(base);
    const fan = mergePartials(out, { series: spec(30).series, metrics: spec(30).metrics, clearing: spec(30).clearing, total: 30, seed: 7 })!;
    const dram = seriesBands(fan, "price.dram")!;
    for (let t = 0; t < run.months.length; t += 17) {
      expect(dram.p5[t]).toBeCloseTo(run.series["price.dram"][t], 9);
      expect(dram.p95[t]).toBeCloseTo(run.series["price.dram"][t], 9);
    }
  });
});

describe("worker pool", { timeout: 120_000 }, () => {
  it("two workers give the same result for the same request, ending with all runs", async () => {
    const once = async () => {
      const pool = createMonteCarloPool(inProcessWorker, 2);
      let last: FanResult | null = null;
      const h = pool.monteCarlo(spec(60), (f) => (last = f));
      expect(await h.done).toBe("done");
      pool.dispose();
      return last! as FanResult;
    };
    const a = await once(), b = await once();
    expect(a.runs).toBe(60);
    expect(a.done).toBe(true);
    expect(a.series).toEqual(b.series);
    expect(a.metrics).toEqual(b.metrics);
  });

  it("a newer request cancels the older one, whose late messages are ignored", async () => {
    const pool = createMonteCarloPool(inProcessWorker, 2);
    const seen: number[] = [];
    const first = pool.monteCarlo(spec(2000), (f) => seen.push(f.total));
    const second = pool.monteCarlo(spec(40), (f) => seen.push(f.total));
    expect(await first.done).toBe("cancelled");
    expect(await second.done).toBe("done");
    expect(seen.every((t) => t === 40)).toBe(true);
    pool.dispose();
  });

  it("cancel ends a job at once", async () => {
    const pool = createMonteCarloPool(inProcessWorker, 2);
    const h = pool.monteCarlo(spec(5000), () => {});
    h.cancel();
    expect(await h.done).toBe("cancelled");
    pool.dispose();
  });
});

describe("tornado", { timeout: 120_000 }, () => {
  it("swings each parameter low to high with the others at the scenario's values, as the model gives", () => {
    const [sw] = runTornadoShard({ base, metric: "peakPrice.dram", params: ["dramCapacityScale"] });
    const at = (v: number) => metricNumber(simulate({ ...base, params: { ...base.params, dramCapacityScale: v } }), "peakPrice.dram");
    expect(sw.atLow).toBe(at(sw.low));
    expect(sw.atHigh).toBe(at(sw.high));
  });

  it("ranks by the size of the swing, drops what does not move, and breaks ties by id", () => {
    const ranked = rankTornado([
      { param: "b", low: 0, high: 1, atLow: 1, atHigh: 3 },
      { param: "a", low: 0, high: 1, atLow: 5, atHigh: 3 },
      { param: "c", low: 0, high: 1, atLow: 2, atHigh: 2 },
      { param: "d", low: 0, high: 1, atLow: NaN, atHigh: 2 },
      { param: "e", low: 0, high: 1, atLow: 0, atHigh: -10 },
    ]);
    expect(ranked.map((b) => b.param)).toEqual(["e", "a", "b"]);
    expect(ranked[0].effect).toBe(10);
  });

  it("splits parameters over workers without losing or repeating any", () => {
    const ids = PARAMS.map((p) => p.id);
    const parts = splitParams(ids, 2);
    expect(parts).toHaveLength(2);
    expect([...parts[0], ...parts[1]].sort()).toEqual([...ids].sort());
  });

  it("the pool's tornado returns a swing for every parameter", async () => {
    const pool = createMonteCarloPool(inProcessWorker, 2);
    const ids = PARAMS.slice(0, 6).map((p) => p.id);
    let got: string[] = [];
    await pool.tornado(base, "clearsAt.gpu", ids, (s) => (got = s.map((x) => x.param))).done;
    expect(got.sort()).toEqual([...ids].sort());
    pool.dispose();
  });
});
