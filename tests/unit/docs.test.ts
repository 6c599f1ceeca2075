import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { renderParameterDocs } from "@/lib/scenario/paramDocs";
import { buildInstalledBase } from "@/lib/scenario/installedBase";
import { buildGenerationMix, GENERATION_MIX_FILES } from "@/lib/scenario/generationMix";
import { GPUS, PARAMS, SERIES_META } from "@/lib/model";
import { VENDORS } from "@/lib/model/catalog";

const root = path.resolve(__dirname, "../..");
/** A series id ending in a generation id of data/gpus.json, or in a vendor id. */
const GEN = new RegExp(`\\.(${GPUS.map((g) => g.id).join("|")})$`);
const VENDOR = new RegExp(`\\.(${VENDORS.ids.join("|")})$`);

describe("derived files are current", () => {
  it("docs/parameters.md matches the catalog (npx tsx scripts/gen-param-docs.ts)", () => {
    expect(fs.readFileSync(path.join(root, "docs/parameters.md"), "utf8")).toBe(renderParameterDocs());
  });
  it("data/installed-base.json matches Epoch AI's CSVs (npx tsx scripts/derive-installed-base.ts)", () => {
    const dir = path.join(root, "data/epoch-ai-chip-counts");
    const built = buildInstalledBase(["nvidia_calendar_quarter_chip_timelines.csv", "tpu_calendar_quarter_chip_timelines.csv"].map((f) => fs.readFileSync(path.join(dir, f), "utf8")));
    expect(JSON.parse(fs.readFileSync(path.join(root, "data/installed-base.json"), "utf8"))).toEqual(built);
    expect(built.totalH100e).toBeGreaterThan(1.5e6);
    expect(built.totalH100e).toBeLessThan(1.7e6);
  });
  it("data/generation-mix.json matches Epoch AI's CSVs (npx tsx scripts/derive-generation-mix.ts) and names only catalog generations", () => {
    const dir = path.join(root, "data/epoch-ai-chip-counts");
    const built = buildGenerationMix(GENERATION_MIX_FILES.map((f) => fs.readFileSync(path.join(dir, f), "utf8")));
    expect(JSON.parse(fs.readFileSync(path.join(root, "data/generation-mix.json"), "utf8"))).toEqual(built);
    expect(Object.keys(built.quarters)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    const vendorOf = new Map(GPUS.map((g) => [g.id, g.vendor]));
    for (const [q, byVendor] of Object.entries(built.quarters)) {
      expect(Object.keys(byVendor).sort(), q).toEqual(["amd", "aws-trainium", "google-tpu", "nvidia"]);
      for (const [v, gens] of Object.entries(byVendor)) for (const id of Object.keys(gens)) expect(vendorOf.get(id), `${q} ${v} ${id}`).toBe(v);
    }
    // Epoch's 2024 TPU count: 2.20 M units, v5e the largest line.
    const tpu2024 = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"].map((q) => built.quarters[q]["google-tpu"]);
    expect(tpu2024.reduce((s, g) => s + Object.values(g).reduce((a, b) => a + b, 0), 0)).toBeCloseTo(2201555, -1);
    expect(tpu2024.reduce((s, g) => s + g.tpuV5e, 0)).toBeGreaterThan(1.4e6);
  });
  it("every series id written by the model is documented in docs/model.md", () => {
    const doc = fs.readFileSync(path.join(root, "docs/model.md"), "utf8");
    const missing = Object.keys(SERIES_META).filter((id) => {
      const generic = id.replace(GEN, ".<gen>").replace(VENDOR, ".<vendor>").replace(/\.(wafer|packaging|hbm|dram|nand|power|gpu|cpu|tokens)$/, ".<r>").replace(/\.(enterprise|onDemand|consumer)$/, ".<tier>");
      return !doc.includes(`\`${id}\``) && !doc.includes(`\`${generic}\``);
    });
    expect(missing).toEqual([]);
  });
  it("every parameter has provenance: a dated source with confidence, or an assumption with reasoning", () => {
    for (const p of PARAMS) {
      if (p.provenance.kind === "source") {
        expect(p.provenance.source.length, p.id).toBeGreaterThan(10);
        expect(p.provenance.date, p.id).toMatch(/^\d{4}/);
        expect(p.provenance.confidence, p.id).toMatch(/^[HML]/);
      } else expect(p.provenance.reasoning.length, p.id).toBeGreaterThan(20);
      expect(p.min <= p.low && p.low <= p.default && p.default <= p.high && p.high <= p.max, p.id).toBe(true);
    }
  });
});
