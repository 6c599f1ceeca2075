import { describe, it, expect } from "vitest";
import { simulate } from "@/lib/model";
import { drawScenarios } from "@/lib/model/sampling";
import { CLAIMS, judge, measureValue, type Claim } from "@/lib/scenario/calibration";
import { PRESET_BY_ID, resolveScenario } from "@/lib/scenario/presets";
import { claimPassShares } from "@/lib/scenario/robustness";
import { claimDrivers, rankCorrelation, ranks } from "@/lib/scenario/drivers";

const DRAWS = 24;
const targets = CLAIMS.filter((c) => c.kind === "target");

describe("calibration pass shares", { timeout: 120_000 }, () => {
  const shares = claimPassShares({ draws: DRAWS, seed: 3 });

  it("give every target claim a share in [0, 1] over the requested draws", () => {
    expect(shares.map((s) => s.id)).toEqual(targets.map((c) => c.id));
    for (const s of shares) {
      expect(s.draws).toBe(DRAWS);
      expect(s.passShare).toBeGreaterThanOrEqual(0);
      expect(s.passShare).toBeLessThanOrEqual(1);
      expect(Number.isInteger(s.passShare * DRAWS)).toBe(true);
    }
  });

  it("equal a direct recount: the same draws under each claim's preset, thesis parameters held, judged one by one", () => {
    for (const presetId of new Set(targets.map((c) => c.preset))) {
      const preset = PRESET_BY_ID.get(presetId)!;
      const base = resolveScenario({ presetId, overrides: {} });
      const scenarios = drawScenarios(base, { n: DRAWS, seed: 3, fixed: new Set(Object.keys(preset.params)) });
      for (const s of scenarios) for (const [id, v] of Object.entries(preset.params)) expect(s.params[id]).toBe(v);
      const runs = scenarios.map(simulate);
      for (const c of targets.filter((t) => t.preset === presetId)) {
        const held = runs.filter((r, i) => judge(c, measureValue(c.measure!, r, scenarios[i].params)) === true).length;
        expect({ id: c.id, share: shares.find((s) => s.id === c.id)!.passShare }).toEqual({ id: c.id, share: held / DRAWS });
      }
    }
  });

  it("move with the claim's band: an impossible band gives 0, a band covering everything gives 1", () => {
    const base = targets.find((c) => c.id === "dram-price-12m")!;
    const never: Claim = { ...base, id: "never", min: 1e9, max: 2e9 };
    const always: Claim = { ...base, id: "always", min: -1e9, max: 1e9 };
    const r = claimPassShares({ draws: 8, seed: 3, claims: [never, always] });
    expect(r).toEqual([{ id: "never", passShare: 0, draws: 8 }, { id: "always", passShare: 1, draws: 8 }]);
  });

  it("repeat for a seed and reject a bad draw count", () => {
    expect(claimPassShares({ draws: 6, seed: 9, claims: targets.slice(0, 3) })).toEqual(claimPassShares({ draws: 6, seed: 9, claims: targets.slice(0, 3) }));
    expect(() => claimPassShares({ draws: 0, seed: 1 })).toThrow(/positive integer/);
  });
});

describe("what a claim moves with (drivers)", { timeout: 120_000 }, () => {
  it("ranks ties at their average rank and puts a value the run could not give last", () => {
    expect(Array.from(ranks([3, 1, 2, 2]))).toEqual([4, 1, 2.5, 2.5]);
    expect(Array.from(ranks([Infinity, 5, Infinity, -1]))).toEqual([3.5, 2, 3.5, 1]);
  });

  it("correlates ranks: 1 for the same order, −1 for the reverse, 0 when either does not vary", () => {
    const a = ranks([1, 2, 3, 4, 5]);
    expect(rankCorrelation(a, ranks([10, 20, 30, 40, 50]))).toBeCloseTo(1, 12);
    expect(rankCorrelation(a, ranks([5, 4, 3, 2, 1]))).toBeCloseTo(-1, 12);
    expect(rankCorrelation(a, ranks([7, 7, 7, 7, 7]))).toBe(0);
  });

  it("names only correlations beyond three standard errors of zero, the largest first", () => {
    const n = 101; // 3 / √100 = 0.3
    const y = ranks(Array.from({ length: n }, (_, i) => i));
    const strong = ranks(Array.from({ length: n }, (_, i) => -i));
    const noise = ranks(Array.from({ length: n }, (_, i) => (i * 37) % n)); // a fixed shuffle, |ρ| well under 0.3
    const mid = ranks(Array.from({ length: n }, (_, i) => i + ((i * 37) % n) * 2));
    expect(Math.abs(rankCorrelation(noise, y))).toBeLessThan(0.3);
    const d = claimDrivers(["noise", "mid", "strong"], [noise, mid, strong], y);
    expect(d.map((x) => x.id)).toEqual(["strong", "mid"]);
    expect(d[0].rho).toBeCloseTo(-1, 12);
    expect(claimDrivers(["strong"], [strong.subarray(0, 2)], y.subarray(0, 2))).toEqual([]);
  });

  it("find the assumption a claim measures directly, and never a preset's held thesis parameter", () => {
    const agentClaim: Claim = { ...targets[0], id: "agent-growth", preset: "baseline", measure: { type: "param", param: "agentGrowthPerYear" }, min: 0, max: 1e9 };
    const tokens = targets.filter((c) => c.preset === "tokens-rationed");
    expect(tokens.length).toBeGreaterThan(0);
    const r = claimPassShares({ draws: 60, seed: 2, claims: [agentClaim, ...tokens], drivers: true });
    expect(r[0].drivers![0].id).toBe("agentGrowthPerYear");
    expect(r[0].drivers![0].rho).toBeCloseTo(1, 12);
    const held = Object.keys(PRESET_BY_ID.get("tokens-rationed")!.params);
    for (const c of r.slice(1)) {
      for (const d of c.drivers!) {
        expect(held).not.toContain(d.id);
        expect(Math.abs(d.rho)).toBeGreaterThan(3 / Math.sqrt(59));
        expect(Math.abs(d.rho)).toBeLessThanOrEqual(1);
      }
    }
    expect(claimPassShares({ draws: 60, seed: 2, claims: tokens, drivers: true })).toEqual(r.slice(1));
  });
});
