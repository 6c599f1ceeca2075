import { describe, expect, it } from "vitest";
import { scaleLinear } from "d3-scale";
import { PARAMS, simulate } from "@/lib/model";
import { FAN_LEVELS, mergePartials, metricNumber, runMonteCarloShard, runTornadoShard, type FanResult, type MonteCarloPartial } from "@/lib/model/mc";
import { fanBandPath, fanExtent, fanMarks } from "@/components/charts/fan";
import { pricesState } from "@/components/charts/pricesState";
import { revenueState } from "@/components/charts/revenueState";
import { CHARTS } from "@/components/charts/registry";
import { calibrationRows } from "@/lib/store/derive";
import { clearingProbabilityState } from "@/components/charts/clearingProbabilityState";
import { tornadoState } from "@/components/charts/tornadoState";
import { clearsAtRangeText, metricRangeText } from "@/components/panels/metricRange";
import { FAN_CLEARING, FAN_METRICS, FAN_SERIES } from "@/components/charts/fanSeries";
import { resolveScenario } from "@/lib/scenario/presets";

/** A hand-made result: one series over 3 months with known quantiles. */
function tinyFan(): FanResult {
  const L = FAN_LEVELS.length, months = 3;
  const series = new Float64Array(months * L);
  for (let t = 0; t < months; t++) [1, 2, 3, 4, 5].forEach((v, k) => (series[t * L + k] = v * (t + 1)));
  return { runs: 10, total: 10, seed: 1, months, levels: [...FAN_LEVELS], seriesIds: ["s"], metricIds: [], clearingIds: [], series, metrics: new Float64Array(), cleared: new Float64Array(), done: true };
}

describe("quantiles to band paths", () => {
  const x = scaleLinear().domain([0, 2]).range([0, 200]);
  const y = scaleLinear().domain([0, 20]).range([100, 0]);

  it("the outer band runs along p95 and back along p5, the inner along p90 and p10, the median through p50", () => {
    const f = fanMarks(tinyFan(), "s", x, y, "#000")!;
    // d3's area: along y1 (upper) left to right, then y0 (lower) right to left.
    expect(f.outer).toBe("M0,75L100,50L200,25L200,85L100,90L0,95Z");
    expect(f.inner).toBe("M0,80L100,60L200,40L200,70L100,80L0,90Z");
    expect(f.median).toBe("M0,85L100,70L200,55");
  });

  it("breaks the band where a value is not drawable (log scales drop zeros)", () => {
    const d = fanBandPath([1, 0, 1], [2, 2, 2], x, y, (v) => v > 0);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(fanBandPath([NaN, NaN], [1, 1], x, y)).toBe("");
  });

  it("gives nothing without a result or for a series not sampled; the extent holds every p5 and p95", () => {
    expect(fanMarks(null, "s", x, y, "#000")).toBeNull();
    expect(fanMarks(tinyFan(), "other", x, y, "#000")).toBeNull();
    expect(fanExtent(tinyFan(), ["s"]).sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 10, 15]);
  });
});

