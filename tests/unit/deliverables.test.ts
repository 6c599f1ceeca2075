import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { csvParseRows } from "d3-dsv";
import { simulate } from "@/lib/model";
import { resolveScenario, type ScenarioState } from "@/lib/scenario/presets";
import { queryOf } from "@/lib/store/urlSync";
import { embedSnippet, embedUrl, exportFileName, exportNumber, exportSourceLine, roundSignificant, scenarioDigest, significantDigits } from "@/lib/export";
import { dataPackageJson, dataPackageZip } from "@/lib/export/datapackage";
import { excelNumberFormat, scenarioWorkbook, sheetName } from "@/lib/export/workbook";
import { chartDeck, utf8ToBase64 } from "@/lib/export/deck";
import { scenarioExport } from "@/components/panels/scenarioExport";
import { chartPages, cssString, footerText, FOOTER_LINK_MAX } from "@/components/panels/briefLayout";
import { CHARTS } from "@/components/charts/registry";
import { EMBED_CHART_IDS } from "@/components/charts/embedIds";

vi.setConfig({ testTimeout: 60_000 });

const edited: ScenarioState = { presetId: "chronic", overrides: { packagingCapacityScale: 1.2 } };
const baselineState: ScenarioState = { presetId: "baseline", overrides: {} };

/** The deliverable content of a scenario, from the model run in the test (the oracle). */
function exportOf(scenario: ScenarioState, baseline: ScenarioState | null = null) {
  const run = simulate(resolveScenario(scenario));
  const baselineRun = baseline ? simulate(resolveScenario(baseline)) : null;
  return { run, baselineRun, s: scenarioExport({ scenario, baseline, run, baselineRun, origin: "https://chokepoint.example", date: new Date(2026, 11, 1) }) };
}

describe("export names tell scenarios and scales apart", () => {
  it("the digest is stable for one scenario and differs between scenarios", () => {
    const q = queryOf({ scenario: edited, baseline: null });
    expect(scenarioDigest(q)).toMatch(/^[0-9a-f]{8}$/);
    expect(scenarioDigest(q)).toBe(scenarioDigest(`?${q}`));
    expect(scenarioDigest(q)).not.toBe(scenarioDigest(queryOf({ scenario: { presetId: "chronic", overrides: { packagingCapacityScale: 1.25 } }, baseline: null })));
    expect(scenarioDigest(q)).not.toBe(scenarioDigest(queryOf({ scenario: edited, baseline: baselineState })));
  });

  it("names carry chart, preset, digest, scale and date, and differ for 2× and 4×", () => {
    const d = "1a2b3c4d";
    expect(exportFileName("prices", "chronic", "2026-12-01", "png", { digest: d, scale: 2 })).toBe("chokepoint_prices_chronic_1a2b3c4d_2x_2026-12-01.png");
    expect(exportFileName("prices", "chronic", "2026-12-01", "png", { digest: d, scale: 4 })).toBe("chokepoint_prices_chronic_1a2b3c4d_4x_2026-12-01.png");
    expect(exportFileName("deck", "chronic", "2026-12-01", "pptx", { digest: "../X" })).toBe("chokepoint_deck_chronic_x_2026-12-01.pptx");
  });

  it("the source line carries the as-of date and model version", () => {
    expect(exportSourceLine("0.1.0", ["a"], "2026-12-01")).toBe("Chokepoint model 0.1.0, as of 2026-12-01; data: a");
  });
});

describe("numbers at meaningful precision", () => {
  it("rounds to the unit's significant digits and never writes binary noise", () => {
    expect(exportNumber(95549999.99999999, "GB / month")).toBe("95550000");
    expect(exportNumber(0.30000000000000004, "share")).toBe("0.3");
    expect(exportNumber(Number.NaN, "MW")).toBe("");
    expect(exportNumber(-0, "MW")).toBe("0");
    expect(significantDigits("share of capacity")).toBe(4);
    expect(significantDigits("USD / GPU-hour")).toBe(5);
    expect(significantDigits("wafers / month")).toBe(6);
  });

  it("keeps every value within half a unit in its last significant digit", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e18, max: 1e18, noNaN: true }), fc.constantFrom("share", "USD / GPU-hour", "MW", "tokens / month"), (v, unit) => {
        const text = exportNumber(v, unit);
        const back = Number(text);
        const d = significantDigits(unit);
        expect(Number.isFinite(back)).toBe(true);
        expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.abs(v) * 5 * 10 ** -d + 1e-300);
        expect(text.replace(/^-|e.*$/g, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length).toBeLessThanOrEqual(d);
      }),
    );
    expect(roundSignificant(123456789, 3)).toBe(123000000);
  });
});

