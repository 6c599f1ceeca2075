import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { PARAMS, PARAM_BY_ID, type ParamSpec } from "@/lib/model";
import { catalogSamplingProblems } from "@/lib/model/catalog";
import {
  BLOCK_SIZE,
  CORRELATION_PAIRS,
  correlationProblems,
  createSampler,
  drawScenarios,
  normalCdf,
  normalQuantile,
  paramDistribution,
  uniformStream,
} from "@/lib/model/sampling";
import { resolveScenario } from "@/lib/scenario/presets";
import { withDistributions } from "@/scripts/set-distributions";
import { rankCorrelation, ranks } from "@/lib/scenario/drivers";

const base = resolveScenario({ presetId: "baseline", overrides: {} });
const N = 8 * BLOCK_SIZE;
const draws = drawScenarios(base, { n: N, seed: 20261201 });
const column = (id: string) => Float64Array.from(draws, (s) => s.params[id]);

/** Spearman rank correlation (lib/scenario/drivers.ts: ties at their average rank, none expected in continuous draws). */
const spearman = (x: Float64Array, y: Float64Array): number => rankCorrelation(ranks(x), ranks(y));

/** Kolmogorov–Smirnov distance between a sample and a CDF. */
function ksDistance(sample: Float64Array, cdf: (x: number) => number): number {
  const s = sample.slice().sort();
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, Math.abs(f - i / s.length), Math.abs((i + 1) / s.length - f));
  }
  return d;
}

describe("the normal distribution helpers", () => {
  it("match published values of Φ and Φ⁻¹", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(-7) / 1.279812543885835e-12).toBeCloseTo(1, 10);
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
  });
});

