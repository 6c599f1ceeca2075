import type { Run } from "@/lib/model";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtMultiple, fmtTable } from "../format";
import { BASELINE_COLOR, INPUT_COLOR, INPUT_DASH } from "../palette";
import { asPeak } from "../format";
import { at, panelTimeAxis, INPUT_NAME, joinAnd, timePanel, type TimePanel } from "./common";
import { linePath } from "./paths";
import { placeLines, type PlacedLine } from "./lineMarks";
import { layoutLegend } from "./marks/legendLayout";
import { CHART_WIDTH, chooseScale, MARGIN, yScaleOf, type YTick } from "./scales";
import type { ChartBase, ChartOptions } from "./types";
import type { LegendItem } from "./marks/Legend";

/** The inputs that have a price index. */
export const PRICED = ["wafer", "packaging", "hbm", "dram", "nand"] as const;

/** State of the price-index chart. */
export interface PricesState extends ChartBase {
  months: string[];
  panel: TimePanel;
  lines: PlacedLine[];
  /** The pinned baseline's price indices (empty when none is pinned). */
  baselineLines: { input: string; d: string; color: string }[];
  ticks: YTick[];
  legend: LegendItem[];
  /** Uncertainty fans of the price indices (empty when bands are off). */
  fans: FanMarks[];
}

/** Price index per input (2024-01 = 1) on a log scale, so a doubling looks the same at any level. */
export function pricesState(run: Run, { baseline, width, scaleMode, fan }: ChartOptions = {}): PricesState {
  const n = run.months.length;
  const W = Math.min(CHART_WIDTH, width ?? CHART_WIDTH);
  const short = (r: string) => INPUT_NAME[r].replace("Leading-edge ", "").replace("Advanced ", "");
  const legend: LegendItem[] = [
    ...PRICED.map((r) => ({ label: short(r), color: INPUT_COLOR[r], dash: INPUT_DASH[r] })),
    ...(baseline ? [{ label: "Pinned baseline", color: BASELINE_COLOR, baseline: true }] : []),
  ];
  const top = 18 + layoutLegend(legend, W - MARGIN.left - MARGIN.right).height;
  const panel = timePanel(n, MARGIN.left, top, W - MARGIN.left - MARGIN.right, 170);
  const all: number[] = [];
  for (const r of PRICED) all.push(...run.series[`price.${r}`], ...(baseline?.series[`price.${r}`] ?? []));
  all.push(...fanExtent(fan, PRICED.map((r) => `price.${r}`)));
  const scale = chooseScale(all, "log", scaleMode);
  const ys = yScaleOf(all, scale.mode, panel.y + panel.height, panel.y, fmtMultiple);
  const y = ys.scale;
  const fans = PRICED.map((r) => fanMarks(fan, `price.${r}`, panel.xScale, y, INPUT_COLOR[r], ys.keep)).filter((f): f is FanMarks => !!f);
  const lines = placeLines(PRICED.map((r) => ({ key: r, label: short(r), values: run.series[`price.${r}`], color: INPUT_COLOR[r], dash: INPUT_DASH[r], keep: ys.keep })), panel.xScale, y, panel.y, panel.y + panel.height);
  const baselineLines = baseline ? PRICED.map((r) => ({ input: r, d: linePath(baseline.series[`price.${r}`], panel.xScale, y, ys.keep), color: INPUT_COLOR[r] })) : [];
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
    subtitle: `× the 2024-01 price, ${scale.mode} scale`,
    description,
    width: W,
    scale,
    height: panel.y + panel.height + 24,
    ...panelTimeAxis(run, panels),
    panel,
    lines,
    baselineLines,
    fans,
    ...(fan ? { fanNote: fanNote(fan) } : {}),
    ...(baseline ? { baselineNote: "Wide pale bands: the pinned baseline's price indices, in the same colours." } : {}),
    csvSeries: PRICED.map((r) => `price.${r}`),
    ticks: ys.ticks,
    legend,
    readout: (i) => [{ label: "Month", value: run.months[i] }, ...PRICED.map((r) => ({ label: INPUT_NAME[r], value: fmtMultiple(at(run, `price.${r}`, i)), color: INPUT_COLOR[r] }))],
    table: () => ({
      columns: ["Month", ...PRICED.map((r) => `${INPUT_NAME[r]} (× 2024-01)`)],
      rows: run.months.map((m, i) => [m, ...PRICED.map((r) => fmtTable(at(run, `price.${r}`, i)))]),
    }),
  };
}
