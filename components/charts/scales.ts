import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from "d3-scale";

/** Standard width of a chart in a grid column and of a chart spanning the row (SVG units ≈ CSS px at 1280 wide). */
export const CHART_WIDTH = 460;
export const WIDE_WIDTH = 940;

/** Plot margins shared by every chart, so time axes line up across the page. */
export const MARGIN = { top: 12, right: 14, bottom: 24, left: 48 } as const;

/** A rectangle for one plot panel. */
export interface Panel {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The shared time axis: month index → x, with the month at the centre of its slot. */
export function timeScale(monthCount: number, x0: number, x1: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, Math.max(1, monthCount - 1)]).range([x0, x1]);
}

/** The month index nearest an x position, clamped to the horizon. */
export function monthIndexAt(x: ScaleLinear<number, number>, monthCount: number, px: number): number {
  return Math.max(0, Math.min(monthCount - 1, Math.round(x.invert(px))));
}

/**
 * Shaves a domain end by a billionth before `nice()` rounds it, so a value that sits exactly on a tick (a share
 * summing to 1, a price index starting at 1) rounds the same way on every engine: the server's Node and the
 * browser differ in the last bits of Math.exp, log and pow, and a one-ulp excess would otherwise add a tick
 * (and a mismatch between the server's page and the browser's).
 */
export const shaveDown = (v: number) => v * (1 - 1e-9);
export const shaveUp = (v: number) => v * (1 + 1e-9);

/** A linear y scale from zero to the largest finite value, with nice ticks. */
export function linearY(values: Iterable<number>, y0: number, y1: number): ScaleLinear<number, number> {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  return scaleLinear().domain([0, max > 0 ? shaveDown(max * 1.05) : 1]).range([y0, y1]).nice(4);
}

/** A log y scale over the positive finite values (at least one decade). */
export function logY(values: Iterable<number>, y0: number, y1: number, floor = 0): ScaleLogarithmic<number, number> {
  let min = Infinity, max = 0;
  for (const v of values) if (Number.isFinite(v) && v > floor && v > 0) { if (v < min) min = v; if (v > max) max = v; }
  if (!(max > 0)) { min = 1; max = 10; }
  if (max / min < 10) { const mid = Math.sqrt(min * max); min = mid / Math.sqrt(10); max = mid * Math.sqrt(10); }
  return scaleLog().domain([shaveUp(min), shaveDown(max)]).range([y0, y1]).nice();
}

/** Year ticks on the shared time axis: the index of each January. */
export function yearTicks(months: string[], every = 1): { index: number; label: string }[] {
  const out: { index: number; label: string }[] = [];
  months.forEach((m, i) => {
    if (m.endsWith("-01")) {
      const y = Number(m.slice(0, 4));
      if ((y - Number(months[0].slice(0, 4))) % every === 0) out.push({ index: i, label: m.slice(0, 4) });
    }
  });
  return out;
}

/** Rounds to 3 decimals (for SVG coordinates). */
export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A y-axis tick placed in SVG coordinates. */
export interface YTick {
  y: number;
  label: string;
}

/** Ticks of a y scale, formatted. */
export function yTicks(scale: { ticks(n?: number): number[]; (v: number): number | undefined }, format: (v: number) => string, count = 4): YTick[] {
  return scale.ticks(count).map((v) => ({ y: round3(scale(v) ?? 0), label: format(v) }));
}

/** Decade ticks of a log scale ("×1", "×10"…), at most six. */
export function logTicks(scale: ScaleLogarithmic<number, number>, format: (v: number) => string): YTick[] {
  const [a, b] = scale.domain();
  const out: YTick[] = [];
  const lo = Math.ceil(Math.log10(a) - 1e-9), hi = Math.floor(Math.log10(b) + 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / 6));
  for (let e = lo; e <= hi; e += step) out.push({ y: round3(scale(10 ** e)), label: format(10 ** e) });
  return out;
}

/** How a chart's y axis is drawn: linear, or logarithmic when values span decades. */
export type ScaleMode = "linear" | "log";

/** Ratio between the largest and the smallest positive finite value (1 when there are none). */
export function valueSpan(values: Iterable<number>): number {
  let min = Infinity, max = 0;
  for (const v of values) if (Number.isFinite(v) && v > 0) { if (v < min) min = v; if (v > max) max = v; }
  return max > 0 && min < Infinity ? max / min : 1;
}

/** Values spanning more than this ratio get a log/linear switch. */
export const LOG_SWITCH_SPAN = 10;

/** The y-axis choice a chart offers: whether the switch is shown (values span > 10×) and the mode in use. */
export interface ScaleChoice {
  offered: boolean;
  mode: ScaleMode;
  /** Ratio of largest to smallest positive value plotted. */
  span: number;
}

/** Decides a chart's y-axis mode from its values: the switch appears only past a 10× span; `wanted` overrides the default. */
export function chooseScale(values: number[], fallback: ScaleMode, wanted?: ScaleMode): ScaleChoice {
  const span = valueSpan(values);
  const offered = span > LOG_SWITCH_SPAN;
  return { offered, span, mode: offered ? wanted ?? fallback : "linear" };
}

/** A y scale and its ticks in the chosen mode (log: decades over the positive values; linear: from zero). */
export function yScaleOf(values: number[], mode: ScaleMode, y0: number, y1: number, format: (v: number) => string, count = 4): { scale: (v: number) => number; ticks: YTick[]; keep: (v: number) => boolean } {
  if (mode === "log") {
    const s = logY(values, y0, y1);
    return { scale: (v) => s(v), ticks: logTicks(s, format), keep: (v) => v > 0 };
  }
  const s = linearY(values, y0, y1);
  return { scale: (v) => s(v), ticks: yTicks(s, format, count), keep: () => true };
}