describe("charts with a real Monte Carlo", { timeout: 120_000 }, async () => {
  const base = resolveScenario({ presetId: "baseline", overrides: {} });
  const run = simulate(base);
  const parts: MonteCarloPartial[] = [];
  await runMonteCarloShard(
    { base, fixed: [], runs: 60, seed: 3, series: [...FAN_SERIES], metrics: [...FAN_METRICS], clearing: [...FAN_CLEARING], shard: { index: 0, of: 1 }, firstAt: 1000, every: 1000 },
    { emit: (p) => parts.push(p), cancelled: () => false, pause: async () => {} },
  );
  const fan = mergePartials(parts, { series: [...FAN_SERIES], metrics: [...FAN_METRICS], clearing: [...FAN_CLEARING], total: 60, seed: 3 })!;

  it("a chart that draws no bands is the same with or without a fan (the workspace skips it when a fan arrives); the others change", () => {
    const ctx = { presetId: "baseline", calibration: calibrationRows, baseline: null };
    const shown = (st: unknown) => JSON.stringify(st, (_k, v) => (typeof v === "function" ? undefined : v));
    for (const c of CHARTS) {
      const same = shown(c.state(run, { ...ctx, fan })) === shown(c.state(run, { ...ctx, fan: null }));
      expect(same, `${c.id}: fans ${c.fans}`).toBe(!c.fans);
    }
  });

  it("the revenue chart draws bands for the generations in focus only, and says so", () => {
    const s = revenueState(run, { fan });
    const keys = s.panels.flatMap((p) => p.fans.map((f) => f.key));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys.map((k) => k.split(".").slice(1).join(".")))).toEqual(new Set(s.focus.gens));
    expect(s.fanNote).toMatch(/the generations in focus\.$/);
  });

  it("the price chart draws a fan per priced input and its scale holds the whole fan", () => {
    const s = pricesState(run, { fan });
    expect(s.fans.map((f) => f.key)).toEqual(["price.wafer", "price.packaging", "price.hbm", "price.dram", "price.nand"]);
    expect(s.fans.every((f) => f.outer.startsWith("M") && f.inner.startsWith("M") && f.median.startsWith("M"))).toBe(true);
    expect(s.fanNote).toMatch(/60 runs \(seed 3\)/);
    expect(pricesState(run, { fan: null }).fans).toEqual([]);
    expect(pricesState(run, { fan: null }).fanNote).toBeUndefined();
  });

  it("the probability of clearing is non-decreasing in time and within [0, 1] for every shortage", () => {
    const s = clearingProbabilityState(run, fan);
    expect(s.lines).toHaveLength(FAN_CLEARING.length);
    for (let c = 0; c < FAN_CLEARING.length; c++) {
      for (let t = 0; t < fan.months; t++) {
        const v = fan.cleared[c * fan.months + t];
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        if (t) expect(v).toBeGreaterThanOrEqual(fan.cleared[c * fan.months + t - 1]);
      }
    }
    expect(s.description).not.toMatch(/NaN|undefined/);
  });

  it("cards state p10–p90 ranges, with clearing months as months", () => {
    for (const r of FAN_CLEARING) expect(clearsAtRangeText(run, fan, r)).toMatch(/^p10–p90: (\d{4}-\d{2}|no shortage|beyond \d{4})( – (\d{4}-\d{2}|beyond \d{4}))?$/);
    expect(metricRangeText(fan, "peakPrice.dram")).toMatch(/^p10–p90: ×[\d.,]+ – ×[\d.,]+$/);
    expect(metricRangeText(fan, "revenuePerGpuHour.h100.2027")).toMatch(/^p10–p90: \$[\d.,]+ – \$[\d.,]+$/);
    expect(metricRangeText(null, "peakPrice.dram")).toBeNull();
  });
});

describe("tornado state", { timeout: 120_000 }, () => {
  const base = resolveScenario({ presetId: "baseline", overrides: {} });
  const run = simulate(base);
  const swings = runTornadoShard({ base, metric: "peakPrice.dram", params: PARAMS.map((p) => p.id) });

  it("ranks parameters by their swing of the metric, and centres on the scenario's value", () => {
    const s = tornadoState(run, "peakPrice.dram", swings);
    expect(s.rows.length).toBeGreaterThan(0);
    for (let i = 1; i < s.rows.length; i++) expect(s.rows[i].effect).toBeLessThanOrEqual(s.rows[i - 1].effect);
    const top = s.rows[0];
    const all = swings.map((w) => Math.abs(w.atHigh - w.atLow)).sort((a, b) => b - a);
    expect(top.effect).toBe(all[0]);
    expect(s.baseText).toBe(`×${Number(metricNumber(run, "peakPrice.dram").toPrecision(3))}`);
    for (const r of s.rows) {
      expect(Math.min(r.lowSeg.x0, r.highSeg.x0)).toBeLessThanOrEqual(s.centerX + 1e-9);
      expect(Math.max(r.lowSeg.x1, r.highSeg.x1)).toBeGreaterThanOrEqual(s.centerX - 1e-9);
    }
    expect(s.table().rows).toHaveLength(s.rows.length);
  });

  it("says it is computing before swings arrive", () => {
    const s = tornadoState(run, "clearsAt.gpu", null);
    expect(s.rows).toEqual([]);
    expect(s.description).toMatch(/^Computing/);
    expect(s.ends).toEqual([]);
  });
});

