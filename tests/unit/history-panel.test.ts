import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { compareHistory, HISTORY } from "@/lib/scenario/history";
import { fmtBand, fmtFigure, historyCounts, historySummary } from "@/lib/scenario/historyFormat";
import { historyRows } from "@/components/panels/historyState";

const rows = compareHistory(simulate(resolveScenario({ presetId: "baseline", overrides: {} })));

describe("the history panel's rows (components/panels/historyState.ts)", () => {
  it("counts every figure once: met + missed + not comparable = all of data/history.json", () => {
    const c = historyCounts(rows);
    expect(c.total).toBe(HISTORY.length);
    expect(c.met + c.missed + c.notComparable).toBe(c.total);
    expect(c.met).toBeGreaterThan(0);
    expect(c.missed).toBeGreaterThan(0);
    expect(historySummary(rows)).toBe(`${c.met} met, ${c.missed} missed, ${c.notComparable} not comparable (series or period outside the model) of ${c.total}.`);
  });

  it("each filter keeps exactly its figures, and the three filters together are all of them", () => {
    const c = historyCounts(rows);
    const missed = historyRows(rows, "missed"), met = historyRows(rows, "met"), none = historyRows(rows, "notComparable");
    expect(missed.length).toBe(c.missed);
    expect(met.length).toBe(c.met);
    expect(none.length).toBe(c.notComparable);
    expect(historyRows(rows, "all").map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(new Set([...missed, ...met, ...none].map((r) => r.id)).size).toBe(rows.length);
    expect(missed.every((r) => r.status === "missed")).toBe(true);
    expect(none.every((r) => r.status === "not comparable" && r.model === "—" && r.reason.length > 0)).toBe(true);
  });

  it("writes a figure as the docs' table does, with its unit, its band and the model's ratio to it", () => {
    const usd = rows.find((r) => r.within !== null && r.unit.includes("USD"))!;
    const row = historyRows([usd], "all")[0];
    expect(row.figure).toBe(`${usd.quantity} (${usd.unit})`);
    expect(row.model).toBe(fmtFigure(usd.model as number));
    expect(row.band).toBe(fmtBand(usd.expected));
    expect(row.ratio).toBe(`×${Number((usd.ratio as number).toPrecision(2))}`);
    for (const r of historyRows(rows, "all")) for (const text of [r.model, r.band, r.accepted, r.ratio]) expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("formats figures and open bands", () => {
    expect(fmtFigure(1234.4)).toBe("1,234");
    expect(fmtFigure(0.0213)).toBe("0.0213");
    expect(fmtFigure(2.71e9)).toBe("2.71e9");
    expect(fmtBand({ low: 5, high: 5 })).toBe("5");
    expect(fmtBand({ low: 3.7, high: null })).toBe("≥ 3.7");
    expect(fmtBand({ low: null, high: 1 })).toBe("≤ 1");
    expect(fmtBand({ low: null, high: null })).toBe("any");
  });
});
