import { describe, expect, it } from "vitest";
import { csvParseRows } from "d3-dsv";
import { decodeScenario, encodeScenario } from "@/lib/scenario/url";
import { exportFile, newSaved, SAVED_FILE_FORMAT } from "@/lib/scenario/savedFile";
import { readImportFile } from "@/lib/scenario/savedImport";
import { compareCsv, compareTable, COMPARED_METRICS, MAX_COMPARED, sortedColumns } from "@/components/panels/compareState";
import { runOf } from "@/lib/store/derive";
import { clearsAtText } from "@/components/panels/metricText";
import { chooseScale, valueSpan } from "@/components/charts/scales";
import { coincide, placeLines } from "@/components/charts/lineMarks";
import { scaleLinear } from "d3-scale";

const chronic = { presetId: "chronic", overrides: { packagingCapacityScale: 1.2 } };

describe("saved scenarios: records and export files", () => {
  it("a saved scenario keeps its share link, and export then import gives the same scenarios back", () => {
    const a = newSaved("1", "  Packaging +20 %  ", "why: CoWoS ramps", chronic, { presetId: "baseline", overrides: {} }, new Date("2026-12-01T10:00:00Z"));
    expect(a.name).toBe("Packaging +20 %");
    expect(a.query).toBe(encodeScenario(chronic, { baseline: { presetId: "baseline", overrides: {} } }));
    const back = readImportFile(exportFile([a]));
    expect(back.ok).toBe(true);
    expect(back.messages).toEqual([]);
    expect(back.scenarios).toEqual([{ name: a.name, note: a.note, query: a.query, savedAt: a.savedAt, updatedAt: a.updatedAt }]);
    expect(decodeScenario(back.scenarios[0].query).state).toEqual(decodeScenario(a.query).state);
  });

  it("a bad file imports nothing and says why", () => {
    expect(readImportFile("not json").messages[0]).toMatch(/not JSON/);
    expect(readImportFile(JSON.stringify({ format: "other/2", scenarios: [] })).messages[0]).toMatch(/format is "other\/2"/);
    const noQuery = readImportFile(JSON.stringify({ format: SAVED_FILE_FORMAT, scenarios: [{ name: "x" }] }));
    expect(noQuery.ok).toBe(false);
    expect(noQuery.messages[0]).toMatch(/scenarios\.0\.query/);
    expect(readImportFile(JSON.stringify({ format: SAVED_FILE_FORMAT, scenarios: [] })).messages).toEqual(["The file holds no scenarios."]);
  });

  it("an entry whose link holds unusable values imports as the link opens, naming what was dropped", () => {
    const r = readImportFile(JSON.stringify({ format: SAVED_FILE_FORMAT, scenarios: [{ name: "odd", query: "v=1&p=chronic&pcs=abc" }] }));
    expect(r.ok).toBe(true);
    expect(r.scenarios[0].query).toBe(encodeScenario(decodeScenario("v=1&p=chronic&pcs=abc").state));
    expect(r.messages[0]).toMatch(/“odd”: 1 value of its link could not be used/);
  });
});

describe("the comparison table", () => {
  const cols = [
    { label: "base", query: encodeScenario({ presetId: "baseline", overrides: {} }) },
    { label: "chronic", query: encodeScenario({ presetId: "chronic", overrides: {} }) },
    { label: "relief", query: encodeScenario({ presetId: "supply-relief", overrides: {} }) },
  ];
  it("holds each scenario's headline metrics as its cards show them, and the change from the first column", () => {
    const t = compareTable(cols);
    expect(t.columns.map((c) => c.href)).toEqual(cols.map((c) => `/?${c.query}`));
    const tok = t.rows.find((r) => r.id === "clearsAt.tokens")!;
    cols.forEach((c, k) => expect(tok.cells[k].text).toBe(clearsAtText(runOf(decodeScenario(c.query).state), "tokens")));
    expect(tok.cells[0].delta).toBeNull();
    expect(tok.cells[1].delta).not.toBeNull();
    expect(t.rows.map((r) => r.id)).toEqual(COMPARED_METRICS.map((m) => m.id));
  });

  it("keeps at most six columns, sorts all but the first by a metric, and exports CSV with the links", () => {
    expect(compareTable(Array.from({ length: 8 }, () => cols[0])).columns).toHaveLength(MAX_COMPARED);
    const t = compareTable(cols);
    const up = sortedColumns(t, "clearsAt.tokens", false), down = sortedColumns(t, "clearsAt.tokens", true);
    expect(up[0]).toBe(0);
    const key = (i: number) => t.rows.find((r) => r.id === "clearsAt.tokens")!.cells[i].sortKey;
    expect(key(up[1])).toBeLessThanOrEqual(key(up[2]));
    expect(key(down[1])).toBeGreaterThanOrEqual(key(down[2]));
    const rows = csvParseRows(compareCsv(t, up, "http://x"));
    expect(rows[0][0]).toBe("Metric");
    expect(rows[rows.length - 1]).toContain(`http://x/?${cols[0].query}`);
    expect(rows).toHaveLength(COMPARED_METRICS.length + 2);
  });
});

describe("chart readability helpers", () => {
  it("offers the log switch only past a 10× span", () => {
    expect(valueSpan([1, 5, 20])).toBe(20);
    expect(chooseScale([1, 5, 9], "log").offered).toBe(false);
    expect(chooseScale([1, 5, 9], "log").mode).toBe("linear");
    expect(chooseScale([1, 50], "log").mode).toBe("log");
    expect(chooseScale([1, 50], "log", "linear").mode).toBe("linear");
  });

  it("a line that would hide under another is offset and labelled with the line it matches", () => {
    const x = scaleLinear().domain([0, 9]).range([0, 90]);
    const a = Float64Array.from({ length: 10 }, (_, i) => i);
    const lines = placeLines([
      { key: "a", label: "A", values: a, color: "#000" },
      { key: "b", label: "B", values: a.map((v) => v + 0.001), color: "#111" },
      { key: "c", label: "C", values: a.map((v) => v + 5), color: "#222" },
    ], x, (v) => 100 - v * 10, 0, 200);
    expect(lines[0].dy).toBe(0);
    expect(lines[1].dy).toBeGreaterThan(0);
    expect(lines[1].label?.text).toBe("B = A");
    expect(lines[2].dy).toBe(0);
    expect(coincide(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2, 30]))).toBe(false);
    // End labels at least 10 units apart.
    const ys = lines.map((l) => l.label!.y).sort((p, q) => p - q);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(10);
  });
});
