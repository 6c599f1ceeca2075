import { describe, it, expect } from "vitest";
import { GPUS, GENERATION_MIX_QUARTERS, VENDORS } from "@/lib/model/catalog";
import { setup } from "@/lib/model/setup";
import { monthIndex } from "@/lib/model/time";
import { periodMonths } from "@/lib/scenario/history";

/** The output mix of the default scenario: mix[t * G + g], each generation's share of a month's H100e. */
const m = setup({ params: {}, policy: "priority" });
const G = GPUS.length;
const idx = new Map(GPUS.map((g, i) => [g.id, i]));
/** Units of generation g per H100e of the month's output. */
const units = (t: number, id: string) => m.mix[t * G + idx.get(id)!] / GPUS[idx.get(id)!].h100e;
/** CoWoS wafers (before yield) of generation g per H100e of the month's output. */
const wafers = (t: number, id: string) => units(t, id) / GPUS[idx.get(id)!].packagesPerCowosWafer;
/** Month indices of a calendar quarter ("2024-Q3"), read with the history file's own period parser. */
const monthsOf = (q: string) => {
  const { first } = periodMonths(q)!;
  return [0, 1, 2].map((i) => monthIndex(first) + i);
};

describe("the output mix in the quarters Epoch AI counts (docs/model.md §3)", () => {
  it("each vendor's units split across its generations in Epoch's ratios, every month of every counted quarter", () => {
    let checked = 0;
    for (const [q, byVendor] of Object.entries(GENERATION_MIX_QUARTERS)) {
      for (const gens of Object.values(byVendor)) {
        const ids = Object.keys(gens).filter((id) => gens[id] > 0);
        const total = ids.reduce((s, id) => s + gens[id], 0);
        for (const t of monthsOf(q)) {
          const modelTotal = ids.reduce((s, id) => s + units(t, id), 0);
          for (const id of ids) {
            expect(units(t, id) / modelTotal, `${q} ${id}`).toBeCloseTo(gens[id] / total, 10);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("a generation Epoch does not count in a quarter ships nothing then, though its launch ramp has begun", () => {
    // B200 launched 2024-12 by the catalog; Epoch counts it from 2024-Q4. Trainium 2 launched 2024-12 by the catalog
    // but Epoch counts it from 2024-Q1, so it ships in 2024-Q1 where the launch ramp alone would not.
    expect(units(monthIndex("2024-06"), "b200")).toBe(0);
    expect(units(monthIndex("2024-02"), "trn2")).toBeGreaterThan(0);
    // H20 ships in 2024 and is gone from Epoch's 2025-Q4; Rubin (2026-09) is not in any counted quarter.
    expect(units(monthIndex("2024-08"), "h20")).toBeGreaterThan(0);
    expect(units(monthIndex("2025-11"), "h20")).toBe(0);
    for (let t = 0; t < 24; t++) expect(units(t, "rubin")).toBe(0);
  });

  it("vendors split packaging wafers by the dated shares: the Epoch-derived 2024 anchor, flat before 2024-07", () => {
    const anchor = VENDORS.packagingShare.anchors["2024-07"];
    for (const t of [0, 3, 6]) {
      const byVendor = new Map<string, number>();
      for (const g of GPUS) byVendor.set(g.vendor, (byVendor.get(g.vendor) ?? 0) + wafers(t, g.id));
      const all = [...byVendor.values()].reduce((a, b) => a + b, 0);
      for (const v of VENDORS.ids) expect(byVendor.get(v)! / all, `${v} at month ${t}`).toBeCloseTo(anchor[v], 10);
    }
  });

  it("after the counted quarters the launch ramps take over: Rubin ships once launched, TPU v5e no longer", () => {
    expect(units(monthIndex("2027-03"), "rubin")).toBeGreaterThan(0);
    expect(units(monthIndex("2026-06"), "tpuV5e")).toBe(0);
    const shares = [0, 12, 24, 36, 60].map((t) => GPUS.reduce((s, g) => s + m.mix[t * G + idx.get(g.id)!], 0));
    for (const s of shares) expect(s).toBeCloseTo(1, 12);
  });
});
