import { area, line } from "d3-shape";
import type { ScaleLinear } from "d3-scale";
import { round3 } from "./scales";

type Y = (v: number) => number | undefined;

/** An SVG path of a monthly series from month `from` on; non-finite values (and those the filter drops) break the line. */
export function linePath(values: ArrayLike<number>, x: ScaleLinear<number, number>, y: Y, keep: (v: number, i: number) => boolean = () => true, from = 0): string {
  const idx: number[] = [];
  for (let i = from; i < values.length; i++) idx.push(i);
  const gen = line<number>()
    .defined((i) => Number.isFinite(values[i]) && keep(values[i], i) && Number.isFinite(y(values[i]) ?? NaN))
    .x((i) => round3(x(i)))
    .y((i) => round3(y(values[i]) ?? 0));
  return gen(idx) ?? "";
}

/** An SVG path of a band between two monthly series (for stacked areas). */
export function bandPath(lower: ArrayLike<number>, upper: ArrayLike<number>, x: ScaleLinear<number, number>, y: Y): string {
  const idx = Array.from({ length: upper.length }, (_, i) => i);
  const gen = area<number>()
    .defined((i) => Number.isFinite(lower[i]) && Number.isFinite(upper[i]))
    .x((i) => round3(x(i)))
    .y0((i) => round3(y(lower[i]) ?? 0))
    .y1((i) => round3(y(upper[i]) ?? 0));
  return gen(idx) ?? "";
}

/** Runs of consecutive months where a predicate holds, as [first, last] index pairs. */
export function runsWhere(n: number, pred: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (pred(i)) { if (start < 0) start = i; }
    else if (start >= 0) { out.push([start, i - 1]); start = -1; }
  }
  if (start >= 0) out.push([start, n - 1]);
  return out;
}

/** The x extent of a month run, half a slot either side, clamped to the time axis. */
export function runExtent(run: [number, number], x: ScaleLinear<number, number>): { x0: number; x1: number } {
  const [r0, r1] = x.range();
  const half = (x(1) - x(0)) / 2;
  return { x0: round3(Math.max(r0, x(run[0]) - half)), x1: round3(Math.min(r1, x(run[1]) + half)) };
}
