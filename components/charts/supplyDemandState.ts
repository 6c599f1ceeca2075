import { INPUTS, type Run } from "@/lib/model";
import type { FanResult } from "@/lib/model/mc";
import { fanExtent, fanMarks, fanNote, type FanMarks } from "./fan";
import { fmtCompact, fmtTable } from "../format";
import { clearsAtText, firstShortText } from "../panels/metricText";
import { INPUT_COLOR, OKABE_ITO } from "../palette";
import { at, panelTimeAxis, INPUT_NAME, isShort, joinAnd, timePanel, type TimePanel } from "./common";
import { linePath, runExtent, runsWhere } from "./paths";
import { linearY, WIDE_WIDTH, yTicks, type YTick } from "./scales";
import type { ChartBase } from "./types";

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
}

const COLS = 3, TOP = 24, ROW_H = 170, PLOT_H = 118;

/** Supply vs demand per input, one panel each, with the months where demand exceeds supply shaded. */
export function supplyDemandState(run: Run, baseline?: Run | null, fan?: FanResult | null): SupplyDemandState {
  const n = run.months.length;
  const colW = WIDE_WIDTH / COLS;
  const panels: SupplyDemandPanel[] = INPUTS.map((r, k) => {
    const col = k % COLS, row = Math.floor(k / COLS);
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
    width: WIDE_WIDTH,
    height: TOP + 2 * ROW_H,
    wide: true,
    ...panelTimeAxis(run, panels),
    panels,
    supplyColor: OKABE_ITO.grey,
    ...(fan ? { fanNote: fanNote(fan)!.replace("Bands:", "Bands (grey: supply; coloured: demand):") } : {}),
    ...(baseline ? { baselineNote: "Grey: the pinned baseline's supply (dotted) and demand (dash-dot)." } : {}),
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
