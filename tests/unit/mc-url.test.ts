import { describe, expect, it } from "vitest";
import { decodeScenario, encodeScenario, parseRunCount, parseSeed, RUNS_KEY, SEED_KEY } from "@/lib/scenario/url";
import { createScenarioStore } from "@/lib/store/scenarioStore";
import { loadQuery, queryOf } from "@/lib/store/urlSync";
import { createMonteCarloPool, type FanResult } from "@/lib/model/mc";
import { monteCarloSpec } from "@/lib/store/uncertainty";
import { inProcessWorker } from "./mc-inprocess";

describe("Monte Carlo settings in the share link", { timeout: 120_000 }, () => {
  it("run count and seed round-trip, after the scenario and before the baseline", () => {
    const q = encodeScenario({ presetId: "chronic", overrides: {} }, { baseline: { presetId: "baseline", overrides: {} }, montecarlo: { runs: 2000, seed: 42 } });
    expect(q).toBe(`v=1&p=chronic&${RUNS_KEY}=2000&${SEED_KEY}=42&b.p=baseline`);
    const d = decodeScenario(q);
    expect(d.montecarlo).toEqual({ runs: 2000, seed: 42 });
    expect(d.issues).toEqual([]);
    expect(encodeScenario(d.state, { baseline: d.baseline, montecarlo: d.montecarlo })).toBe(q);
  });

  it("bands off writes no run count, and the seed only when it is not the default", () => {
    expect(encodeScenario({ presetId: "baseline", overrides: {} }, { montecarlo: { runs: null, seed: 1 } })).toBe("v=1&p=baseline");
    expect(encodeScenario({ presetId: "baseline", overrides: {} }, { montecarlo: { runs: null, seed: 9 } })).toBe("v=1&p=baseline&seed=9");
    expect(decodeScenario("v=1&p=baseline&seed=9").montecarlo).toEqual({ runs: null, seed: 9 });
    expect(decodeScenario("v=1&p=baseline").montecarlo).toBeUndefined();
  });

  it("refuses run counts and seeds out of range or malformed, with a reason, and leaves bands off", () => {
    for (const raw of ["0", "99", "10001", "1e3", "-5", "abc", "1000.5", "9".repeat(40)]) {
      expect(parseRunCount(raw).status).toBe("invalid");
      const d = decodeScenario(`v=1&p=baseline&mc=${encodeURIComponent(raw)}`);
      expect(d.montecarlo).toBeUndefined();
      expect(d.issues).toHaveLength(1);
      expect(d.issues[0].reason).toMatch(/runs|whole number/);
    }
    for (const raw of ["-1", "4294967296", "1.5", "x", "0x10"]) {
      expect(parseSeed(raw).status).toBe("invalid");
      expect(decodeScenario(`v=1&mc=1000&seed=${raw}`).montecarlo).toEqual({ runs: 1000, seed: 1 });
    }
    expect(parseRunCount("100")).toEqual({ status: "valid", value: 100 });
    expect(parseSeed("4294967295")).toEqual({ status: "valid", value: 4294967295 });
  });

  it("the baseline has no Monte Carlo keys: b.mc is reported as unknown", () => {
    const d = decodeScenario("v=1&p=baseline&b.p=chronic&b.mc=1000");
    expect(d.montecarlo).toBeUndefined();
    expect(d.issues.map((i) => i.key)).toEqual(["b.mc"]);
  });

  it("the store loads the settings from a link and writes them back", () => {
    const store = createScenarioStore();
    loadQuery(store, "?v=1&p=chronic&mc=5000&seed=3");
    expect(store.getState().montecarlo).toEqual({ on: true, runs: 5000, seed: 3 });
    expect(queryOf(store.getState())).toBe("v=1&p=chronic&mc=5000&seed=3");
    store.getState().setMonteCarlo({ on: false });
    expect(queryOf(store.getState())).toBe("v=1&p=chronic&seed=3");
    store.getState().setMonteCarlo({ runs: 50_000, seed: -2 });
    expect(store.getState().montecarlo).toEqual({ on: false, runs: 10_000, seed: 3 });
  });

  it("the same link gives the same bands; another seed in the link gives other bands", async () => {
    const bandsOf = async (link: string) => {
      const store = createScenarioStore();
      loadQuery(store, link);
      const { scenario, montecarlo } = store.getState();
      const pool = createMonteCarloPool(inProcessWorker, 2);
      let fan: FanResult | null = null;
      await pool.monteCarlo(monteCarloSpec(scenario, montecarlo, { series: ["price.dram", "shortage.tokens"], metrics: ["peakPrice.dram"], clearing: ["gpu"] }), (f) => (fan = f)).done;
      pool.dispose();
      return fan! as FanResult;
    };
    const link = "?v=1&p=chronic&pcs=1.1&mc=100&seed=5";
    const a = await bandsOf(link), b = await bandsOf(link), c = await bandsOf(link.replace("seed=5", "seed=6"));
    expect(a.runs).toBe(100);
    expect(a.series).toEqual(b.series);
    expect(a.cleared).toEqual(b.cleared);
    expect(a.series).not.toEqual(c.series);
  }, 30_000);
});
