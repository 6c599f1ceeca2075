import type { Run } from "@/lib/model";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtShare, fmtTable } from "../format";
import { OKABE_ITO } from "../palette";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { bandPath, linePath } from "./paths";
import { CHART_WIDTH, MARGIN, shaveDown, yTicks, type YTick } from "./scales";
import { scaleLinear } from "d3-scale";
import type { ChartBase, ChartOptions } from "./types";
import { layoutLegend } from "./marks/legendLayout";
import type { LegendItem } from "./marks/Legend";

const USES = [
  { key: "ai", label: "AI accelerators", color: OKABE_ITO.blue },
  { key: "cpu", label: "Server CPUs", color: OKABE_ITO.orange },
  { key: "consumer", label: "Consumer devices", color: OKABE_ITO.green },
] as const;

/** State of the wafer-allocation stacked areas. */
export interface WaferAllocationState extends ChartBase {
  months: string[];
  panel: TimePanel;
  layers: { key: string; d: string; color: string }[];
  ticks: YTick[];
  legend: LegendItem[];
  /** The pinned baseline's boundaries between uses (AI | CPU | consumer), as lines; empty when none is pinned. */
  baselineLines: { key: string; d: string }[];
  /** The uncertainty fan of the AI share (the top of the AI layer); null when bands are off. */
  fan: FanMarks | null;
}

/** Leading-edge wafer capacity by use (AI vs CPU vs consumer), stacked as shares of capacity. */
export function waferAllocationState(run: Run, { baseline, width, fan }: ChartOptions = {}): WaferAllocationState {
  const n = run.months.length;
  const W = Math.min(CHART_WIDTH, width ?? CHART_WIDTH);
  const legend: LegendItem[] = [...USES.map((u) => ({ label: u.label, color: u.color, swatch: true })), ...(baseline ? [{ label: "Pinned baseline (boundaries)", color: "#000", baseline: true }] : [])];
  const top = 18 + layoutLegend(legend, W - MARGIN.left - MARGIN.right).height;
  const panel = timePanel(n, MARGIN.left, top, W - MARGIN.left - MARGIN.right, 170);
  let stackTop = 1;
  const stacks: Float64Array[] = [new Float64Array(n)];
  for (const u of USES) {
    const s = run.series[`wafer.share.${u.key}`];
    const prev = stacks[stacks.length - 1];
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = prev[i] + (Number.isFinite(s[i]) ? Math.max(0, s[i]) : 0);
    stacks.push(next);
  }
  for (const v of stacks[stacks.length - 1]) stackTop = Math.max(stackTop, v);
  for (const v of fanExtent(fan, ["wafer.share.ai"])) if (Number.isFinite(v)) stackTop = Math.max(stackTop, v);
  const y = scaleLinear().domain([0, shaveDown(stackTop)]).range([panel.y + panel.height, panel.y]).nice(4);
  const baselineLines: { key: string; d: string }[] = [];
  if (baseline) {
    // The top of the AI layer and of AI + CPU, in the baseline run.
    const ai = baseline.series["wafer.share.ai"], cpu = baseline.series["wafer.share.cpu"];
    const aiTop = Float64Array.from(ai, (v) => (Number.isFinite(v) ? Math.max(0, v) : NaN));
    const cpuTop = Float64Array.from(cpu, (v, i) => aiTop[i] + (Number.isFinite(v) ? Math.max(0, v) : 0));
    baselineLines.push({ key: "ai", d: linePath(aiTop, panel.xScale, y) }, { key: "cpu", d: linePath(cpuTop, panel.xScale, y) });
  }
  const first = 0, last = n - 1;
  const description = `AI accelerators take ${fmtShare(at(run, "wafer.share.ai", first))} of leading-edge wafers in ${run.months[first]} and ${fmtShare(at(run, "wafer.share.ai", last))} in ${run.months[last]}; consumer devices go from ${fmtShare(at(run, "wafer.share.consumer", first))} to ${fmtShare(at(run, "wafer.share.consumer", last))}.`;
  const panels = [panel];
  return {
    id: "wafer-allocation",
    title: "Leading-edge wafer allocation",
    subtitle: "share of leading-edge wafer capacity by use, stacked",
    description,
    width: W,
    height: panel.y + panel.height + 24,
    ...panelTimeAxis(run, panels),
    panel,
    layers: USES.map((u, k) => ({ key: u.key, d: bandPath(stacks[k], stacks[k + 1], panel.xScale, y), color: u.color })),
    ticks: yTicks(y, (v) => fmtShare(v), 4),
    baselineLines,
    fan: fanMarks(fan, "wafer.share.ai", panel.xScale, y, OKABE_ITO.black),
    ...(fan ? { fanNote: fanNote(fan)!.replace("Bands:", "Bands of the AI share:") } : {}),
    ...(baseline ? { baselineNote: "Dotted lines: the pinned baseline's boundaries between AI and CPU, and CPU and consumer wafers." } : {}),
    csvSeries: USES.map((u) => `wafer.share.${u.key}`),
    legend,
    readout: (i) => [{ label: "Month", value: run.months[i] }, ...USES.map((u) => ({ label: u.label, value: fmtShare(at(run, `wafer.share.${u.key}`, i), 1), color: u.color }))],
    table: () => ({
      columns: ["Month", ...USES.map((u) => `${u.label} (share of capacity)`)],
      rows: run.months.map((m, i) => [m, ...USES.map((u) => fmtTable(at(run, `wafer.share.${u.key}`, i)))]),
    }),
  };
}
