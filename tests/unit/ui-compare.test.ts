import { describe, expect, it } from "vitest";
import { emptyHistory, recordEdit, redoEdit, undoEdit, HISTORY_LIMIT } from "@/lib/store/history";
import { createScenarioStore } from "@/lib/store/scenarioStore";
import { loadQuery, queryOf, startUrlSync } from "@/lib/store/urlSync";
import { runOf } from "@/lib/store/derive";
import { CHARTS } from "@/components/charts/registry";
import { evaluateCalibration } from "@/lib/scenario/calibration";
import { clearsAtDelta, monthsBetween, peakPriceDelta, peakThrottleDelta, revenueH100Delta, bindingSequenceDelta } from "@/components/panels/metricDelta";
import { clearsAtText } from "@/components/panels/metricText";
import { headlineCards } from "@/components/panels/headlineCards";
import { simulate, defaultParams } from "@/lib/model";
import { isTextEntry } from "@/components/panels/ScenarioBar";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import type { Run } from "@/lib/model";

describe("edit history", () => {
  it("a run of edits with one key within the window is one undo step; another key opens a new step", () => {
    let h = emptyHistory<number>();
    h = recordEdit(h, 0, "param:a", 0);
    h = recordEdit(h, 1, "param:a", 400);
    h = recordEdit(h, 2, "param:a", 900);
    expect(h.past).toEqual([0]);
    h = recordEdit(h, 3, "param:b", 950);
    expect(h.past).toEqual([0, 3]);
    // The same key after a pause is a new step.
    h = recordEdit(h, 4, "param:b", 5000);
    expect(h.past).toEqual([0, 3, 4]);
  });

  it("undo then redo walks back and forth, and a new edit drops the redo future", () => {
    let h = emptyHistory<string>();
    h = recordEdit(h, "a", "k1", 0);
    h = recordEdit(h, "b", "k2", 10);
    const u1 = undoEdit(h, "c")!;
    expect(u1.state).toBe("b");
    const u2 = undoEdit(u1.history, u1.state)!;
    expect(u2.state).toBe("a");
    expect(undoEdit(u2.history, u2.state)).toBeNull();
    const r1 = redoEdit(u2.history, u2.state)!;
    expect(r1.state).toBe("b");
    const after = recordEdit(r1.history, r1.state, "k3", 20);
    expect(after.future).toEqual([]);
    expect(redoEdit(after, "x")).toBeNull();
  });

  it("an edit right after an undo opens its own step even with the same key", () => {
    let h = emptyHistory<number>();
    h = recordEdit(h, 0, "param:a", 0);
    const u = undoEdit(h, 1)!;
    const h2 = recordEdit(u.history, u.state, "param:a", 100);
    expect(h2.past).toEqual([0]);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = recordEdit(h, i, `k${i}`, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});

describe("the store's undo, redo and baseline", () => {
  it("a slider drag (many values of one parameter in quick succession) undoes in one step", () => {
    let t = 0;
    const s = createScenarioStore(undefined, { now: () => t });
    for (const v of [1.1, 1.2, 1.3, 1.4]) {
      s.getState().setParam("packagingCapacityScale", v);
      t += 16;
    }
    s.getState().setPolicy("degrade");
    expect(s.getState().scenario).toEqual({ presetId: "baseline", overrides: { packagingCapacityScale: 1.4 }, policy: "degrade" });
    s.getState().undo();
    expect(s.getState().scenario).toEqual({ presetId: "baseline", overrides: { packagingCapacityScale: 1.4 } });
    s.getState().undo();
    expect(s.getState().scenario).toEqual({ presetId: "baseline", overrides: {} });
    s.getState().redo();
    s.getState().redo();
    expect(s.getState().scenario.policy).toBe("degrade");
    expect(s.getState().scenario.overrides.packagingCapacityScale).toBe(1.4);
  });

  it("changing presets and resetting are undoable; edits that change nothing add no step", () => {
    const s = createScenarioStore();
    s.getState().choosePreset("baseline");
    s.getState().resetAll();
    expect(s.getState().history.past).toHaveLength(0);
    s.getState().setParam("pue", 1.5);
    s.getState().choosePreset("chronic");
    s.getState().undo();
    expect(s.getState().scenario).toEqual({ presetId: "baseline", overrides: { pue: 1.5 } });
  });

  it("pinning keeps the scenario as the baseline; edits after it do not move the baseline; loading a link clears the history", () => {
    const s = createScenarioStore();
    s.getState().setParam("pue", 1.5);
    s.getState().pinBaseline();
    s.getState().setParam("pue", 1.2);
    expect(s.getState().baseline).toEqual({ presetId: "baseline", overrides: { pue: 1.5 } });
    expect(queryOf(s.getState())).toBe("v=1&p=baseline&pue=1.2&b.p=baseline&b.pue=1.5");
    s.getState().unpinBaseline();
    expect(s.getState().baseline).toBeNull();
    loadQuery(s, "?v=1&p=chronic&b.p=baseline");
    expect(s.getState().scenario.presetId).toBe("chronic");
    expect(s.getState().baseline?.presetId).toBe("baseline");
    expect(s.getState().history.past).toHaveLength(0);
  });

  it("a link with bad values loads the preset's values and reports each one", () => {
    const s = createScenarioStore();
    const d = loadQuery(s, "?v=1&p=nope&wcs=banana&pcs=99")!;
    expect(s.getState().scenario).toEqual({ presetId: "baseline", overrides: {} });
    expect(d.issues.map((i) => i.key)).toEqual(["p", "wcs", "pcs"]);
    expect(loadQuery(s, "")).toBeNull();
  });

  it("URL sync writes the scenario on each change, coalesced by the throttle", async () => {
    const s = createScenarioStore();
    const written: string[] = [];
    const sync = startUrlSync(s, (q) => written.push(q), 50);
    s.getState().setParam("pue", 1.4);
    s.getState().setParam("pue", 1.5);
    s.getState().setParam("pue", 1.6);
    // Nothing is written inside the edit itself; a flush (link copy, page hide) writes the latest at once.
    expect(written).toEqual([]);
    sync.flush();
    expect(written).toEqual(["v=1&p=baseline&pue=1.6"]);
    s.getState().setParam("pue", 1.5);
    await new Promise((r) => setTimeout(r, 80));
    expect(written).toEqual(["v=1&p=baseline&pue=1.6", "v=1&p=baseline&pue=1.5"]);
    s.getState().setParam("pue", 1.6);
    await new Promise((r) => setTimeout(r, 80));
    s.getState().pinBaseline();
    await new Promise((r) => setTimeout(r, 80));
    expect(written.at(-1)).toBe("v=1&p=baseline&pue=1.6&b.p=baseline&b.pue=1.6");
    sync.stop();
    s.getState().setParam("pue", 1.7);
    expect(written.at(-1)).toBe("v=1&p=baseline&pue=1.6&b.p=baseline&b.pue=1.6");
  });
});

describe("metric changes vs the baseline", () => {
  const base = runOf({ presetId: "baseline", overrides: {} });
  const chronic = runOf({ presetId: "chronic", overrides: {} });

  it("months between labels", () => {
    expect(monthsBetween("2026-09", "2027-02")).toBe(5);
    expect(monthsBetween("2027-02", "2026-09")).toBe(-5);
  });

  it("a run against itself shows no change on any card", () => {
    for (const r of ["gpu", "cpu", "tokens", "packaging", "power"]) expect(clearsAtDelta(base, base, r).text).toBe("same as baseline");
    expect(peakPriceDelta(base, base, "dram").direction).toBe("same");
    expect(peakThrottleDelta(base, base).direction).toBe("same");
    expect(revenueH100Delta(base, base).direction).toBe("same");
    expect(bindingSequenceDelta(base, base).direction).toBe("same");
  });

  it("clearing months differ by the months between them, with the arrow that says later or earlier", () => {
    for (const r of ["gpu", "cpu", "tokens", "wafer", "packaging", "hbm", "dram", "nand", "power"]) {
      const d = clearsAtDelta(chronic, base, r);
      const cur = clearsAtText(chronic, r), was = clearsAtText(base, r);
      if (cur === was) expect(d.direction).toBe("same");
      else if (/^\d{4}-\d{2}$/.test(cur) && /^\d{4}-\d{2}$/.test(was)) {
        const m = monthsBetween(was, cur);
        expect(d.text).toBe(m > 0 ? `▲ ${m} month${m === 1 ? "" : "s"} later` : `▼ ${-m} month${m === -1 ? "" : "s"} earlier`);
      } else expect(d.text).toBe(`baseline: ${was}`);
    }
  });

  it("peak prices change in multiples, throttling in percentage points, revenue in dollars, with units", () => {
    const fake = (m: Record<string, unknown>) => ({ metrics: m }) as unknown as Run;
    const a = fake({ "peakPrice.dram": { value: 3.3, month: "2026-01" }, peakThrottleShare: { value: 0.25, month: "2026-01" }, "revenuePerGpuHour.h100.2027": 2.5 });
    const b = fake({ "peakPrice.dram": { value: 2.5, month: "2026-01" }, peakThrottleShare: { value: 0.271, month: "2026-01" }, "revenuePerGpuHour.h100.2027": 2.15 });
    expect(peakPriceDelta(a, b, "dram")).toEqual({ text: "▲ +0.8×", direction: "up" });
    expect(peakThrottleDelta(a, b)).toEqual({ text: "▼ −2.1 pp", direction: "down" });
    expect(revenueH100Delta(a, b)).toEqual({ text: "▲ +$0.35 / GPU-hour", direction: "up" });
    expect(revenueH100Delta(b, a)).toEqual({ text: "▼ −$0.35 / GPU-hour", direction: "down" });
    expect(peakPriceDelta(fake({}), b, "dram").text).toBe("baseline: —");
  });
});

describe("the CPU servers card", () => {
  const cpuCard = (over: Record<string, number>) => headlineCards(simulate({ params: { ...defaultParams(), ...over }, policy: "priority" })).find((c) => c.metric === "clearsAt.cpu")!;
  it("when servers are made as ordered but agents lack hosted CPU, says how many were hosted at worst and what waited for power", () => {
    const r = simulate({ params: defaultParams(), policy: "priority" });
    const share = r.series["agents.cpuServedShare"];
    const worst = Math.min(...share);
    expect(r.metrics["shortageStatus.cpu"]).toBe("none");
    expect(worst).toBeLessThan(0.99);
    const card = cpuCard({});
    expect(card.value).toBe("no shortage");
    const k = share.indexOf(worst);
    expect(r.series["cpu.servers.inventory"][k]).toBeGreaterThan(0);
    expect(card.note).toMatch(new RegExp(`^made as ordered; agents hosted ${Math.round(worst * 100)}% at worst \\(${r.months[k]}\\), [0-9.]+[kMB]? servers waiting for power$`));
  });
  it("without RL verifiers and with twice the power plan, every agent is hosted and supply covers demand", () => {
    const over = { rlShareStart: 0, rlShare2028: 0, powerCapacityScale: 2 };
    expect(Math.min(...simulate({ params: { ...defaultParams(), ...over }, policy: "priority" }).series["agents.cpuServedShare"])).toBeGreaterThanOrEqual(0.99);
    expect(cpuCard(over).note).toBe("supply covers demand");
  });
});

describe("the revenue per H100-hour card", () => {
  it("reads the H100's 2027 token revenue against its rent over the same months", () => {
    const r = simulate({ params: defaultParams(), policy: "priority" });
    const card = headlineCards(r).find((c) => c.metric === "revenuePerGpuHour.h100.2027")!;
    const months = r.months.map((m, t) => [m, t] as const).filter(([m]) => m.startsWith("2027-")).map(([, t]) => t);
    expect(months.length).toBe(12);
    const rent = months.reduce((a, t) => a + r.series["rent.h100"][t], 0) / months.length;
    expect(rent).toBeGreaterThan(0.5);
    expect(card.note).toBe(`mean over 2027; rent $${rent.toFixed(2)} / GPU-hour`);
  });
  it("without an H100 rent series (a run from an older file) the note says only what the value is", () => {
    const r = simulate({ params: defaultParams(), policy: "priority" });
    const { ["rent.h100"]: _dropped, ...series } = r.series;
    const card = headlineCards({ ...r, series }).find((c) => c.metric === "revenuePerGpuHour.h100.2027")!;
    expect(card.note).toBe("mean over 2027");
  });
});

describe("the baseline overlay in chart states", () => {
  const run = runOf({ presetId: "chronic", overrides: {} });
  const baseline = runOf({ presetId: "baseline", overrides: {} });
  const ctx = (b: Run | null) => ({ presetId: "chronic", calibration: () => evaluateCalibration(), baseline: b });

  it("every time chart draws the baseline only when one is pinned, unlike any current line, names it and says so", () => {
    for (const c of CHARTS) {
      const without = renderToStaticMarkup(createElement(c.View, { state: c.state(run, ctx(null)), hover: null }));
      expect(without).not.toContain("data-baseline");
      if (c.id === "calibration") continue; // claims are checked under their own presets: nothing to compare
      const state = c.state(run, ctx(baseline));
      const html = renderToStaticMarkup(createElement(c.View, { state, hover: null }));
      const marks = html.match(/<(path|rect) data-baseline=""[^>]*>/g) ?? [];
      expect(marks.length, c.id).toBeGreaterThan(0);
      // Baseline lines are wide pale bands; every current line is narrower than 4 units or opaque.
      const width = (tag: string) => Number(/stroke-width="([\d.]+)"/.exec(tag)?.[1] ?? "1");
      const opacity = (tag: string) => Number(/stroke-opacity="([\d.]+)"/.exec(tag)?.[1] ?? "1");
      for (const m of marks) {
        if (m.startsWith("<rect")) expect(m, c.id).toMatch(/stroke-dasharray="[^"]+"/);
        else { expect(width(m), c.id).toBeGreaterThanOrEqual(4); expect(opacity(m), c.id).toBeLessThan(0.5); }
      }
      const current = (html.match(/<path (?!data-baseline)[^>]*fill="none"[^>]*>/g) ?? []).filter((t) => /stroke="/.test(t));
      for (const t of current) expect(width(t) < 4 || opacity(t) === 1, `${c.id}: ${t.slice(0, 80)}`).toBe(true);
      if (c.id !== "shortage-horizon") expect(html, `${c.id}: the legend names the baseline`).toContain('data-legend="baseline"');
      expect(state.baselineNote, c.id).toMatch(/baseline/);
      expect(html).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("the baseline's lines are the baseline run's series on the current chart's scale", () => {
    const prices = CHARTS.find((c) => c.id === "prices")!;
    const withBase = prices.state(run, ctx(baseline)) as unknown as { baselineLines: { d: string }[]; lines: { d: string }[] };
    const self = prices.state(baseline, ctx(null)) as unknown as { lines: { d: string }[] };
    expect(withBase.baselineLines).toHaveLength(withBase.lines.length);
    // Same series, possibly another y scale: same number of points.
    withBase.baselineLines.forEach((l, i) => expect(l.d.split(/[ML]/).length).toBe(self.lines[i].d.split(/[ML]/).length));
    const pinnedToSelf = prices.state(run, ctx(run)) as unknown as { baselineLines: { d: string }[]; lines: { d: string }[] };
    expect(pinnedToSelf.baselineLines.map((l) => l.d)).toEqual(pinnedToSelf.lines.map((l) => l.d));
  });

  it("every time chart names the series its CSV holds, all of them in the run", () => {
    for (const c of CHARTS) {
      const s = c.state(run, ctx(null));
      if (c.id === "calibration") {
        expect(s.csvSeries).toBeUndefined();
        continue;
      }
      expect(s.csvSeries?.length, c.id).toBeGreaterThan(0);
      for (const id of s.csvSeries!) expect(run.series[id] ?? run.labels[id], `${c.id}: ${id}`).toBeDefined();
    }
  });
});

describe("keyboard shortcuts", () => {
  it("leave text fields to their own undo, but not sliders or buttons", () => {
    const el = (tag: string, type?: string) => ({ tagName: tag.toUpperCase(), type, isContentEditable: false }) as unknown as EventTarget;
    expect(isTextEntry(el("input", "number"))).toBe(true);
    expect(isTextEntry(el("input", "search"))).toBe(true);
    expect(isTextEntry(el("textarea"))).toBe(true);
    expect(isTextEntry(el("input", "range"))).toBe(false);
    expect(isTextEntry(el("button"))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