describe("data package (.zip)", () => {
  it("holds datapackage.json, a README, a CSV per chart and the assumptions; fields carry units; a baseline adds its columns", () => {
    const { run, s } = exportOf(edited, baselineState);
    const zip = unzipSync(dataPackageZip(s, s.charts, new Date("2026-12-01T12:00:00Z")));
    const names = Object.keys(zip).sort();
    expect(names).toEqual(["README.md", "data/assumptions.csv", ...CHARTS.map((c) => `data/${c.id}.csv`)].concat("datapackage.json").sort());
    const pkg = JSON.parse(strFromU8(zip["datapackage.json"]));
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.homepage).toBe(s.url);
    expect(pkg.chokepoint.scenarioUrl).toMatch(/^https:\/\/chokepoint\.example\/\?v=1&p=chronic&pcs=1\.2&b\.p=baseline$/);
    expect(pkg.version).toBe(s.modelVersion);
    expect(pkg.created).toBe("2026-12-01T12:00:00.000Z");
    expect(pkg.licenses[0].name).toBe("MIT");
    const prices = pkg.resources.find((r: { name: string }) => r.name === "prices");
    expect(prices.path).toBe("data/prices.csv");
    expect(prices.sources.length).toBeGreaterThan(0);
    const csv = csvParseRows(strFromU8(zip["data/prices.csv"]).trimEnd());
    const header = csv[0];
    expect(prices.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    const chart = CHARTS.find((c) => c.id === "prices")!.state(run, { presetId: "chronic", calibration: () => [], baseline: null });
    const ids = chart.csvSeries!;
    expect(header.filter((h) => h.includes("— baseline"))).toHaveLength(ids.length);
    for (const [k, id] of ids.entries()) {
      expect(prices.schema.fields[k + 1].unit).toBe(run.meta[id].unit);
      csv.slice(1).forEach((cells, t) => expect(cells[k + 1]).toBe(exportNumber(run.series[id][t], run.meta[id].unit)));
    }
    expect(strFromU8(zip["data/assumptions.csv"])).toContain("packagingCapacityScale");
    expect(strFromU8(zip["README.md"])).toContain(s.url);
    expect(strFromU8(zip["data/calibration.csv"]).split("\n")[0]).toContain("Claim");
  });

  it("one chart's package lists only that chart", () => {
    const { s } = exportOf(edited);
    const pkg = dataPackageJson(s, s.charts.filter((c) => c.id === "tokens"));
    expect(pkg.resources).toHaveLength(2);
  });
});

describe("workbook (.xlsx)", () => {
  it("opens with Scenario, then Assumptions, then a sheet per chart with units in the header and number formats", async () => {
    const { run, s } = exportOf(edited);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scenarioWorkbook(s)) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["Scenario", "Assumptions"]);
    expect(names).toHaveLength(2 + CHARTS.length);
    const info = wb.getWorksheet("Scenario")!;
    const cells = info.getSheetValues().flat().map((v) => (typeof v === "object" && v && "text" in v ? (v as { text: string }).text : v));
    expect(cells).toContain(s.url);
    expect(cells).toContain(s.asOf);
    expect(cells).toContain(s.modelVersion);
    const as = wb.getWorksheet("Assumptions")!;
    expect(as.getRow(2).getCell(6).value).toBe("packagingCapacityScale");
    expect(String(as.getRow(2).getCell(5).value)).toMatch(/\S/);
    const prices = wb.worksheets[2 + CHARTS.findIndex((c) => c.id === "prices")];
    const id = CHARTS.find((c) => c.id === "prices")!.state(run, { presetId: "chronic", calibration: () => [], baseline: null }).csvSeries![0];
    expect(prices.getRow(1).getCell(2).value).toBe(`${run.meta[id].label} (${run.meta[id].unit})`);
    expect(prices.getRow(2).getCell(1).value).toBe(run.months[0]);
    expect(prices.getRow(40).getCell(2).value).toBe(roundSignificant(run.series[id][38], significantDigits(run.meta[id].unit)));
    expect(prices.getColumn(2).numFmt).toBe(excelNumberFormat(run.meta[id].unit));
  });

  it("sheet names fit Excel's rules and stay unique", () => {
    const used = new Set<string>();
    expect(sheetName("A/B: c?", used)).toBe("A B c");
    expect(sheetName("x".repeat(40), used)).toHaveLength(31);
    expect(sheetName("x".repeat(40), used)).toMatch(/ 2$/);
    expect(excelNumberFormat("share")).toBe("0.0%");
  });
});

