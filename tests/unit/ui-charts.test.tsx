import { describe, expect, it } from "vitest";
import { INPUTS, SHORTAGES } from "@/lib/model";
import { fmtTable, parseTable } from "@/components/format";
import { clearsAtText } from "@/components/panels/metricText";
import { isShort } from "@/components/charts/common";
import { CHARTS, chartState, normalizeSvg, presetRun, renderChart, renderChartAt } from "./ui-render";

const PRESETS_UNDER_TEST = ["baseline", "chronic"] as const;

describe("every chart renders an accessible figure with real numbers", () => {
  for (const preset of PRESETS_UNDER_TEST) {
    for (const c of CHARTS) {
      it(`${c.id} under ${preset}: figure, svg role=img with title and a one-sentence description, no NaN`, () => {
        const html = renderChart(c, preset);
        expect(html).toContain(`<figure class="chart${chartState(c, preset).wide ? " wide" : ""}" data-chart="${c.id}">`);
        expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+"/);
        const desc = /<desc id="[^"]+">([^<]+)<\/desc>/.exec(html)?.[1] ?? "";
        expect(desc.length).toBeGreaterThan(20);
        expect(desc.trim().endsWith(".")).toBe(true);
        expect(html).not.toMatch(/NaN|undefined|Infinity/);
        expect(html).toContain("Show data table");
      });

      it(`${c.id} under ${preset}: SVG snapshot`, async () => {
        await expect(normalizeSvg(renderChart(c, preset))).toMatchFileSnapshot(`__snapshots__/ui-charts/${c.id}.${preset}.svg`);
      });
    }
  }
});

describe("chart states carry the model's values", () => {
  const byId = (id: string) => CHARTS.find((c) => c.id === id)!;

  it("the supply-vs-demand table holds every input's supply and demand for every month", () => {
    for (const preset of PRESETS_UNDER_TEST) {
      const run = presetRun(preset);
      const table = chartState(byId("supply-demand"), preset).table();
      expect(table.rows).toHaveLength(run.months.length);
      run.months.forEach((m, i) => {
        expect(table.rows[i][0]).toBe(m);
        INPUTS.forEach((r, k) => {
          expect(table.rows[i][1 + 2 * k]).toBe(fmtTable(run.series[`supply.${r}`][i]));
          const back = parseTable(table.rows[i][2 + 2 * k]);
          const want = run.series[`demand.${r}`][i];
          expect(Math.abs(back - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-3 + 1e-9);
        });
      });
    }
  });

  it("the supply-vs-demand panels shade exactly the months where demand exceeds supply", () => {
    const run = presetRun("chronic");
    const state = chartState(byId("supply-demand"), "chronic") as unknown as { panels: { input: string; shortage: unknown[] }[] };
    for (const p of state.panels) {
      const ratio = run.series[`shortage.${p.input}`];
      let runs = 0;
      for (let i = 0; i < ratio.length; i++) if (isShort(ratio[i]) && (i === 0 || !isShort(ratio[i - 1]))) runs++;
      expect(p.shortage).toHaveLength(runs);
    }
  });

  it("the shortage horizon lists when each shortage clears as the metric cards do", () => {
    for (const preset of PRESETS_UNDER_TEST) {
      const run = presetRun(preset);
      const table = chartState(byId("shortage-horizon"), preset).table();
      expect(table.rows.map((r) => r[2])).toEqual(SHORTAGES.map((r) => clearsAtText(run, r)));
    }
  });

  it("the horizon's first shortage episode starts where its bar does, at the model's first month short", () => {
    for (const preset of PRESETS_UNDER_TEST) {
      const state = chartState(byId("shortage-horizon"), preset) as unknown as { rows: { bar: { x0: number } | null; episodes: { x0: number; x1: number }[] }[] };
      for (const row of state.rows) {
        if (!row.bar) continue;
        expect(row.episodes.length).toBeGreaterThan(0);
        expect(row.episodes[0].x0).toBeLessThanOrEqual(row.bar.x0);
        expect(row.episodes[0].x1).toBeGreaterThan(row.bar.x0);
      }
    }
  });

  it("the crosshair shows the month's values", () => {
    const run = presetRun("baseline");
    const html = renderChartAt(byId("prices"), "baseline", 30);
    expect(html).toContain(run.months[30]);
    expect(html).toContain('class="crosshair"');
  });

  it("the calibration table reports each claim's verdict", () => {
    const state = chartState(byId("calibration"), "baseline");
    const rows = state.table().rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(["within", "missed", "not modelled", "n/a"]).toContain(r[5]);
  });
});
