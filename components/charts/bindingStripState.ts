import { BINDINGS, type Run } from "@/lib/model";
import { fmtCompact } from "../format";
import { BINDING_COLOR } from "../palette";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath, runExtent } from "./paths";
import { logTicks, logY, type YTick } from "./scales";
import { CHART_WIDTH, MARGIN } from "./scales";
import type { ChartBase } from "./types";
import type { LegendItem } from "./marks/Legend";

/** Names of the binding constraints. */
export const BINDING_NAME: Record<string, string> = { wafers: "wafers", packaging: "packaging", hbm: "HBM", power: "power", demand: "demand (nothing short)" };

/** State of the binding-constraint strip. */
export interface BindingStripState extends ChartBase {
  months: string[];
  panel: TimePanel;
  segments: { binding: string; x0: number; x1: number; color: string }[];
  legend: LegendItem[];
  /** Output each input would allow, the output wanted and delivered (log scale). */
  limits: TimePanel & { ticks: YTick[]; lines: { key: string; d: string; color: string; dash?: string; width: number }[]; legend: LegendItem[] };
  /** The pinned baseline: its delivered output in the lower panel ("" when none is pinned). */
  baselineOutputD: string;
}

/** Which constraint limits accelerator output each month, as one coloured strip. */
export function bindingStripState(run: Run, baseline?: Run | null): BindingStripState {
  const n = run.months.length;
  const labels = run.labels["gpu.binding"] ?? [];
  const panel = timePanel(n, MARGIN.left, 26, CHART_WIDTH - MARGIN.left - MARGIN.right, 26);
  const segments: BindingStripState["segments"] = [];
  const stretches: string[] = [];
  for (const [a, b] of splitRuns(labels)) {
    const e = runExtent([a, b], panel.xScale);
    segments.push({ binding: labels[a], ...e, color: BINDING_COLOR[labels[a]] ?? "#999" });
    stretches.push(`${BINDING_NAME[labels[a]] ?? labels[a]} ${run.months[a]}–${run.months[b]}`);
  }
  const seen = new Set(labels);
  const description = stretches.length ? `Accelerator output is limited by ${stretches.join(", then ")}.` : "No binding constraint is recorded.";
  const limits = ["wafers", "packaging", "hbm", "power"] as const;
  const lp = timePanel(n, MARGIN.left, panel.y + panel.height + 64, CHART_WIDTH - MARGIN.left - MARGIN.right, 130);
  const vals: number[] = [];
  for (const id of [...limits.map((l) => `gpu.limit.${l}`), "gpu.output.h100e", "gpu.demand.h100e"]) if (run.series[id]) vals.push(...run.series[id]);
  const bOut = baseline?.series["gpu.output.h100e"];
  if (bOut) vals.push(...bOut);
  const ly = logY(vals, lp.y + lp.height, lp.y);
  const series = (id: string) => run.series[id] ?? new Float64Array(n);
  const limitPanel = {
    ...lp,
    ticks: logTicks(ly, fmtCompact),
    lines: [
      { key: "output", d: linePath(series("gpu.output.h100e"), lp.xScale, ly, (v) => v > 0), color: "#B8C2CC", width: 5 },
      { key: "demand", d: linePath(series("gpu.demand.h100e"), lp.xScale, ly, (v) => v > 0), color: "#5b6470", dash: "4 3", width: 1.4 },
      ...limits.map((l) => ({ key: l, d: linePath(series(`gpu.limit.${l}`), lp.xScale, ly, (v) => v > 0), color: BINDING_COLOR[l], width: 1.5 })),
    ],
    legend: [
      { label: "delivered", color: "#B8C2CC" },
      { label: "wanted", color: "#5b6470", dash: "4 3" },
      ...limits.map((l) => ({ label: l === "hbm" ? "HBM" : l, color: BINDING_COLOR[l] })),
    ],
  };
  const panels = [panel, lp];
  return {
    id: "binding",
    title: "Binding constraint on accelerator output",
    subtitle: "what limits accelerator output each month; below, the output each input allows (H100e / month, log scale)",
    description,
    width: CHART_WIDTH,
    height: lp.y + lp.height + 24,
    limits: limitPanel,
    baselineOutputD: bOut ? linePath(bOut, lp.xScale, ly, (v) => v > 0) : "",
    ...(baseline ? { baselineNote: "Dotted line (lower panel): the pinned baseline's delivered output." } : {}),
    csvSeries: ["gpu.binding", ...limits.map((l) => `gpu.limit.${l}`), "gpu.output.h100e", "gpu.demand.h100e"],
    ...panelTimeAxis(run, panels),
    panel,
    segments,
    legend: BINDINGS.filter((b) => seen.has(b)).map((b) => ({ label: BINDING_NAME[b], color: BINDING_COLOR[b], swatch: true })),
    readout: (i) => [
      { label: "Month", value: run.months[i] },
      { label: "Binding", value: BINDING_NAME[labels[i]] ?? labels[i] ?? "—", color: BINDING_COLOR[labels[i]] },
      { label: "Delivered", value: `${fmtCompact(at(run, "gpu.output.h100e", i))} of ${fmtCompact(at(run, "gpu.demand.h100e", i))} H100e / month wanted` },
    ],
    table: () => ({
      columns: ["Month", "Binding constraint", ...limits.map((l) => `Output allowed by ${l} (H100e / month)`), "Output (H100e / month)"],
      rows: run.months.map((m, i) => [m, BINDING_NAME[labels[i]] ?? labels[i] ?? "—", ...limits.map((l) => fmtCompact(at(run, `gpu.limit.${l}`, i))), fmtCompact(at(run, "gpu.output.h100e", i))]),
    }),
  };
}

/** Consecutive months with the same label, as [first, last] pairs. */
function splitRuns(labels: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= labels.length; i++) if (i === labels.length || labels[i] !== labels[start]) { if (labels.length) out.push([start, i - 1]); start = i; }
  return out;
}
