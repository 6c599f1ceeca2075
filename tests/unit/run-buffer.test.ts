import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PARAMS, simulate } from "@/lib/model";
import { RunBuffer } from "@/lib/model/runBuffer";
import { simulateInto } from "@/lib/model/simulate";
import { PRESETS, resolveScenario } from "@/lib/scenario/presets";

// simulateInto writes into a reused buffer; every number must be what simulate gives, whatever ran into the
// buffer before (another scenario, another horizon).
const scenarioArb = fc
  .record({
    presetId: fc.constantFrom(...PRESETS.map((p) => p.id)),
    picks: fc.array(fc.tuple(fc.nat(PARAMS.length - 1), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 12 }),
  })
  .map(({ presetId, picks }) => {
    const overrides: Record<string, number> = {};
    for (const [i, u] of picks) {
      const p = PARAMS[i];
      overrides[p.id] = p.id === "endYear" ? Math.round(p.min + u * (p.max - p.min)) : p.min + u * (p.max - p.min);
    }
    return resolveScenario({ presetId, overrides });
  });

/** Every series' bits, the labels, metrics and warnings of a run, as one comparable value. */
const snapshot = (run: ReturnType<typeof simulate>) => ({
  months: run.months,
  series: Object.fromEntries(Object.entries(run.series).map(([id, xs]) => [id, Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length * 2))])),
  labels: run.labels,
  metrics: run.metrics,
  warnings: run.warnings,
});

describe("runs into a reused buffer", { timeout: 120_000 }, () => {
  it("give the numbers simulate gives, after any earlier run into the same buffer (60 scenario sequences)", () => {
    const into = new RunBuffer();
    fc.assert(
      fc.property(fc.array(scenarioArb, { minLength: 1, maxLength: 3 }), (scenarios) => {
        for (const sc of scenarios) expect(snapshot(simulateInto(sc, into))).toEqual(snapshot(simulate(sc)));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it("hold one run at a time: the next run overwrites the series of the last", () => {
    const into = new RunBuffer();
    const a = simulateInto(resolveScenario({ presetId: "baseline", overrides: {} }), into);
    const first = a.series["gpu.output.h100e"][30];
    simulateInto(resolveScenario({ presetId: "baseline", overrides: { packagingCapacityScale: 0.5 } }), into);
    expect(a.series["gpu.output.h100e"][30]).not.toBe(first);
    expect(a.series["gpu.output.h100e"][30]).toBe(simulate(resolveScenario({ presetId: "baseline", overrides: { packagingCapacityScale: 0.5 } })).series["gpu.output.h100e"][30]);
  });
});
