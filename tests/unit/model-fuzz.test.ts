import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DRIVERS, PARAMS, simulate } from "@/lib/model";
import { POLICIES, PRESETS, resolveScenario, type ScenarioState } from "@/lib/scenario/presets";

// The model over random valid scenarios (any preset and policy, up to all parameters anywhere in their
// range; then with a formula on a driver): every series finite and non-negative, allocation within supply.
// 300 scenarios without formulas and 100 with: about 20 s on a loaded 2-core machine (load average 15).
const RUNS = Number(process.env.FUZZ_MODEL_RUNS ?? 300);

const FORMULAS = ["base * 1.5", "base * 0.5", "base * (1 + 0.1 * sin(t / 6))", "max(base, 1)", "base * logistic(t - 36)", "0", "base * 1000"];

/** Random valid scenarios; `withFormulas` puts a formula on one driver in four of five. */
const scenarios = (withFormulas: boolean): fc.Arbitrary<ScenarioState> => fc
  .record({
    presetId: fc.constantFrom(...PRESETS.map((p) => p.id)),
    policy: fc.constantFrom(...POLICIES),
    picks: fc.array(fc.tuple(fc.nat(PARAMS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("min", "max", "any")), { maxLength: PARAMS.length }),
    formula: withFormulas ? fc.option(fc.tuple(fc.constantFrom(...DRIVERS.map((d) => d.id)), fc.constantFrom(...FORMULAS)), { freq: 4 }) : fc.constant(null),
  })
  .map(({ presetId, policy, picks, formula }) => {
    const overrides: Record<string, number> = {};
    for (const [i, u, how] of picks) {
      const p = PARAMS[i];
      overrides[p.id] = how === "min" ? p.min : how === "max" ? p.max : p.min + u * (p.max - p.min);
    }
    return { presetId, policy, overrides, ...(formula ? { formulas: { [formula[0]]: formula[1] } } : {}) };
  });
const scenario = scenarios(false);

describe("the model over random valid scenarios", () => {
  it(`${RUNS} scenarios: finite non-negative series; wafers, HBM wafers, packaging and tokens allocated within supply`, () => {
    fc.assert(
      fc.property(scenario, (state) => {
        const run = simulate(resolveScenario(state));
        const s = run.series;
        for (const [id, xs] of Object.entries(s)) {
          for (let t = 0; t < xs.length; t++) {
            if (!Number.isFinite(xs[t]) || xs[t] < -1e-6) throw new Error(`${id}[${run.months[t]}] = ${xs[t]}`);
          }
        }
        for (const [id, v] of Object.entries(run.metrics)) if (typeof v === "number") expect(Number.isFinite(v), id).toBe(true);
        // Plain comparisons in the loop (an expect per month would cost more than the run itself).
        const within = (what: string, t: number, used: number, supply: number) => {
          if (!(used <= supply * (1 + 1e-9) + 1e-9)) throw new Error(`${what} in ${run.months[t]}: ${used} > ${supply}`);
        };
        for (let t = 0; t < run.months.length; t++) {
          within("wafer shares", t, s["wafer.share.ai"][t] + s["wafer.share.cpu"][t] + s["wafer.share.consumer"][t], 1);
          within("tokens served vs demand", t, s["tokens.served"][t], s["tokens.demand"][t]);
          within("HBM share of DRAM wafers", t, s["hbm.share.dramWafers"][t], 1);
          within("GPU output vs packaging", t, s["gpu.output.h100e"][t], s["gpu.limit.packaging"][t]);
          within("GPU output vs HBM", t, s["gpu.output.h100e"][t], s["gpu.limit.hbm"][t]);
        }
      }),
      { numRuns: RUNS, seed: 2026 },
    );
  }, 120_000);

  it("with a formula on a driver: every series and metric finite", () => {
    fc.assert(
      fc.property(scenarios(true), (state) => {
        const run = simulate(resolveScenario(state));
        for (const [id, xs] of Object.entries(run.series)) for (let t = 0; t < xs.length; t++) if (!Number.isFinite(xs[t])) throw new Error(`${id}[${run.months[t]}] = ${xs[t]}`);
        for (const [id, v] of Object.entries(run.metrics)) if (typeof v === "number") expect(Number.isFinite(v), id).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  }, 120_000);

  // A driver set to 0 by a formula (f.waferCapacity=0) once made agents.spend negative; the rebuilt model keeps it ≥ 0.
  it("with a formula on a driver: every series non-negative", () => {
    fc.assert(
      fc.property(scenarios(true), (state) => {
        const run = simulate(resolveScenario(state));
        for (const [id, xs] of Object.entries(run.series)) for (let t = 0; t < xs.length; t++) if (xs[t] < -1e-6) throw new Error(`${id}[${run.months[t]}] = ${xs[t]}`);
      }),
      { numRuns: 100, seed: 2026 },
    );
  });

  // The end-2023 fleet is powered by construction (the plan is lifted to what it draws), and deployment waits for
  // headroom, so power used never exceeds supply.
  it("power used stays within power supply under random scenarios", () => {
    fc.assert(
      fc.property(scenario, (state) => {
        const run = simulate(resolveScenario(state));
        const s = run.series;
        for (let t = 0; t < run.months.length; t++) {
          const used = s["power.used.gpu"][t] + s["power.used.cpu"][t];
          if (!(used <= s["supply.power"][t] * (1 + 1e-6) + 1e-6)) throw new Error(`power in ${run.months[t]}: ${used} > ${s["supply.power"][t]}`);
        }
      }),
      { numRuns: 100, seed: 2026 },
    );
  });
});
