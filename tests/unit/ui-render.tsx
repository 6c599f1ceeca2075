import { renderToStaticMarkup } from "react-dom/server";
import { simulate, type Run } from "@/lib/model";
import { resolveScenario } from "@/lib/scenario/presets";
import { evaluateCalibration } from "@/lib/scenario/calibration";
import { CHARTS, type ChartEntry } from "@/components/charts/registry";

const runs = new Map<string, Run>();
/** The run of a preset with no edits (cached per preset for the test file). */
export function presetRun(presetId: string): Run {
  let r = runs.get(presetId);
  if (!r) runs.set(presetId, (r = simulate(resolveScenario({ presetId, overrides: {} }))));
  return r;
}

let calibration: ReturnType<typeof evaluateCalibration> | null = null;
/** The chart state of a preset's run. */
export function chartState(c: ChartEntry, presetId: string) {
  return c.state(presetRun(presetId), { presetId, calibration: () => (calibration ??= evaluateCalibration()) });
}

/** Renders a chart view to static HTML with no crosshair. */
export function renderChart(c: ChartEntry, presetId: string): string {
  return renderToStaticMarkup(<c.View state={chartState(c, presetId)} hover={null} />);
}

/** Renders a chart view with the crosshair at a month. */
export function renderChartAt(c: ChartEntry, presetId: string, month: number): string {
  return renderToStaticMarkup(<c.View state={chartState(c, presetId)} hover={month} />);
}

/** Plot-style normalisation: numbers rounded to 3 decimals, generated ids renumbered in order of appearance. */
export function normalizeSvg(markup: string): string {
  const svg = markup.slice(markup.indexOf("<svg"), markup.indexOf("</svg>") + 6);
  const ids = new Map<string, string>();
  const renamed = svg.replace(/id="([^"]+)"/g, (_, id: string) => {
    const base = id.replace(/-[td]$/, "");
    if (!ids.has(base)) ids.set(base, `id${ids.size}`);
    return `id="${ids.get(base)}${id.slice(base.length)}"`;
  });
  let out = renamed;
  for (const [from, to] of ids) out = out.split(from).join(to);
  return out.replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000)).replace(/></g, ">\n<");
}

export { CHARTS };
