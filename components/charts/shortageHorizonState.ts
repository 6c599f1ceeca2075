import { SHORTAGES, type Run } from "@/lib/model";
import { clearsAtText, firstShortText, horizonYear } from "../panels/metricText";
import { INPUT_COLOR } from "../palette";
import { at, INPUT_NAME, isShort, joinAnd, timePanel, type TimePanel } from "./common";
import { monthIndexAt, round3, WIDE_WIDTH } from "./scales";
import { runExtent, runsWhere } from "./paths";
import type { ChartBase, ChartOptions } from "./types";

/** One row of the timeline: an input's shortage from its first month to its clearing. */
export interface HorizonRow {
  input: string;
  label: string;
  y: number;
  color: string;
  /** The bar, or null when there is no shortage. */
  bar: { x0: number; x1: number; openEnded: boolean } | null;
  /** The months actually in shortage (demand above supply), which may recur after the clearing month. */
  episodes: { x0: number; x1: number }[];
  status: string;
  /** The pinned baseline's bar from first short month to clearing, or null (no baseline, or no shortage in it). */
  baselineBar: { x0: number; x1: number } | null;
}

/** State of the shortage-horizon timeline. */
export interface ShortageHorizonState extends ChartBase {
  months: string[];
  panel: TimePanel;
  rows: HorizonRow[];
  rowHeight: number;
}

const ROW_H = 20, TOP = 6;

/** When each shortage starts and clears: one bar per input and product, open-ended when it lasts past the horizon. */
export function shortageHorizonState(run: Run, { baseline, width }: ChartOptions = {}): ShortageHorizonState {
  const n = run.months.length;
  const W = Math.min(WIDE_WIDTH, width ?? WIDE_WIDTH);
  const narrow = W < 600;
  const LABEL_W = narrow ? 110 : 124, STATUS_W = narrow ? 64 : 72;
  const panel = timePanel(n, LABEL_W, TOP, W - LABEL_W - STATUS_W, SHORTAGES.length * ROW_H);
  const x = panel.xScale;
  const idx = (m: string | null) => (m ? run.months.indexOf(m) : -1);
  const rows: HorizonRow[] = SHORTAGES.map((r, k) => {
    const first = idx(firstShortText(run, r));
    const status = run.metrics[`shortageStatus.${r}`];
    const clears = idx(typeof run.metrics[`clearsAt.${r}`] === "string" ? (run.metrics[`clearsAt.${r}`] as string) : null);
    const bar = first < 0 ? null : { x0: round3(x(first)), x1: round3(status === "clears" && clears >= 0 ? x(clears) : x(n - 1)), openEnded: status !== "clears" };
    const ratio = run.series[`shortage.${r}`];
    const episodes = ratio ? runsWhere(n, (i) => isShort(ratio[i])).map((e) => runExtent(e, x)) : [];
    return { input: r, label: INPUT_NAME[r], y: TOP + k * ROW_H, color: INPUT_COLOR[r], bar, episodes, status: clearsAtText(run, r), baselineBar: baseline ? spanOf(baseline, r, x) : null };
  });
  const beyond = SHORTAGES.filter((r) => run.metrics[`shortageStatus.${r}`] === "beyond").map((r) => INPUT_NAME[r]);
  const clearing = SHORTAGES.filter((r) => run.metrics[`shortageStatus.${r}`] === "clears").map((r) => `${INPUT_NAME[r]} ${clearsAtText(run, r)}`);
  const none = SHORTAGES.filter((r) => run.metrics[`shortageStatus.${r}`] === "none").map((r) => INPUT_NAME[r]);
  const parts = [
    clearing.length ? `clears for ${joinAnd(clearing)}` : "",
    beyond.length ? `lasts beyond ${horizonYear(run)} for ${joinAnd(beyond)}` : "",
    none.length ? `never starts for ${joinAnd(none)}` : "",
  ].filter(Boolean);
  return {
    id: "shortage-horizon",
    title: "Shortage horizon",
    subtitle: "bar: first month short to the clearing month (6 months at or under supply); dark: months in shortage",
    description: `The shortage ${joinAnd(parts)}.`,
    width: W,
    wide: true,
    height: TOP + SHORTAGES.length * ROW_H + 24,
    monthCount: n,
    months: run.months,
    panel,
    rows,
    rowHeight: ROW_H,
    ...(baseline ? { baselineNote: "Dotted grey outline: the pinned baseline's shortage, first month short to clearing." } : {}),
    csvSeries: SHORTAGES.map((r) => `shortage.${r}`),
    indexAt: (px, py) => (px >= panel.x - 4 && px <= panel.x + panel.width + 4 && py <= panel.y + panel.height + 20 ? monthIndexAt(x, n, px) : null),
    crosshair: (i) => [{ x: round3(x(i)), y1: panel.y, y2: panel.y + panel.height }],
    readout: (i) => {
      const short = SHORTAGES.filter((r) => isShort(at(run, `shortage.${r}`, i)));
      return [
        { label: "Month", value: run.months[i] },
        { label: "Short (demand ÷ supply)", value: short.length ? short.map((r) => `${INPUT_NAME[r]} ${at(run, `shortage.${r}`, i).toFixed(2)}×`).join(", ") : "nothing" },
      ];
    },
    table: () => ({
      columns: ["Input", "First month short", "Clears"],
      rows: SHORTAGES.map((r) => [INPUT_NAME[r], firstShortText(run, r) ?? "—", clearsAtText(run, r)]),
    }),
  };
}

/** A run's shortage span for an input on the time axis (months matched by label), or null when it has none. */
function spanOf(run: Run, r: string, x: (i: number) => number): { x0: number; x1: number } | null {
  const first = firstShortText(run, r);
  if (!first) return null;
  const status = run.metrics[`shortageStatus.${r}`];
  const clears = run.metrics[`clearsAt.${r}`];
  const n = run.months.length;
  const i0 = run.months.indexOf(first);
  const i1 = status === "clears" && typeof clears === "string" && run.months.includes(clears) ? run.months.indexOf(clears) : n - 1;
  return i0 < 0 ? null : { x0: round3(x(i0)), x1: round3(x(i1)) };
}
