import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { simulate, PARAMS } from "@/lib/model";
import { VENDORS } from "@/lib/model/catalog";
import { resolveScenario } from "@/lib/scenario/presets";

const run = (overrides: Record<string, number> = {}) => simulate(resolveScenario({ presetId: "baseline", overrides }));
const relClose = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Every month's accelerator sales over all vendors, and what the month's output is worth at its cost per H100e. */
function salesAgainstOutput(r: ReturnType<typeof run>) {
  const out = r.series["gpu.output.h100e"], cost = r.series["gpu.cost.perH100e"];
  return r.months.map((_, t) => ({
    sales: VENDORS.ids.reduce((a, v) => a + r.series[`accelerators.revenue.${v}`][t], 0),
    worth: out[t] * cost[t],
  }));
}

describe("accelerator sales (docs/model.md §10)", { timeout: 120_000 }, () => {
  it("over all vendors they are the month's output at its price per H100e, inputs passed through", () => {
    const rows = salesAgainstOutput(run());
    expect(rows.some((x) => x.sales > 1e9)).toBe(true);
    for (const x of rows) expect(relClose(x.sales, x.worth, 1e-9), `${x.sales} vs ${x.worth}`).toBe(true);
  });

  it("the identity holds over random scenarios", () => {
    const ids = PARAMS.filter((p) => p.id !== "endYear");
    fc.assert(
      fc.property(fc.record(Object.fromEntries(ids.map((p) => [p.id, fc.double({ min: p.min, max: p.max, noNaN: true })]))), (sc) => {
        for (const x of salesAgainstOutput(run(sc))) if (!relClose(x.sales, x.worth, 1e-9)) throw new Error(`${x.sales} vs ${x.worth}`);
        return true;
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it("Nvidia's data-centre revenue is its accelerator sales plus networking at the catalog's share; AMD's is its sales", () => {
    const r = run();
    const attach = VENDORS.networkingRevenue.perComputeRevenue.nvidia;
    expect(attach).toBeGreaterThan(0.1);
    const nv = r.series["accelerators.revenue.nvidia"], dc = r.series["revenue.nvidia.dc"];
    const amd = r.series["accelerators.revenue.amd"], amdGpu = r.series["revenue.amd.dcgpu"];
    for (let t = 0; t < r.months.length; t++) {
      expect(relClose(dc[t], nv[t] * (1 + attach))).toBe(true);
      expect(amdGpu[t]).toBe(amd[t]);
    }
    // Priced: Nvidia's 2024 sales per unit shipped sit between its cheapest and dearest generations' list prices.
    const units = r.series["gpu.output.units.nvidia"];
    let s = 0, u = 0;
    for (let t = 0; t < 12; t++) {
      s += nv[t];
      u += units[t];
    }
    expect(s / u).toBeGreaterThan(12_000);
    expect(s / u).toBeLessThan(45_000);
  });
});