describe("deck (.pptx)", () => {
  const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
  it("opens with the thesis and cards; each chart slide has its title as the slide title, units, source and link; notes hold the changes", async () => {
    const { s } = exportOf(edited);
    const slides = s.charts.slice(0, 2).map((chart) => ({ chart, picture: { png, width: 940, height: 300 } }));
    const zip = unzipSync(await chartDeck(s, slides, { cover: true }));
    const slideXml = (n: number) => strFromU8(zip[`ppt/slides/slide${n}.xml`]);
    const unesc = (x: string) => x.replace(/&amp;/g, "&");
    expect(Object.keys(zip).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))).toHaveLength(4);
    expect(strFromU8(zip["ppt/presentation.xml"])).toContain('cx="9144000" cy="5143500"'); // 16:9
    expect(unesc(slideXml(1))).toContain(s.thesis.slice(0, 40));
    expect(slideXml(1)).toContain('type="title"');
    for (const c of s.cards.slice(0, 3)) expect(unesc(slideXml(2))).toContain(c.label);
    const third = unesc(slideXml(3));
    expect(third).toContain(s.charts[0].title);
    expect(third).toContain("Units: ");
    expect(third).toContain(`Source: ${s.charts[0].sourceLine}`);
    expect(third).toContain(s.url);
    const rels = unesc(strFromU8(zip["ppt/slides/_rels/slide3.xml.rels"]));
    expect(rels).toContain(s.url);
    const notes = Object.keys(zip).filter((k) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(k));
    expect(notes.length).toBe(4);
    expect(unesc(strFromU8(zip["ppt/notesSlides/notesSlide3.xml"]))).toContain("1.2 × plan (preset: 1 × plan)");
  });

  it("utf8ToBase64 round-trips non-ASCII text", () => {
    expect(Buffer.from(utf8ToBase64("× — ✓"), "base64").toString("utf8")).toBe("× — ✓");
  });
});

describe("embeds and the printed brief", () => {
  it("the embed snippet is an escaped iframe of /embed/<chart>", () => {
    const src = embedUrl("https://c.example/", "prices", "?v=1&p=chronic");
    expect(src).toBe("https://c.example/embed/prices?v=1&p=chronic");
    expect(embedSnippet(src, 'A "title"', 700, 400)).toBe('<iframe src="https://c.example/embed/prices?v=1&amp;p=chronic" title="A &quot;title&quot;" width="700" height="400" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>');
  });

  it("every chart can be embedded", () => {
    expect([...EMBED_CHART_IDS]).toEqual(CHARTS.map((c) => c.id));
  });

  it("pairs charts per page and writes the footer as a safe CSS string", () => {
    expect(chartPages(["a", "b", "c"])).toEqual([["a", "b"], ["c"]]);
    expect(cssString('a"b\\c\n✓')).toBe('"a\\"b\\\\c \\2713 "');
    expect(footerText("https://x/?v=1", "abcd1234")).toBe("https://x/?v=1");
    expect(footerText(`https://x/?${"a".repeat(FOOTER_LINK_MAX)}`, "abcd1234")).toContain("abcd1234");
  });
});
