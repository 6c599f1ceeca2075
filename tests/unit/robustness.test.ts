import { describe, it, expect } from "vitest";
import { simulate } from "@/lib/model";
import { drawScenarios } from "@/lib/model/sampling";
import { CLAIMS, judge, measureValue, type Claim } from "@/lib/scenario/calibration";
import { PRESET_BY_ID, resolveScenario } from "@/lib/scenario/presets";
import { claimPassShares } from "@/lib/scenario/robustness";

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
