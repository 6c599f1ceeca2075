import { GPUS, PARAM_BY_ID, SHORTAGES, type Run } from "@/lib/model";
import { metricNumber } from "@/lib/model/mc/metricValue";
import { rankTornado, type TornadoBar } from "@/lib/model/mc/tornado";
import type { TornadoSwing } from "@/lib/model/mc/types";
import { fmtMultiple, fmtUsd } from "../format";
import { fmtParam } from "../controls/paramFormat";
import { INPUT_NAME } from "./common";
import { OKABE_ITO } from "../palette";
import { PRICED } from "./pricesState";
import { round3, WIDE_WIDTH } from "./scales";
import type { ChartBase } from "./types";

/** A metric the tornado can rank parameters by. */
export interface TornadoMetric {
  id: string;
  label: string;
  /** The unit of a swing's length, e.g. "months". */
  unit: string;
}

const YEARS = [2026, 2027, 2028, 2030];

/** Every metric the tornado offers: clearing months, peak prices, H100 revenue per GPU-hour in a year. */
export const TORNADO_METRICS: readonly TornadoMetric[] = [
  ...SHORTAGES.map((r) => ({ id: `clearsAt.${r}`, label: `${INPUT_NAME[r]}: clearing month`, unit: "months" })),
  ...PRICED.map((r) => ({ id: `peakPrice.${r}`, label: `${INPUT_NAME[r]}: peak price`, unit: "× 2024-01" })),
  ...YEARS.map((y) => ({ id: `revenuePerGpuHour.${GPUS.find((g) => g.id === "h100") ? "h100" : GPUS[0].id}.${y}`, label: `Revenue per H100-hour, ${y} mean`, unit: "USD / GPU-hour" })),
];

/** The tornado's default metric. */
export const DEFAULT_TORNADO_METRIC = "clearsAt.gpu";

/** Most bars drawn. */
export const TORNADO_BARS = 12;

/** One drawn bar: the swing, the label, the two segments either side of the scenario's value. */
export interface TornadoRow extends TornadoBar {
  label: string;
  y: number;
  lowSeg: { x0: number; x1: number };
  highSeg: { x0: number; x1: number };
  /** Says what the swing does, for the bar's accessible name and the table. */
  text: string;
}

/** State of the sensitivity tornado. */
export interface TornadoState extends ChartBase {
  metric: TornadoMetric;
  rows: TornadoRow[];
  centerX: number;
  baseText: string;
  lowColor: string;
  highColor: string;
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** The metric's values at the ends of the axis, placed under the bars. */
  ends: { x: number; text: string; anchor: "start" | "end" }[];
}

/** A metric's value as text: a month for clearing metrics (or "beyond the horizon"), otherwise in its unit. */
export function tornadoValueText(run: Run, metric: TornadoMetric, v: number): string {
  if (!Number.isFinite(v)) return "—";
  if (metric.id.startsWith("clearsAt.")) {
    const i = Math.round(v);
    return i >= run.months.length ? `beyond ${run.months[run.months.length - 1].slice(0, 4)}` : i <= 0 ? "no shortage" : run.months[i];
  }
  return metric.unit.startsWith("USD") ? fmtUsd(v) : fmtMultiple(v);
}

function effectText(metric: TornadoMetric, effect: number): string {
  if (metric.id.startsWith("clearsAt.")) return `${Math.round(effect)} month${Math.round(effect) === 1 ? "" : "s"}`;
  return metric.unit.startsWith("USD") ? `${fmtUsd(effect)} per GPU-hour` : `${effect.toFixed(2)}× the 2024-01 price`;
}

const ROW_H = 22, TOP = 26, LABEL_W = 300;

/**
 * The tornado of one metric: each parameter swung over its low–high range with the others at the scenario's
 * values, largest effect first; null swings (none computed yet) give an empty chart that says so.
 */
export function tornadoState(run: Run, metricId: string, swings: readonly TornadoSwing[] | null): TornadoState {
  const metric = TORNADO_METRICS.find((m) => m.id === metricId) ?? TORNADO_METRICS[0];
  const base = metricNumber(run, metric.id);
  const ranked = swings ? rankTornado(swings).slice(0, TORNADO_BARS) : [];
  const x0 = LABEL_W, x1 = WIDE_WIDTH - 20;
  let lo = base, hi = base;
  for (const b of ranked) { lo = Math.min(lo, b.atLow, b.atHigh); hi = Math.max(hi, b.atLow, b.atHigh); }
  const span = hi - lo || 1;
  const x = (v: number) => round3(x0 + ((v - lo) / span) * (x1 - x0));
  const cx = x(Number.isFinite(base) ? base : lo);
  const seg = (v: number) => ({ x0: Math.min(cx, x(v)), x1: Math.max(cx, x(v)) });
  const rows: TornadoRow[] = ranked.map((b, k) => {
    const spec = PARAM_BY_ID.get(b.param);
    const label = spec?.label ?? b.param;
    const lowV = spec ? fmtParam(b.low, spec) : String(b.low), highV = spec ? fmtParam(b.high, spec) : String(b.high);
    return {
      ...b,
      label,
      y: TOP + k * ROW_H,
      lowSeg: seg(b.atLow),
      highSeg: seg(b.atHigh),
      text: `${label}: at ${lowV}, ${tornadoValueText(run, metric, b.atLow)}; at ${highV}, ${tornadoValueText(run, metric, b.atHigh)} (a swing of ${effectText(metric, b.effect)})`,
    };
  });
  const baseText = tornadoValueText(run, metric, base);
  const description = !swings
    ? `Computing how each parameter moves “${metric.label}”.`
    : rows.length
      ? `${metric.label} is ${baseText} in this scenario; “${rows[0].label}” moves it most (${effectText(metric, rows[0].effect)} over its range)${rows[1] ? `, then “${rows[1].label}”` : ""}.`
      : `No parameter moves “${metric.label}” over its range in this scenario.`;
  return {
    id: "tornado",
    title: "Sensitivity: what moves the metric most",
    subtitle: `${metric.label} (${metric.unit}); each parameter from its low to its high, the others at this scenario's values`,
    description,
    width: WIDE_WIDTH,
    height: TOP + Math.max(1, rows.length) * ROW_H + 22,
    wide: true,
    monthCount: 0,
    metric,
    rows,
    centerX: cx,
    baseText,
    lowColor: OKABE_ITO.skyBlue,
    highColor: OKABE_ITO.vermillion,
    plot: { x0, x1, y0: TOP - 6, y1: TOP + Math.max(1, rows.length) * ROW_H },
    ends: rows.length && hi > lo ? [{ x: x0, text: tornadoValueText(run, metric, lo), anchor: "start" }, { x: x1, text: tornadoValueText(run, metric, hi), anchor: "end" }] : [],
    indexAt: () => null,
    crosshair: () => [],
    readout: () => [],
    table: () => ({
      columns: ["Parameter", "Low", `${metric.label} at low`, "High", `${metric.label} at high`, `Swing (${metric.unit})`],
      rows: rows.map((r) => {
        const spec = PARAM_BY_ID.get(r.param);
        return [r.label, spec ? fmtParam(r.low, spec) : String(r.low), tornadoValueText(run, metric, r.atLow), spec ? fmtParam(r.high, spec) : String(r.high), tornadoValueText(run, metric, r.atHigh), effectText(metric, r.effect)];
      }),
    }),
  };
}
