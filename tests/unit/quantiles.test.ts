import { describe, it, expect } from "vitest";
import { simulate } from "@/lib/model";
import {
  DEFAULT_RELATIVE_ACCURACY,
  ExactQuantiles,
  FAN_PROBS,
  MIN_RELATIVE_ACCURACY,
  QuantileSketch,
  RUN_BATCH,
  SketchRunBuffer,
  SeriesQuantiles,
  ZERO_THRESHOLD,
  chartedSeriesIds,
  drawScenarios,
  quantileRank,
  seriesBand,
  uniformStream,
} from "@/lib/model/sampling";
import { resolveScenario } from "@/lib/scenario/presets";

const CELLS = 40;
const DRAWS = 3000;
const PROBS = [0, 0.05, 0.1, 0.5, 0.9, 0.95, 1];

/** Test data with wide ranges, exact zeros, negatives, tiny values and an occasional NaN. */
function value(i: number, c: number, u: number): number {
  if (c % 10 === 3 && i % 7 === 0) return 0;
  if (c % 10 === 4) return (u - 0.4) * 1e6; // both signs
  if (c % 10 === 5 && i % 500 === 0) return NaN;
  if (c % 10 === 6) return 1e-14 * u; // below the zero threshold
  return Math.exp((c - 20) + 6 * (u - 0.5)); // 2.6 decades wide, around e^(c−20)
}

function fill(sketch: QuantileSketch, exact: ExactQuantiles, from: number, to: number) {
  const stream = uniformStream(99, 1, 2);
  const rows: number[][] = [];
  for (let i = 0; i < DRAWS; i++) rows.push(Array.from({ length: CELLS }, (_, c) => value(i, c, stream.next())));
  const pending = new SketchRunBuffer(sketch);
  for (let i = from; i < to; i++) {
    pending.add(rows[i]);
    rows[i].forEach((v, c) => exact.addValue(c, v));
  }
  pending.flush();
}

