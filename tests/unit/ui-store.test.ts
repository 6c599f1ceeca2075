import { describe, expect, it } from "vitest";
import { createScenarioStore } from "@/lib/store/scenarioStore";
import { runOf } from "@/lib/store/derive";
import { presetParams } from "@/lib/scenario/presets";
import { clearsAtText } from "@/components/panels/metricText";
import { fmtParam } from "@/components/controls/paramFormat";
import { PARAM_BY_ID } from "@/lib/model";

describe("the workspace store", () => {
  it("starts on the baseline with no edits, and each store is separate", () => {
    const a = createScenarioStore();
    const b = createScenarioStore({ presetId: "chronic" });
    expect(a.getState().scenario).toEqual({ presetId: "baseline", overrides: {} });
    expect(b.getState().scenario.presetId).toBe("chronic");
    a.getState().setParam("packagingCapacityScale", 0.6);
    expect(b.getState().scenario.overrides).toEqual({});
  });

  it("a parameter edit changes the derived run, a reset restores it, and runs are memoized per scenario", () => {
    const s = createScenarioStore();
    const before = runOf(s.getState().scenario);
    expect(runOf(s.getState().scenario)).toBe(before);
    s.getState().setParam("powerCapacityScale", 0.5);
    const cut = runOf(s.getState().scenario);
    expect(cut).not.toBe(before);
    expect(cut.series["supply.power"][60]).toBeLessThan(before.series["supply.power"][60]);
    s.getState().resetParam("powerCapacityScale");
    expect(s.getState().scenario.overrides).toEqual({});
    expect(runOf(s.getState().scenario).series["supply.power"][60]).toBeCloseTo(before.series["supply.power"][60], 9);
  });

  it("choosing a preset drops the edits and the policy choice", () => {
    const s = createScenarioStore();
    s.getState().setParam("agentGrowthPerYear", 40);
    s.getState().setPolicy("degrade");
    s.getState().choosePreset("cpu-famine");
    expect(s.getState().scenario).toEqual({ presetId: "cpu-famine", overrides: {} });
    s.getState().choosePreset("no-such-preset");
    expect(s.getState().scenario.presetId).toBe("cpu-famine");
  });

  it("ignores non-finite values so no NaN reaches the model", () => {
    const s = createScenarioStore();
    s.getState().setParam("pue", NaN);
    expect(s.getState().scenario.overrides).toEqual({});
  });

  it("the crosshair month is shared state", () => {
    const s = createScenarioStore();
    s.getState().setHoverMonth(12);
    expect(s.getState().hoverMonth).toBe(12);
    s.getState().setHoverMonth(null);
    expect(s.getState().hoverMonth).toBeNull();
  });

  it("metric text says 'no shortage' or 'beyond <year>' by status, else the month", () => {
    const run = runOf({ presetId: "baseline", overrides: {} });
    for (const r of ["wafer", "packaging", "gpu", "tokens"]) {
      const status = run.metrics[`shortageStatus.${r}`];
      const text = clearsAtText(run, r);
      if (status === "none") expect(text).toBe("no shortage");
      else if (status === "beyond") expect(text).toBe(`beyond ${run.months[run.months.length - 1].slice(0, 4)}`);
      else expect(text).toBe(run.metrics[`clearsAt.${r}`]);
    }
  });

  it("slider value text carries the unit", () => {
    expect(fmtParam(presetParams("baseline").pue, PARAM_BY_ID.get("pue")!)).toBe("1.3 × IT power");
    expect(fmtParam(24, PARAM_BY_ID.get("powerLeadMonths")!)).toBe("24 months");
  });
});
