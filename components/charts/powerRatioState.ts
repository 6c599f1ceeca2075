import type { Run } from "@/lib/model";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { asPeak, fmtTable } from "../format";
import { BASELINE_COLOR, OKABE_ITO } from "../palette";
import type { LegendItem } from "./marks/Legend";
import { at, panelTimeAxis, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { CHART_WIDTH, linearY, MARGIN, round3, yTicks, type YTick } from "./scales";
import type { ChartBase, ChartOptions } from "./types";
import { format } from "d3-format";

const f2 = format(".2~f");

/** State of the CPU:GPU power-ratio chart. */
export interface PowerRatioState extends ChartBase {
  months: string[];
  panel: TimePanel;
  d: string;
  /** The pinned baseline's ratio ("" when none is pinned). */
  baselineD: string;
  /** y of the 1:1 reference line, or null when it is off the scale. */
  parityY: number | null;
  ticks: YTick[];
  color: string;
  /** Names the lines when a baseline is pinned (empty otherwise: the one line is named by the title). */
  legend: LegendItem[];
  /** The ratio's uncertainty fan (null when bands are off). */
  fan: FanMarks | null;
}

/** Power drawn by CPUs per MW of GPU power in AI work (agents and RL), month by month. */
export function powerRatioState(run: Run, { baseline, width, fan }: ChartOptions = {}): PowerRatioState {
  const n = run.months.length;
  const W = Math.min(CHART_WIDTH, width ?? CHART_WIDTH);
  const panel = timePanel(n, MARGIN.left, baseline ? 28 : 14, W - MARGIN.left - MARGIN.right, 150);
  const s = run.series["power.ratio.cpuToGpu"];
  const b = baseline?.series["power.ratio.cpuToGpu"];
  const y = linearY([...s, ...(b ?? []), 1.1, ...fanExtent(fan, ["power.ratio.cpuToGpu"])], panel.y + panel.height, panel.y);
  const peak = asPeak(run.metrics["peakCpuToGpuPowerRatio"]);
  const last = at(run, "power.ratio.cpuToGpu", n - 1);
  const description = peak
    ? `CPU power in AI work peaks at ${f2(peak.value)} MW per MW of GPU power in ${peak.month} and ends the horizon at ${f2(last)} MW per MW.`
    : "CPU power per MW of GPU power in AI work.";
  const panels = [panel];
  return {
    id: "power-ratio",
    title: "CPU:GPU power ratio in AI work",
    subtitle: "MW of CPU per MW of GPU, agents and RL verifiers",
    description,
    width: W,
    height: panel.y + panel.height + 24,
    ...panelTimeAxis(run, panels),
    panel,
    d: linePath(s, panel.xScale, y),
    baselineD: b ? linePath(b, panel.xScale, y) : "",
    fan: fanMarks(fan, "power.ratio.cpuToGpu", panel.xScale, y, OKABE_ITO.vermillion),
    ...(fan ? { fanNote: fanNote(fan) } : {}),
    ...(baseline ? { baselineNote: "Wide pale band: the pinned baseline." } : {}),
    csvSeries: ["power.ratio.cpuToGpu", "power.used.cpu", "power.used.gpu"],
    parityY: round3(y(1)),
    ticks: yTicks(y, (v) => f2(v), 4),
    color: OKABE_ITO.vermillion,
    legend: baseline ? [{ label: "This scenario", color: OKABE_ITO.vermillion }, { label: "Pinned baseline", color: BASELINE_COLOR, baseline: true }] : [],
    readout: (i) => [
      { label: "Month", value: run.months[i] },
      { label: "CPU:GPU power", value: `${f2(at(run, "power.ratio.cpuToGpu", i))} MW CPU / MW GPU`, color: OKABE_ITO.vermillion },
    ],
    table: () => ({
      columns: ["Month", "CPU:GPU power (MW CPU / MW GPU)"],
      rows: run.months.map((m, i) => [m, fmtTable(at(run, "power.ratio.cpuToGpu", i))]),
    }),
  };
}