describe("the quantile sketch", { timeout: 60_000 }, () => {
  it("every quantile is within the stated relative error of the exact order statistic", () => {
    const sketch = new QuantileSketch(CELLS);
    const exact = new ExactQuantiles(CELLS);
    fill(sketch, exact, 0, DRAWS);
    const got = sketch.quantiles(PROBS);
    const want = exact.quantiles(PROBS);
    let checked = 0;
    for (let i = 0; i < want.length; i++) {
      const e = want[i], g = got[i];
      if (Math.abs(e) <= ZERO_THRESHOLD) expect(Math.abs(g - e)).toBeLessThanOrEqual(ZERO_THRESHOLD);
      else expect(Math.abs(g - e) / Math.abs(e), `cell ${i % CELLS}: ${g} vs ${e}`).toBeLessThanOrEqual(DEFAULT_RELATIVE_ACCURACY * (1 + 1e-9));
      checked++;
    }
    expect(checked).toBe(PROBS.length * CELLS);
    // min and max are exact; NaN is counted apart.
    for (let c = 0; c < CELLS; c++) {
      expect(got[c]).toBe(want[c]);
      expect(got[(PROBS.length - 1) * CELLS + c]).toBe(want[(PROBS.length - 1) * CELLS + c]);
    }
    expect(sketch.nonFiniteCount(5)).toBe(6);
    expect(sketch.count(5)).toBe(DRAWS - 6);
  });

  it("a coarser sketch is measurably less accurate (the bound is not vacuous)", () => {
    const coarse = new QuantileSketch(CELLS, 0.05);
    const exact = new ExactQuantiles(CELLS);
    fill(coarse, exact, 0, DRAWS);
    const got = coarse.quantiles([0.5]), want = exact.quantiles([0.5]);
    let worst = 0;
    for (let c = 0; c < CELLS; c++) if (Math.abs(want[c]) > ZERO_THRESHOLD) worst = Math.max(worst, Math.abs(got[c] - want[c]) / Math.abs(want[c]));
    expect(worst).toBeGreaterThan(DEFAULT_RELATIVE_ACCURACY);
    expect(worst).toBeLessThanOrEqual(0.05 * (1 + 1e-9));
  });

  it("shards merged in any order serialise byte for byte like the unsharded sketch", () => {
    const whole = new QuantileSketch(CELLS), wholeExact = new ExactQuantiles(CELLS);
    fill(whole, wholeExact, 0, DRAWS);
    const cuts = [0, 700, 701, 2400, DRAWS];
    const shards = cuts.slice(0, -1).map((from, k) => {
      const s = new QuantileSketch(CELLS), e = new ExactQuantiles(CELLS);
      fill(s, e, from, cuts[k + 1]);
      return { s: QuantileSketch.fromJSON(JSON.parse(JSON.stringify(s))), e: ExactQuantiles.fromJSON(JSON.parse(JSON.stringify(e))) };
    });
    const merged = new QuantileSketch(CELLS), mergedExact = new ExactQuantiles(CELLS);
    for (const k of [2, 0, 3, 1]) {
      merged.merge(shards[k].s);
      mergedExact.merge(shards[k].e);
    }
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    expect(JSON.stringify(mergedExact)).toBe(JSON.stringify(wholeExact));
    expect(Array.from(merged.quantiles(PROBS))).toEqual(Array.from(whole.quantiles(PROBS)));
  });

  it("rejects malformed states and mismatched merges with a clear message", () => {
    expect(() => QuantileSketch.fromJSON({ kind: "nope" } as never)).toThrow(/malformed state/);
    const s = new QuantileSketch(2).toJSON();
    expect(() => QuantileSketch.fromJSON({ ...s, zero: [0] })).toThrow(/one entry per cell/);
    expect(() => new QuantileSketch(2).merge(new QuantileSketch(3))).toThrow(/different shapes/);
    expect(() => new QuantileSketch(2).quantiles([0.9, 0.1])).toThrow(/ascending/);
  });

  it("counts each cell's finite values as they come, through merges and the JSON form", () => {
    const whole = new QuantileSketch(CELLS), a = new QuantileSketch(CELLS), b = new QuantileSketch(CELLS);
    const exact = new ExactQuantiles(CELLS);
    fill(whole, exact, 0, DRAWS);
    fill(a, new ExactQuantiles(CELLS), 0, 1234);
    fill(b, new ExactQuantiles(CELLS), 1234, DRAWS);
    const merged = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(a.merge(b))));
    for (let c = 0; c < CELLS; c++) {
      const finite = DRAWS - whole.nonFiniteCount(c);
      expect(whole.count(c)).toBe(finite);
      expect(merged.count(c)).toBe(finite);
      expect(merged.nonFiniteCount(c)).toBe(whole.nonFiniteCount(c));
    }
    // Cells of kind 5 hold NaNs, so the counts above are not all DRAWS.
    expect(whole.nonFiniteCount(5)).toBeGreaterThan(0);
  });

  it("uses the lower order statistic ⌊p (n − 1)⌋", () => {
    expect(quantileRank(0.5, 4)).toBe(1);
    expect(quantileRank(0.95, 10_000)).toBe(9499);
    expect(quantileRank(1, 7)).toBe(6);
    const e = new ExactQuantiles(1);
    [5, 1, 4, 2, 3].forEach((v) => e.addValue(0, v));
    expect(Array.from(e.quantiles([0, 0.5, 0.9, 1]))).toEqual([1, 3, 4, 5]);
  });
});