describe("seeded streams and draws", { timeout: 60_000 }, () => {
  it("a fixed seed repeats bit for bit; another seed gives other draws", () => {
    const again = drawScenarios(base, { n: 300, seed: 20261201 });
    // Bit for bit: the bytes of every value of every draw.
    const bytes = (ss: typeof draws) => Buffer.from(Float64Array.from(ss.slice(0, 300).flatMap((s) => PARAMS.map((p) => s.params[p.id]))).buffer);
    expect(bytes(again).equals(bytes(draws))).toBe(true);
    const other = drawScenarios(base, { n: 10, seed: 20261202 });
    expect(other[0].params.waferCapacityScale).not.toBe(draws[0].params.waferCapacityScale);
  });

  it("draw i is the same whatever the run's size or first index (so shards agree)", () => {
    const slice = drawScenarios(base, { n: 300, seed: 20261201, first: 500 });
    slice.forEach((s, k) => expect(s.params).toEqual(draws[500 + k].params));
    const small = drawScenarios(base, { n: 3, seed: 20261201 });
    small.forEach((s, k) => expect(s.params).toEqual(draws[k].params));
  });

  it("streams are keyed: different keys differ, the same keys repeat", () => {
    const a = uniformStream(1, 2, 3), b = uniformStream(1, 2, 3), c = uniformStream(1, 3, 2);
    const va = [a.next(), a.next()], vb = [b.next(), b.next()], vc = [c.next(), c.next()];
    expect(va).toEqual(vb);
    expect(va).not.toEqual(vc);
    for (const v of va) expect(v > 0 && v < 1).toBe(true);
  });

  it("rejects a bad seed, n or first with a clear message", () => {
    expect(() => drawScenarios(base, { n: 2, seed: -1 })).toThrow(/seed must be an integer/);
    expect(() => drawScenarios(base, { n: 2, seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => drawScenarios(base, { n: -2, seed: 1 })).toThrow(/n must be/);
    expect(() => drawScenarios(base, { n: 2, seed: 1, first: 0.5 })).toThrow(/first must be/);
  });

  it("fixed parameters keep the base value and the others keep their draws", () => {
    const changed = { ...base, params: { ...base.params, packagingCapacityScale: 1.7 } };
    const fixed = new Set(["packagingCapacityScale"]);
    const held = drawScenarios(changed, { n: 50, seed: 20261201, fixed });
    held.forEach((s, i) => {
      expect(s.params.packagingCapacityScale).toBe(1.7);
      expect(s.params.waferCapacityScale).toBe(draws[i].params.waferCapacityScale);
      expect(s.policy).toBe(base.policy);
    });
    // A zero-width band (the horizon) is not sampled: the base's value stays.
    const shorter = drawScenarios({ ...base, params: { ...base.params, endYear: 2030 } }, { n: 5, seed: 20261201 });
    for (const s of shorter) expect(s.params.endYear).toBe(2030);
  });
});

describe("sampled values follow the declared distributions", { timeout: 60_000 }, () => {
  it("every parameter declares a distribution, and the loader rejects one that does not", () => {
    for (const p of PARAMS) expect(["uniform", "triangular", "lognormal"]).toContain(p.distribution);
    const broken = { ...PARAMS[0], distribution: undefined } as unknown as ParamSpec;
    expect(catalogSamplingProblems([broken, PARAMS[1]]).join()).toContain(PARAMS[0].id);
    expect(catalogSamplingProblems([{ ...PARAMS[0], distribution: "lognormal", min: -1, low: 0 }])[0]).toMatch(/lognormal needs 0 < low/);
    expect(catalogSamplingProblems([{ ...PARAMS[0], low: 0.1 }])[0]).toMatch(/band 0.1–1.15 is not within 0.5–2/);
  });

  it("uniform and triangular draws lie within the band; lognormal within the allowed range, 90 % within the band before truncation", () => {
    for (const p of PARAMS) {
      const v = column(p.id);
      const inBand = v.filter((x) => x >= p.low && x <= p.high).length / v.length;
      if (p.distribution === "lognormal") {
        expect(v.every((x) => x >= p.min && x <= p.max), p.id).toBe(true);
        // 90 % of the untruncated lognormal lies in [low, high]; truncation at min or max raises the share.
        const d = paramDistribution(p);
        const expected = d.cdf(p.high) - d.cdf(p.low);
        expect(expected, p.id).toBeGreaterThanOrEqual(0.9 - 1e-9);
        expect(Math.abs(inBand - expected), p.id).toBeLessThan(0.01);
      } else {
        expect(inBand, p.id).toBe(1);
      }
      if (p.high === p.low) expect(v.every((x) => x === p.low), p.id).toBe(true);
    }
  });

  it("each parameter's sample passes a Kolmogorov–Smirnov check against its own CDF and fails against a wrong one", () => {
    const bound = 1.63 / Math.sqrt(N); // the 1 % critical value for independent draws; Latin hypercubes sit well inside it
    for (const p of PARAMS) {
      const d = paramDistribution(p);
      if (!d.varies) continue;
      const v = column(p.id);
      expect(ksDistance(v, d.cdf), p.id).toBeLessThan(bound);
    }
    // The check has teeth: a triangular sample is far from a uniform CDF over the same band.
    const tri = PARAMS.find((p) => p.distribution === "triangular" && p.high > p.low)!;
    const uniformCdf = (x: number) => Math.min(1, Math.max(0, (x - tri.low) / (tri.high - tri.low)));
    expect(ksDistance(column(tri.id), uniformCdf)).toBeGreaterThan(bound);
  });

  it("a triangular draw's mode sits at the default and a lognormal's 5th/95th percentiles at the band's ends", () => {
    // chatSaturationT: band 8,000–30,000, allowed 1,000–100,000, so truncation removes almost nothing.
    const logn = PARAM_BY_ID.get("chatSaturationT")!;
    expect(logn.distribution).toBe("lognormal");
    const d = paramDistribution(logn);
    expect(d.quantile(0.05) / logn.low).toBeCloseTo(1, 2);
    expect(d.quantile(0.95) / logn.high).toBeCloseTo(1, 2);
    expect(d.cdf(logn.high) - d.cdf(logn.low)).toBeCloseTo(0.9, 2);
    // subtasksPerGoal's band ends at its maximum: the draw never exceeds it.
    const capped = paramDistribution(PARAM_BY_ID.get("subtasksPerGoal")!);
    expect(capped.cdf(PARAM_BY_ID.get("subtasksPerGoal")!.max)).toBe(1);
    expect(capped.quantile(0.999999)).toBeLessThanOrEqual(PARAM_BY_ID.get("subtasksPerGoal")!.max);
    const tri = PARAM_BY_ID.get("pue")!;
    const t = paramDistribution(tri);
    const fc = (tri.default - tri.low) / (tri.high - tri.low);
    expect(t.quantile(fc)).toBeCloseTo(tri.default, 12);
  });
});

describe("rank correlations", { timeout: 60_000 }, () => {
  it("the declared correlations come out near their targets, and undeclared pairs near zero", () => {
    for (const pair of CORRELATION_PAIRS) {
      const rho = spearman(column(pair.a), column(pair.b));
      expect(Math.abs(rho - pair.rankCorrelation), `${pair.a}–${pair.b}: ${rho}`).toBeLessThan(0.05);
    }
    expect(Math.abs(spearman(column("waferCapacityScale"), column("chatGrowthPerYear")))).toBeLessThan(0.08);
    expect(Math.abs(spearman(column("dramInventoryPriceResponse"), column("utilization")))).toBeLessThan(0.08);
  });

  it("imposing correlations keeps each marginal: the correlated columns still pass their KS check", () => {
    const bound = 1.63 / Math.sqrt(N);
    for (const id of ["dramInventoryPriceResponse", "nandInventoryPriceResponse", "chatGrowthPerYear"]) expect(ksDistance(column(id), paramDistribution(PARAM_BY_ID.get(id)!).cdf)).toBeLessThan(bound);
  });

  it("validation names unknown ids, repeated pairs, coefficients out of range and a matrix that is not positive definite", () => {
    expect(correlationProblems(CORRELATION_PAIRS)).toEqual([]);
    const r = (a: string, b: string, rankCorrelation: number) => ({ a, b, rankCorrelation, reasoning: "test" });
    expect(correlationProblems([r("nope", "pue", 0.3)]).join()).toContain('unknown parameter "nope"');
    expect(correlationProblems([r("pue", "utilization", 0.3), r("utilization", "pue", 0.2)]).join()).toContain("declared twice");
    expect(correlationProblems([r("pue", "utilization", 1.2)]).join()).toContain("must be in (−1, 1)");
    expect(correlationProblems([r("pue", "endYear", 0.3)]).join()).toContain("zero width");
    expect(correlationProblems([r("pue", "utilization", 0.9), r("utilization", "electricityUsdPerKWh", 0.9), r("pue", "electricityUsdPerKWh", -0.9)]).join()).toContain("not positive definite");
    expect(() => createSampler({ seed: 1, pairs: [r("pue", "utilization", 0.9), r("utilization", "electricityUsdPerKWh", 0.9), r("pue", "electricityUsdPerKWh", -0.9)] })).toThrow(/positive definite/);
  });
});

describe("scripts/set-distributions.ts", () => {
  const file = path.resolve(__dirname, "../../data/parameters.json");
  const text = fs.readFileSync(file, "utf8");

  it("is idempotent on the committed catalog", () => {
    expect(withDistributions(text)).toBe(text);
  });

  it("re-derives the field on a catalog that lacks it, and names parameters it does not know", () => {
    const catalog = JSON.parse(text);
    for (const p of catalog.parameters) delete p.distribution;
    expect(withDistributions(JSON.stringify(catalog, null, 2) + "\n")).toBe(text);
    catalog.parameters.push({ ...catalog.parameters[0], id: "mysteryKnob" }, { ...catalog.parameters[0], id: "otherKnob" });
    expect(() => withDistributions(JSON.stringify(catalog))).toThrow(/2 parameter\(s\): mysteryKnob, otherKnob/);
  });
});
