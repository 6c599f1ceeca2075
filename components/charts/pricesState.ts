import type { Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtMultiple, fmtTable } from "../format";
import { INPUT_COLOR } from "../palette";
import { asPeak } from "../format";
import { at, panelTimeAxis, INPUT_NAME, joinAnd, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { CHART_WIDTH, logTicks, logY, MARGIN, type YTick } from "./scales";
import type { ChartBase } from "./types";
import type { LegendItem } from "./marks/Legend";

/** The inputs that have a price index. */
export const PRICED = ["wafer", "packaging", "hbm", "dram", "nand"] as const;

/** State of the price-index chart. */
export interface PricesState extends ChartBase {
  months: string[];
  panel: TimePanel;
  lines: { input: string; d: string; color: string }[];
  /** The pinned baseline's price indices (empty when none is pinned). */
  baselineLines: { input: string; d: string; color: string }[];
  ticks: YTick[];
  legend: LegendItem[];
  /** Uncertainty fans of the price indices (empty when bands are off). */
  fans: FanMarks[];
}

/** Price index per input (2024-01 = 1) on a log scale, so a doubling looks the same at any level. */
export function pricesState(run: Run, baseline?: Run | null, fan?: FanResult | null): PricesState {
  const n = run.months.length;
  const panel = timePanel(n, MARGIN.left, 30, CHART_WIDTH - MARGIN.left - MARGIN.right, 170);
  const all: number[] = [];
  for (const r of PRICED) all.push(...run.series[`price.${r}`], ...(baseline?.series[`price.${r}`] ?? []));
  all.push(...fanExtent(fan, PRICED.map((r) => `price.${r}`)));
  const y = logY(all, panel.y + panel.height, panel.y);
  const fans = PRICED.map((r) => fanMarks(fan, `price.${r}`, panel.xScale, y, INPUT_COLOR[r], (v) => v > 0)).filter((f): f is FanMarks => !!f);
  const lines = PRICED.map((r) => ({ input: r, d: linePath(run.series[`price.${r}`], panel.xScale, y, (v) => v > 0), color: INPUT_COLOR[r] }));
  const baselineLines = baseline ? PRICED.map((r) => ({ input: r, d: linePath(baseline.series[`price.${r}`], panel.xScale, y, (v) => v > 0), color: INPUT_COLOR[r] })) : [];
  const peaks = PRICED.map((r) => ({ r, p: asPeak(run.metrics[`peakPrice.${r}`]) })).filter((q) => q.p && q.p.value > 1.05);
  peaks.sort((a, b) => b.p!.value - a.p!.value);
  const flat = PRICED.filter((r) => !peaks.some((q) => q.r === r)).map((r) => INPUT_NAME[r]);
  const description = peaks.length
    ? `Prices peak at ${joinAnd(peaks.map((q) => `${fmtMultiple(q.p!.value)} for ${INPUT_NAME[q.r]} (${q.p!.month})`))}${flat.length ? `; ${joinAnd(flat)} stay within 5% of their 2024 level` : ""}.`
    : "No input's price rises more than 5% above its 2024 level.";
  const panels = [panel];
  return {
    id: "prices",
    title: "Price indices",
    subtitle: "× the 2024-01 price, log scale",
    description,
    width: CHART_WIDTH,
    height: panel.y + panel.height + 24,
    ...panelTimeAxis(run, panels),
    panel,
    lines,
    baselineLines,
    fans,
    ...(fan ? { fanNote: fanNote(fan) } : {}),
    ...(baseline ? { baselineNote: "Dotted lines: the pinned baseline's price indices, in the same colours." } : {}),
    csvSeries: PRICED.map((r) => `price.${r}`),
    ticks: logTicks(y, fmtMultiple),
    legend: PRICED.map((r) => ({ label: INPUT_NAME[r].replace("Leading-edge ", "").replace("Advanced ", ""), color: INPUT_COLOR[r] })),
    readout: (i) => [{ label: "Month", value: run.months[i] }, ...PRICED.map((r) => ({ label: INPUT_NAME[r], value: fmtMultiple(at(run, `price.${r}`, i)), color: INPUT_COLOR[r] }))],
    table: () => ({
      columns: ["Month", ...PRICED.map((r) => `${INPUT_NAME[r]} (× 2024-01)`)],
      rows: run.months.map((m, i) => [m, ...PRICED.map((r) => fmtTable(at(run, `price.${r}`, i)))]),
    }),
  };
}
