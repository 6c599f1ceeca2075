import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { SERIES_META, type Run } from "@/lib/model";
import {
  HISTORY,
  HISTORY_ERRORS,
  PROPOSED_SERIES,
  aggregate,
  centre,
  compareHistory,
  expectedBand,
  parseHistory,
  periodMonths,
  toleranceBand,
  type HistoryEntry,
} from "@/lib/scenario/history";

const root = path.resolve(__dirname, "../..");
const readJson = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), "utf8"));

/** A run of 36 months from 2024-01 with hand-made series (no model involved). */
function syntheticRun(): Run {
  const months = Array.from({ length: 36 }, (_, t) => `${2024 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`);
  const mk = (f: (t: number) => number) => Float64Array.from(months, (_, t) => f(t));
  return {
    schema: "chokepoint.run/1",
    months,
    series: { ramp: mk((t) => t + 1), flat: mk(() => 10), other: mk(() => 2), zero: mk(() => 0) },
    labels: {},
    metrics: {},
    meta: {},
    warnings: [],
  };
}

function entry(over: Partial<HistoryEntry> & Pick<HistoryEntry, "mapsTo">): HistoryEntry {
  return {
    id: "x", quantity: "q", unit: "u", period: "2024", value: 1, source: "s", date: "2026", confidence: "M", note: "",
    tolerance: { relative: 0, reason: "test" }, ...over,
  };
}

describe("data/history.json integrity", () => {
  const raw = readJson("data/history.json");

  it("parses against the schema: every entry sourced, dated, with a confidence, a unit and a reasoned tolerance", () => {
    const r = parseHistory(raw);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(HISTORY_ERRORS).toEqual([]);
    expect(HISTORY.length).toBe(raw.entries.length);
    expect(HISTORY.length).toBeGreaterThan(50);
    for (const e of HISTORY) {
      expect(e.source.length, e.id).toBeGreaterThan(10);
      expect(["H", "M", "L"]).toContain(e.confidence);
      expect(e.unit.trim(), e.id).not.toBe("");
      expect(e.tolerance.reason.trim(), e.id).not.toBe("");
      expect(e.tolerance.relative, e.id).toBeLessThanOrEqual(0.5);
    }
  });

  it("every period and ratio base parses to months, and bands are ordered", () => {
    for (const e of HISTORY) {
      const p = periodMonths(e.period);
      expect(p, `${e.id} ${e.period}`).not.toBeNull();
      expect(p!.first <= p!.last).toBe(true);
      if (e.mapsTo.aggregation === "ratio") expect(periodMonths(e.mapsTo.base!), e.id).not.toBeNull();
      const b = expectedBand(e);
      if (b.low !== null && b.high !== null) expect(b.low, e.id).toBeLessThanOrEqual(b.high);
    }
  });

  it("every mapped series is one the model has or one the file proposes", () => {
    const patterns = Object.keys(PROPOSED_SERIES).map((k) => new RegExp(`^${k.replace(/\./g, "\\.").replace("<vendor>", "(nvidia|google-tpu|aws-trainium|amd|others)")}$`));
    for (const e of HISTORY) {
      for (const id of Array.isArray(e.mapsTo.series) ? e.mapsTo.series : [e.mapsTo.series]) {
        expect(id in SERIES_META || patterns.some((re) => re.test(id)), `${e.id}: ${id}`).toBe(true);
      }
    }
  });

  it("rejects bad documents with messages instead of throwing", () => {
    const bad = structuredClone(raw);
    bad.entries[0].period = "2024-13";
    bad.entries[1].id = bad.entries[2].id;
    bad.entries[3].value = { low: 5, high: 1 };
    delete bad.entries[4].source;
    const r = parseHistory(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThanOrEqual(1);
    const r2 = parseHistory({ ...raw, entries: [raw.entries[1], raw.entries[1]] });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors.join(" ")).toContain("duplicate id");
    expect(parseHistory(null).ok).toBe(false);
  });
});

describe("data/accelerators.json integrity", () => {
  const acc = readJson("data/accelerators.json");
  it("every non-null field of every generation is covered by a provenance entry with a source or a reasoned assumption", () => {
    expect(acc.schema).toBe("chokepoint.accelerators/1");
    expect(acc.vendors.map((v: { id: string }) => v.id)).toEqual(["nvidia", "google-tpu", "aws-trainium", "amd", "others"]);
    const skip = new Set(["id", "label", "provenance", "h100eBasis", "epochName", "formats"]);
    for (const v of acc.vendors) {
      for (const g of v.generations) {
        expect(g.launch, g.id).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        for (const p of g.provenance) {
          expect(["H", "M", "L"], g.id).toContain(p.confidence);
          expect(p.kind === "source" ? p.source : p.reasoning, `${g.id} ${p.fields}`).toBeTruthy();
        }
        const covered = new Set(g.provenance.flatMap((p: { fields: string[] }) => p.fields));
        for (const [k, val] of Object.entries(g)) if (!skip.has(k) && val !== null) expect(covered.has(k), `${g.id}.${k}`).toBe(true);
      }
    }
  });
});

