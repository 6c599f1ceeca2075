import { describe, expect, it } from "vitest";
import { PARAMS, simulate, SHORTAGES, type Run } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { capacityParams, clearingLevers, explainShortage, raisedScenario, CAPACITY_STEP } from "@/lib/scenario/explain";
import { clearingIndex } from "@/lib/scenario/clearing";
import { isShort } from "@/components/charts/common";
import { bindingSentence, leverSentence } from "@/components/panels/whyText";
import { BINDING_NAME } from "@/components/charts/bindingStripState";

const scenario = resolveScenario({ presetId: "baseline", overrides: { packagingCapacityScale: 1.5, powerCapacityScale: 1.3 } });
const run = simulate(scenario);

describe("capacity inputs come from the catalog", () => {
  it("every parameter whose id ends in CapacityScale, and a new one is picked up", () => {
    expect(capacityParams().map((p) => p.id)).toEqual(PARAMS.filter((p) => /CapacityScale$/.test(p.id)).map((p) => p.id));
    const extra = { ...PARAMS[0], id: "hbmCapacityScale" };
    expect(capacityParams([...PARAMS, extra]).map((p) => p.id)).toContain("hbmCapacityScale");
  });
});

describe("why a shortage happens", () => {
  it("returns nothing for an input with no shortage", () => {
    for (const r of SHORTAGES) if (run.metrics[`shortageStatus.${r}`] === "none") expect(explainShortage(run, r)).toBeNull();
  });

  it("its short months are exactly the months demand exceeds supply, and its binding stretches cover them with the run's labels", () => {
    for (const r of SHORTAGES) {
      const why = explainShortage(run, r);
      if (!why) continue;
      const ratio = run.series[`shortage.${r}`];
      const short = new Set<number>();
      for (const s of why.shortRuns) for (let i = s.from; i <= s.to; i++) short.add(i);
      for (let i = 0; i < ratio.length; i++) expect(short.has(i), `${r} ${run.months[i]}`).toBe(isShort(ratio[i]));
      let covered = 0;
      for (const b of why.binding) {
        for (let i = b.fromIndex; i <= b.toIndex; i++) { expect(run.labels["gpu.binding"][i]).toBe(b.binding); expect(short.has(i)).toBe(true); }
        covered += b.months;
      }
      expect(covered).toBe(why.shortMonths);
      expect(bindingSentence(why)).toContain(BINDING_NAME[why.bindingTotals[0].binding]);
    }
  });

  it("says who is short at the worst month: each tier's unserved share is 1 − served ÷ demanded there", () => {
    const why = explainShortage(run, "tokens")!;
    expect(why).not.toBeNull();
    const i = why.who.index;
    const ratio = run.series["shortage.tokens"];
    for (const s of why.shortRuns) for (let k = s.from; k <= s.to; k++) expect(ratio[k]).toBeLessThanOrEqual(ratio[i]);
    for (const t of why.who.tiers) {
      const d = run.series[`tokens.demand.${t.tier}`][i], s = run.series[`tokens.served.${t.tier}`][i];
      expect(t.unservedShare).toBeCloseTo(d > 0 ? 1 - s / d : 0, 9);
    }
    expect(why.who.uses.map((u) => u.id)).toEqual(["chat", "agents"]);
    expect(why.who.uses.reduce((a, u) => a + u.share, 0)).toBeCloseTo(1, 9);
  });
});

describe("what clears it soonest", () => {
  it("each lever is a rerun of the model with that capacity +10 %, its months earlier the difference of clearing months", () => {
    for (const r of ["tokens", "gpu", "cpu"]) {
      if (!explainShortage(run, r)) continue;
      const levers = clearingLevers(scenario, run, r);
      expect(levers.map((l) => l.paramId).sort()).toEqual(capacityParams().map((p) => p.id).sort());
      for (const l of levers) {
        const spec = PARAMS.find((p) => p.id === l.paramId)!;
        const oracle: Run = simulate({ ...scenario, params: { ...scenario.params, [l.paramId]: Math.min(spec.max, scenario.params[l.paramId] * (1 + CAPACITY_STEP)) } });
        expect(l.clearsAt).toBe(typeof oracle.metrics[`clearsAt.${r}`] === "string" ? oracle.metrics[`clearsAt.${r}`] : null);
        const base = clearingIndex(run, r), now = clearingIndex(oracle, r);
        if (now >= 0 && base < run.months.length) expect(l.monthsEarlier).toBe(base - now);
      }
      // Best first: no later lever clears sooner.
      const idx = levers.map((l) => (l.status === "none" ? -1 : l.clearsAt ? run.months.indexOf(l.clearsAt) : run.months.length));
      for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThanOrEqual(idx[k - 1]);
    }
  });

  it("a +10 % past the parameter's maximum uses the maximum and says so", () => {
    const spec = PARAMS.find((p) => p.id === "packagingCapacityScale")!;
    const at = raisedScenario({ ...scenario, params: { ...scenario.params, [spec.id]: spec.max } }, spec);
    expect(at.to).toBe(spec.max);
    expect(at.clamped).toBe(true);
    const why = explainShortage(run, "tokens")!;
    expect(leverSentence({ paramId: spec.id, label: spec.label, from: spec.max, to: spec.max, clamped: true, status: "clears", clearsAt: "2027-01", monthsEarlier: 2, atLeast: false }, why)).toBe(`advanced packaging +10 % (capped at its maximum, ${spec.max}) clears it 2 months earlier (2027-01)`);
  });
});

describe("lever names", () => {
  it("every capacity input is named in words, never by its parameter id", async () => {
    const { leverName } = await import("@/components/panels/whyText");
    const { capacityParams } = await import("@/lib/scenario/explain");
    for (const p of capacityParams()) {
      const name = leverName(p.id);
      expect(name, p.id).not.toMatch(/CapacityScale|[a-z][A-Z]/);
      expect(name.length, p.id).toBeGreaterThan(2);
    }
    expect(leverName("hbmStackCapacityScale")).toBe("HBM stacking (TSV)");
  });
});
