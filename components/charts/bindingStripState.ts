import { BINDINGS, type Run } from "@/lib/model";
import { fmtCompact } from "../format";
import { BINDING_COLOR } from "../palette";
import { at, crosshairInPanels, indexInPanels, timePanel, type TimePanel } from "./common";
import { runExtent } from "./paths";
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
}

/** Which constraint limits accelerator output each month, as one coloured strip. */
export function bindingStripState(run: Run): BindingStripState {
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
  const panels = [panel];
  const limits = ["wafers", "packaging", "hbm", "power"] as const;
  return {
    id: "binding",
    title: "Binding constraint on accelerator output",
    subtitle: "what limits output each month",
    description,
    width: CHART_WIDTH,
    height: panel.y + panel.height + 24,
    monthCount: n,
    months: run.months,
    panel,
    segments,
    legend: BINDINGS.filter((b) => seen.has(b)).map((b) => ({ label: BINDING_NAME[b], color: BINDING_COLOR[b], swatch: true })),
    indexAt: (x, y) => indexInPanels(panels, n, x, y),
    crosshair: (i) => crosshairInPanels(panels, i),
    readout: (i) => [
      { label: "Month", value: run.months[i] },
      { label: "Binding", value: BINDING_NAME[labels[i]] ?? labels[i] ?? "—", color: BINDING_COLOR[labels[i]] },
      { label: "Output", value: `${fmtCompact(at(run, "gpu.output.h100e", i))} H100e / month` },
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