describe("periods, bands and aggregation", () => {
  it("periodMonths reads months, quarters, years and ranges, and rejects the rest", () => {
    expect(periodMonths("2025-03")).toEqual({ first: "2025-03", last: "2025-03" });
    expect(periodMonths("2025-Q3")).toEqual({ first: "2025-07", last: "2025-09" });
    expect(periodMonths("2026")).toEqual({ first: "2026-01", last: "2026-12" });
    expect(periodMonths("2024-02/2025-01")).toEqual({ first: "2024-02", last: "2025-01" });
    for (const bad of ["2025-13", "2025-Q5", "25", "2025-01/2024-12", "2025-1", ""]) expect(periodMonths(bad), bad).toBeNull();
  });

  it("bands: bounds open one side; tolerance widens both sides relatively", () => {
    expect(expectedBand({ value: 4 })).toEqual({ low: 4, high: 4 });
    expect(expectedBand({ value: 4, bound: "lower" })).toEqual({ low: 4, high: null });
    expect(expectedBand({ value: { low: null, high: 1 }, bound: "upper" })).toEqual({ low: null, high: 1 });
    const t = toleranceBand({ low: 10, high: 20 }, 0.25);
    expect(t.low).toBeCloseTo(8, 12);
    expect(t.high).toBeCloseTo(25, 12);
    expect(toleranceBand({ low: -10, high: null }, 0.25)).toEqual({ low: -12.5, high: null });
    expect(centre({ low: 4, high: 9 })).toBeCloseTo(6, 12);
    expect(centre({ low: 4, high: null })).toBe(4);
  });

  it("aggregate computes sum, mean, end, ratio, scale and summed series on a synthetic run", () => {
    const run = syntheticRun();
    // ramp = 1..36 over 2024-01..2026-12
    expect(aggregate(run, { series: "ramp", aggregation: "sum" }, "2024")).toEqual({ value: 78 }); // 1+…+12
    expect(aggregate(run, { series: "ramp", aggregation: "mean" }, "2025-Q2")).toEqual({ value: 17 }); // 16,17,18
    expect(aggregate(run, { series: "ramp", aggregation: "end" }, "2025")).toEqual({ value: 24 });
    expect(aggregate(run, { series: "ramp", aggregation: "ratio", of: "mean", base: "2024-Q1" }, "2024-Q2")).toEqual({ value: 5 / 2 });
    expect(aggregate(run, { series: "ramp", aggregation: "ratio", of: "sum", base: "2024" }, "2025")).toEqual({ value: (13 + 24) * 6 / 78 });
    expect(aggregate(run, { series: "flat", aggregation: "sum", scale: 0.5 }, "2024-02/2024-05")).toEqual({ value: 20 });
    expect(aggregate(run, { series: ["flat", "other"], aggregation: "mean" }, "2026")).toEqual({ value: 12 });
    expect(aggregate(run, { series: ["flat", "nope"], aggregation: "mean" }, "2026")).toMatchObject({ missing: "series" });
    expect(aggregate(run, { series: "flat", aggregation: "sum" }, "2023-Q4")).toMatchObject({ missing: "period" });
    expect(aggregate(run, { series: "flat", aggregation: "sum" }, "2026-06/2027-01")).toMatchObject({ missing: "period" });
    expect(aggregate(run, { series: "flat", aggregation: "ratio", of: "mean", base: "2023" }, "2024")).toMatchObject({ missing: "period" });
  });

  it("compareHistory reports within, ratio and null for missing series, out-of-run periods and non-finite ratios", () => {
    const run = syntheticRun();
    const rows = compareHistory(run, [
      entry({ id: "in", value: { low: 70, high: 80 }, mapsTo: { series: "ramp", aggregation: "sum" } }), // 78
      entry({ id: "out", value: 100, tolerance: { relative: 0.2, reason: "t" }, mapsTo: { series: "ramp", aggregation: "sum" } }), // 78 < 83.3
      entry({ id: "tol", value: 90, tolerance: { relative: 0.2, reason: "t" }, mapsTo: { series: "ramp", aggregation: "sum" } }), // 78 ≥ 75
      entry({ id: "lower", value: 50, bound: "lower", mapsTo: { series: "ramp", aggregation: "sum" } }),
      entry({ id: "upper", value: { low: null, high: 1 }, bound: "upper", period: "2025", mapsTo: { series: "ramp", aggregation: "ratio", of: "mean", base: "2024" } }),
      entry({ id: "missing", mapsTo: { series: "nope", aggregation: "sum" } }),
      entry({ id: "early", period: "2023", mapsTo: { series: "ramp", aggregation: "sum" } }),
      entry({ id: "zero-base", mapsTo: { series: "zero", aggregation: "ratio", of: "mean", base: "2025" } }),
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by.in).toMatchObject({ model: 78, within: true });
    expect(by.in.ratio).toBeCloseTo(78 / Math.sqrt(70 * 80), 12);
    expect(by.out).toMatchObject({ model: 78, within: false, ratio: 0.78 });
    expect(by.tol.within).toBe(true);
    expect(by.lower.within).toBe(true);
    expect(by.upper).toMatchObject({ within: false }); // 2025 mean 18.5 / 2024 mean 6.5 > 1
    for (const id of ["missing", "early", "zero-base"]) expect(by[id], id).toMatchObject({ model: null, within: null, ratio: null });
    expect(by.missing.reason).toContain("nope");
    expect(by.early.reason).toContain("2023");
  });
});

// Each case starts Node and compiles the CLI with tsx: tens of seconds on a loaded machine.
describe("chokepoint history (CLI)", { timeout: 240_000 }, () => {
  it("--format json prints the library's comparison for the preset; bad input exits 2 with a message", async () => {
    const { spawnSync } = await import("node:child_process");
    const { simulate } = await import("@/lib/model");
    const { resolveScenario } = await import("@/lib/scenario/presets");
    const bin = path.join(root, "bin/chokepoint.mjs");
    const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 70_000 });
    const r = cli("history", "--preset", "chronic", "--format", "json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const lib = compareHistory(simulate(resolveScenario({ presetId: "chronic", overrides: {} })));
    expect(out.map((x: { id: string; within: boolean | null }) => [x.id, x.within])).toEqual(lib.map((x) => [x.id, x.within]));
    const bad = cli("history", "--preset", "nope");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown preset "nope"');
    const help = cli("history", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("chokepoint history");
  });
});