describe("calibration pass shares", () => {
  it("each claim shows its pass share with the draws and seed stated; absent shares say so", async () => {
    const { calibrationState } = await import("@/components/charts/calibrationState");
    const { evaluateCalibration } = await import("@/lib/scenario/calibration");
    const rows = evaluateCalibration();
    const run = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const target = rows.find((r) => r.kind === "target")!;
    const s = calibrationState(run, rows, "baseline", { draws: 200, seed: 4, rows: [{ id: target.id, passShare: 0.375 }] });
    expect(s.rows.find((r) => r.id === target.id)!.passShare).toBe("38%");
    expect(s.rows.filter((r) => r.id !== target.id).every((r) => r.passShare === "—")).toBe(true);
    expect(s.passShareNote).toMatch(/200 seeded draws \(seed 4\)/);
    expect(calibrationState(run, rows, "baseline", null).rows.every((r) => r.passShare === "…")).toBe(true);
    expect(s.table().columns.slice(-2)).toEqual(["Pass share", "Moves with"]);
  });

  it("each claim names the assumptions it moves with, by label and direction, in the table and its export", async () => {
    const { calibrationState, withPassShares } = await import("@/components/charts/calibrationState");
    const { evaluateCalibration } = await import("@/lib/scenario/calibration");
    const rows = evaluateCalibration();
    const run = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const target = rows.find((r) => r.kind === "target")!;
    const drivers = [{ id: "ddrBitGrowthPerYear", rho: -0.26 }, { id: "dramInventoryWeeksStart", rho: 0.24 }];
    const s = calibrationState(run, rows, "baseline", { draws: 200, seed: 4, rows: [{ id: target.id, passShare: 0.04, drivers }] });
    const row = s.rows.find((r) => r.id === target.id)!;
    const label = (id: string) => PARAMS.find((p) => p.id === id)!.label;
    expect(row.movesWithItems).toEqual([{ id: "ddrBitGrowthPerYear", text: `${label("ddrBitGrowthPerYear")} ↓` }, { id: "dramInventoryWeeksStart", text: `${label("dramInventoryWeeksStart")} ↑` }]);
    expect(row.movesWith).toBe(`${label("ddrBitGrowthPerYear")} ↓; ${label("dramInventoryWeeksStart")} ↑`);
    expect(s.rows.filter((r) => r.id !== target.id).every((r) => r.movesWith === "")).toBe(true);
    const exported = s.table().rows.find((r) => r[0] === row.claim)!;
    expect(exported.at(-1)).toBe(row.movesWith);
    // The brief's own shares, computed without drivers, show none rather than the workspace's.
    expect(s.linkAssumptions).toBe(true);
    // The brief's own shares and drivers replace the workspace's, as text rather than links.
    const brief = withPassShares(s, { draws: 100, seed: 1, rows: [{ id: target.id, passShare: 0.05 }] });
    expect(brief.rows.find((r) => r.id === target.id)!.movesWith).toBe("");
    expect(brief.rows.every((r) => r.movesWithItems.length === 0)).toBe(true);
    expect(brief.linkAssumptions).toBe(false);
    const withDrivers = withPassShares(s, { draws: 100, seed: 1, rows: [{ id: target.id, passShare: 0.05, drivers: [drivers[1]] }] });
    expect(withDrivers.rows.find((r) => r.id === target.id)!.movesWithItems.map((d) => d.id)).toEqual(["dramInventoryWeeksStart"]);
    expect(withDrivers.passShareNote).toMatch(/moves with most/);
  });
});
