import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { approxLog2, approxPow2, bucketValue, keyMultiplier } from "@/lib/model/sampling/bucketMapping";
import { QuantileSketch } from "@/lib/model/sampling";

const positive = fc.double({ min: 1e-12, max: 1e300, noNaN: true, noDefaultInfinity: true }).filter((v) => v > 1e-12);

describe("the sketch's bucket keys", () => {
  it("agree with log₂ at powers of two and stay within 0.09 of it between them", () => {
    for (let e = -40; e <= 40; e++) expect(approxLog2(2 ** e)).toBe(e);
    fc.assert(fc.property(positive, (v) => Math.abs(approxLog2(v) - Math.log2(v)) < 0.09));
  });

  it("increase with the value (so ranks are kept)", () => {
    fc.assert(fc.property(positive, fc.double({ min: 1e-9, max: 1, noNaN: true }), (v, d) => approxLog2(v * (1 + d)) > approxLog2(v)));
  });

  it("invert: approxPow2(approxLog2(v)) gives v back to 1e-13", () => {
    fc.assert(fc.property(positive, (v) => Math.abs(approxPow2(approxLog2(v)) / v - 1) < 1e-13));
  });

  for (const alpha of [0.001, 0.005, 0.02]) {
    it(`keep every value within ±${alpha * 100} % of its bucket's representative`, () => {
      const mult = keyMultiplier(alpha);
      fc.assert(
        fc.property(positive, (v) => {
          const rep = bucketValue(Math.ceil(approxLog2(v) * mult), mult);
          return Math.abs(rep - v) / v <= alpha * (1 + 1e-9);
        }),
        { numRuns: 20_000 },
      );
      // Worst case near s = 0 and s = 2/3 of an octave, where the cubic is steepest in ln v: the bound is tight there.
      let worst = 0;
      for (let i = 0; i < 200_000; i++) {
        const v = 1 + i / 200_000;
        worst = Math.max(worst, Math.abs(bucketValue(Math.ceil(approxLog2(v) * mult), mult) - v) / v);
      }
      expect(worst).toBeLessThanOrEqual(alpha * (1 + 1e-9));
      expect(worst).toBeGreaterThan(alpha * 0.98);
    });
  }
});

describe("sketch states of the earlier format", () => {
  it("are refused with a message that says to rerun the shard", () => {
    const s = new QuantileSketch(2).toJSON();
    expect(s.kind).toBe("chokepoint.quantileSketch/2");
    expect(() => QuantileSketch.fromJSON({ ...s, kind: "chokepoint.quantileSketch/1" } as never)).toThrow(/sketch format 1.*rerun the shard/);
  });
});
