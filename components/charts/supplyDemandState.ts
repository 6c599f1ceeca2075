import { INPUTS, type Run } from "@/lib/model";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtCompact, fmtTable } from "../format";
import { clearsAtText, firstShortText } from "../panels/metricText";
import { INPUT_COLOR, OKABE_ITO } from "../palette";
import { at, panelTimeAxis, INPUT_NAME, isShort, joinAnd, timePanel, type TimePanel } from "./common";
import { linePath, runExtent, runsWhere } from "./paths";
import { linearY, WIDE_WIDTH, yTicks, type YTick } from "./scales";
import type { ChartBase, ChartOptions } from "./types";
import { layoutLegend } from "./marks/legendLayout";
import type { LegendItem } from "./marks/Legend";
import { BASELINE_COLOR, SHORTAGE_FILL } from "../palette";

/** One small multiple: an input's supply and demand with its shortage months. */
export interface SupplyDemandPanel extends TimePanel {
  input: string;
  title: string;
  unit: string;
  supplyPath: string;
  demandPath: string;
  color: string;
  /** The pinned baseline's supply and demand ("" when none is pinned). */
  baselineSupplyPath: string;
  baselineDemandPath: string;
  ticks: YTick[];
  shortage: { x0: number; x1: number }[];
  /** Uncertainty fans of supply and demand (empty when bands are off). */
  fans: FanMarks[];
}

/** State of the supply-vs-demand small multiples. */
export interface SupplyDemandState extends ChartBase {
  months: string[];
  panels: SupplyDemandPanel[];
  supplyColor: string;
  legend: LegendItem[];
  /** Largest legend row width before it wraps. */
  legendWidth: number;
}

const ROW_H = 170, PLOT_H = 118;

/** Supply vs demand per input, one panel each, with the months where demand exceeds supply shaded. */
export function supplyDemandState(run: Run, { baseline, width, fan }: ChartOptions = {}): SupplyDemandState {
  const n = run.months.length;
  const W = Math.min(WIDE_WIDTH, width ?? WIDE_WIDTH);
  // Three panels a row on a desktop, two on a tablet, one on a phone: each panel keeps at least ~250 units.
  const cols = W >= 780 ? 3 : W >= 520 ? 2 : 1;
  const colW = W / cols;
  const legend: LegendItem[] = [
    { label: "Supply (capacity)", color: "#1b1f24" },
    { label: "Demand", color: "#1b1f24", dash: "5 3" },
    { label: "Demand above supply", color: SHORTAGE_FILL, swatch: true },
    ...(baseline ? [{ label: "Pinned baseline (supply, demand)", color: BASELINE_COLOR, baseline: true }] : []),
  ];
  const legendWidth = W - 46 - 8;
  const TOP = 12 + layoutLegend(legend, legendWidth).height;
  const panels: SupplyDemandPanel[] = INPUTS.map((r, k) => {
    const col = k % cols, row = Math.floor(k / cols);
    const p = timePanel(n, col * colW + 46, TOP + row * ROW_H + 22, colW - 62, PLOT_H);
    const supply = run.series[`supply.${r}`], demand = run.series[`demand.${r}`], ratio = run.series[`shortage.${r}`];
    const bs = baseline?.series[`supply.${r}`], bd = baseline?.series[`demand.${r}`];
    const y = linearY([...supply, ...demand, ...(bs ?? []), ...(bd ?? []), ...fanExtent(fan, [`supply.${r}`, `demand.${r}`])], p.y + p.height, p.y);
    return {
      ...p,
      input: r,
      title: INPUT_NAME[r],
      unit: run.meta[`supply.${r}`]?.unit ?? "",
      supplyPath: linePath(supply, p.xScale, y),
      demandPath: linePath(demand, p.xScale, y),
      baselineSupplyPath: bs ? linePath(bs, p.xScale, y) : "",
      baselineDemandPath: bd ? linePath(bd, p.xScale, y) : "",
      color: INPUT_COLOR[r],
      ticks: yTicks(y, fmtCompact, 3),
      shortage: runsWhere(n, (i) => isShort(ratio[i])).map((rr) => runExtent(rr, p.xScale)),
      fans: [fanMarks(fan, `supply.${r}`, p.xScale, y, OKABE_ITO.grey), fanMarks(fan, `demand.${r}`, p.xScale, y, INPUT_COLOR[r])].filter((f): f is FanMarks => !!f),
    };
  });
  const short = INPUTS.filter((r) => firstShortText(run, r) !== null);
  const fine = INPUTS.filter((r) => firstShortText(run, r) === null);
  const phrases = short.map((r) => {
    const c = clearsAtText(run, r);
    return `${INPUT_NAME[r]} (from ${firstShortText(run, r)}, ${c.startsWith("beyond") ? `lasting ${c}` : `clearing ${c}`})`;
  });
  const description = short.length
    ? `Demand exceeds supply for ${joinAnd(phrases)}${fine.length ? `; ${joinAnd(fine.map((r) => INPUT_NAME[r]))} stay within supply` : ""}.`
    : "Supply meets demand for every input over the whole horizon.";
  return {
    id: "supply-demand",
    title: "Supply vs demand by input",
    subtitle: "monthly; solid = supply, dashed = demand; shaded = demand above supply",
    description,
    width: W,
    height: TOP + Math.ceil(INPUTS.length / cols) * ROW_H,
    wide: true,
    ...panelTimeAxis(run, panels),
    panels,
    supplyColor: OKABE_ITO.grey,
    legend,
    legendWidth,
    ...(fan ? { fanNote: fanNote(fan)!.replace("Bands:", "Bands (grey: supply; coloured: demand):") } : {}),
    ...(baseline ? { baselineNote: "Wide pale bands: the pinned baseline's supply and demand." } : {}),
    csvSeries: INPUTS.flatMap((r) => [`supply.${r}`, `demand.${r}`, `shortage.${r}`]),
    readout: (i) => [
      { label: "Month", value: `${run.months[i]} (demand / supply)` },
      ...INPUTS.map((r) => {
        const ratio = at(run, `shortage.${r}`, i);
        return { label: INPUT_NAME[r], value: `${Number.isFinite(ratio) ? ratio.toFixed(2) : "—"}×${isShort(ratio) ? " short" : ""}`, color: INPUT_COLOR[r] };
      }),
    ],
    table: () => ({
      columns: ["Month", ...INPUTS.flatMap((r) => [`${INPUT_NAME[r]} supply (${run.meta[`supply.${r}`]?.unit})`, `${INPUT_NAME[r]} demand (${run.meta[`demand.${r}`]?.unit})`])],
      rows: run.months.map((m, i) => [m, ...INPUTS.flatMap((r) => [fmtTable(at(run, `supply.${r}`, i)), fmtTable(at(run, `demand.${r}`, i))])]),
    }),
  };
}
