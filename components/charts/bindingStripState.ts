import { BINDINGS, type Run } from "@/lib/model";
import { fmtCompact } from "../format";
import { BASELINE_COLOR, BINDING_COLOR, BINDING_DASH, OKABE_ITO } from "../palette";
import { placeLines, type PlacedLine } from "./lineMarks";
import { layoutLegend } from "./marks/legendLayout";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath, runExtent } from "./paths";
import { chooseScale, CHART_WIDTH, MARGIN, yScaleOf, type YTick } from "./scales";
import type { ChartBase, ChartOptions } from "./types";
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
  limits: TimePanel & { ticks: YTick[]; lines: PlacedLine[]; legend: LegendItem[]; legendY: number; titleY: number };
  /** The pinned baseline: its delivered output in the lower panel ("" when none is pinned). */
  baselineOutputD: string;
}

/** Which constraint limits accelerator output each month, as one coloured strip. */
export function bindingStripState(run: Run, { baseline, width, scaleMode }: ChartOptions = {}): BindingStripState {
  const n = run.months.length;
  const W = Math.min(CHART_WIDTH, width ?? CHART_WIDTH);
  const labels = run.labels["gpu.binding"] ?? [];
  const seenFirst = new Set(labels);
  const stripLegend = BINDINGS.filter((b) => seenFirst.has(b)).map((b) => ({ label: BINDING_NAME[b], color: BINDING_COLOR[b], swatch: true }));
  const stripTop = 14 + layoutLegend(stripLegend, W - MARGIN.left - MARGIN.right).height;
  const panel = timePanel(n, MARGIN.left, stripTop, W - MARGIN.left - MARGIN.right, 26);
  const segments: BindingStripState["segments"] = [];
  const stretches: string[] = [];
  for (const [a, b] of splitRuns(labels)) {
    const e = runExtent([a, b], panel.xScale);
    segments.push({ binding: labels[a], ...e, color: BINDING_COLOR[labels[a]] ?? "#999" });
    stretches.push(`${BINDING_NAME[labels[a]] ?? labels[a]} ${run.months[a]}–${run.months[b]}`);
  }
  const description = stretches.length ? `Accelerator output is limited by ${stretches.join(", then ")}.` : "No binding constraint is recorded.";
  const limits = ["wafers", "packaging", "hbm", "power"] as const;
  const limitLegend: LegendItem[] = [
    { label: "delivered", color: OKABE_ITO.skyBlue, width: 3 },
    { label: "wanted", color: "#5b6470", dash: "4 3" },
    ...limits.map((l) => ({ label: l === "hbm" ? "HBM" : l, color: BINDING_COLOR[l], dash: BINDING_DASH[l] })),
    ...(baseline ? [{ label: "Pinned baseline (delivered)", color: BASELINE_COLOR, baseline: true }] : []),
  ];
  const titleY = panel.y + panel.height + 36;
  const legendY = titleY + 16;
  const lp = timePanel(n, MARGIN.left, legendY + layoutLegend(limitLegend, W - 16).height + 4, W - MARGIN.left - MARGIN.right, 130);
  const vals: number[] = [];
  for (const id of [...limits.map((l) => `gpu.limit.${l}`), "gpu.output.h100e", "gpu.demand.h100e"]) if (run.series[id]) vals.push(...run.series[id]);
  const bOut = baseline?.series["gpu.output.h100e"];
  if (bOut) vals.push(...bOut);
  const scale = chooseScale(vals, "log", scaleMode);
  const ys = yScaleOf(vals, scale.mode, lp.y + lp.height, lp.y, fmtCompact);
  const ly = ys.scale;
  const series = (id: string) => run.series[id] ?? new Float64Array(n);
  const limitPanel = {
    ...lp,
    ticks: ys.ticks,
    titleY,
    legendY,
    lines: placeLines(
      [
        { key: "output", label: "delivered", values: series("gpu.output.h100e"), color: OKABE_ITO.skyBlue, width: 3, keep: ys.keep },
        { key: "demand", label: "wanted", values: series("gpu.demand.h100e"), color: "#5b6470", dash: "4 3", width: 1.4, keep: ys.keep },
        ...limits.map((l) => ({ key: l, label: l === "hbm" ? "HBM" : l, values: series(`gpu.limit.${l}`), color: BINDING_COLOR[l], dash: BINDING_DASH[l], width: 1.5, keep: ys.keep })),
      ],
      lp.xScale,
      ly,
      lp.y,
      lp.y + lp.height,
    ),
    legend: limitLegend,
  };
  const panels = [panel, lp];
  return {
    id: "binding",
    title: "Binding constraint on accelerator output",
    subtitle: `what limits accelerator output each month; below, the output each input allows (H100e / month, ${scale.mode} scale)`,
    description,
    width: W,
    scale,
    height: lp.y + lp.height + 24,
    limits: limitPanel,
    baselineOutputD: bOut ? linePath(bOut, lp.xScale, ly, ys.keep) : "",
    ...(baseline ? { baselineNote: "Wide pale band (lower panel): the pinned baseline's delivered output." } : {}),
    csvSeries: ["gpu.binding", ...limits.map((l) => `gpu.limit.${l}`), "gpu.output.h100e", "gpu.demand.h100e"],
    ...panelTimeAxis(run, panels),
    panel,
    segments,
    legend: stripLegend,
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