describe("series quantiles over model runs", { timeout: 60_000 }, () => {
  const base = resolveScenario({ presetId: "baseline", overrides: {} });
  const scenarios = drawScenarios(base, { n: 24, seed: 5 });
  const runs = scenarios.map(simulate);
  const ids = chartedSeriesIds(runs[0]);
  const months = runs[0].months.length;

  it("track every charted series and agree with exact quantiles of the same runs", () => {
    expect(ids.length).toBeGreaterThan(40);
    const acc = new SeriesQuantiles(ids, months);
    runs.forEach((r) => acc.addRun(r));
    const res = acc.result();
    expect(res.runs).toBe(24);
    expect(res.values.length).toBe(FAN_PROBS.length * ids.length * months);
    for (const id of ["shortage.tokens", "price.dram", "gpu.output.h100e"]) {
      for (const p of FAN_PROBS) {
        const band = seriesBand(res, id, p);
        for (const t of [0, 30, months - 1]) {
          const sorted = runs.map((r) => r.series[id][t]).sort((a, b) => a - b);
          const exact = sorted[quantileRank(p, sorted.length)];
          expect(Math.abs(band[t] - exact)).toBeLessThanOrEqual(Math.abs(exact) * DEFAULT_RELATIVE_ACCURACY * (1 + 1e-9) + ZERO_THRESHOLD);
        }
      }
    }
  });

  it("merge shard accumulators into exactly the unsharded one", () => {
    const whole = new SeriesQuantiles(ids, months);
    runs.forEach((r) => whole.addRun(r));
    const a = new SeriesQuantiles(ids, months), b = new SeriesQuantiles(ids, months);
    runs.forEach((r, i) => (i % 3 === 1 ? a : b).addRun(r));
    const merged = SeriesQuantiles.fromJSON(JSON.parse(JSON.stringify(b))).merge(SeriesQuantiles.fromJSON(JSON.parse(JSON.stringify(a))));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    expect(Array.from(merged.result().values)).toEqual(Array.from(whole.result().values));
  });

  it("refuses a run of another horizon or without a tracked series", () => {
    const acc = new SeriesQuantiles(["nope"], months);
    expect(() => acc.addRun(runs[0])).toThrow(/no series nope/);
    expect(() => new SeriesQuantiles(ids, months + 1).addRun(runs[0])).toThrow(/months/);
  });
});

describe("runs added in batches", () => {
  it("give the same sketch as each value added on its own, whatever the batch boundary", () => {
    const stream = uniformStream(5, 0, 1);
    const cells = 40, runs = RUN_BATCH * 2 + 7;
    const rows = Array.from({ length: runs }, (_, i) => Array.from({ length: cells }, (_, c) => value(i, c, stream.next())));
    const one = new QuantileSketch(cells), batched = new QuantileSketch(cells);
    const pending = new SketchRunBuffer(batched);
    for (const row of rows) {
      row.forEach((v, c) => one.addValue(c, v));
      pending.add(row);
    }
    pending.flush();
    expect(JSON.stringify(batched.toJSON())).toBe(JSON.stringify(one.toJSON()));
  });

  it("code the extremes of a double at the finest accuracy the sketch accepts without mixing up signs or zero", () => {
    const extremes = [Number.MAX_VALUE, -Number.MAX_VALUE, 1.0000001e-12, -1.0000001e-12, 1e-13, -0, 0, 1, -1, 1e300, -1e-300, Infinity, -Infinity, NaN];
    const cells = extremes.length, runs = RUN_BATCH + 3;
    const one = new QuantileSketch(cells, MIN_RELATIVE_ACCURACY), batched = new QuantileSketch(cells, MIN_RELATIVE_ACCURACY);
    const pending = new SketchRunBuffer(batched);
    for (let i = 0; i < runs; i++) {
      // Each cell sees its extreme, and every other run the extreme of the next cell, so every cell mixes two kinds.
      const row = extremes.map((v, c) => (i % 2 ? extremes[(c + 1) % cells] : v));
      row.forEach((v, c) => one.addValue(c, v));
      pending.add(row);
    }
    pending.flush();
    expect(JSON.stringify(batched.toJSON())).toBe(JSON.stringify(one.toJSON()));
    const q = batched.quantiles([0, 1]);
    expect(q[0]).toBe(-Number.MAX_VALUE); // cell 0 mixes MAX_VALUE and −MAX_VALUE
    expect(q[cells]).toBe(Number.MAX_VALUE);
    expect(() => new QuantileSketch(1, MIN_RELATIVE_ACCURACY / 2)).toThrow(/at least 0.0001/);
  });
});
