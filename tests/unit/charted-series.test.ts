import { describe, it, expect } from "vitest";
import { simulate } from "@/lib/model";
import { chartedSeriesIds } from "@/lib/model/sampling";
import { evaluateCalibration } from "@/lib/scenario/calibration";
import { resolveScenario } from "@/lib/scenario/presets";
import { CHARTS } from "@/components/charts/registry";

describe("the charted series a Monte Carlo summarises", () => {
  it("are exactly the numeric series the workspace's charts export", () => {
    const run = simulate(resolveScenario({ presetId: "baseline", overrides: {} }));
    const fromCharts = new Set<string>();
    for (const c of CHARTS) {
      const state = c.state(run, { presetId: "baseline", baseline: null, calibration: () => evaluateCalibration("baseline") });
      for (const id of state.csvSeries ?? []) if (run.series[id]) fromCharts.add(id);
    }
    expect(fromCharts.size).toBeGreaterThan(40);
    expect([...chartedSeriesIds(run)].sort()).toEqual([...fromCharts].sort());
  });
});
