import { area, line } from "d3-shape";
import type { ScaleLinear } from "d3-scale";
import { seriesBands, type FanResult } from "@/lib/model/mc/merge";
import { round3 } from "./scales";

type Y = (v: number) => number | undefined;

/** The marks of one series' uncertainty fan: the p5–p95 and p10–p90 bands and the median line, as SVG paths. */
export interface FanMarks {
  key: string;
  color: string;
  /** p5–p95. */
  outer: string;
  /** p10–p90. */
  inner: string;
  /** p50. */
  median: string;
}

/** A band between two monthly series from month `from` on, where both ends pass `keep` and the scale maps them. */
export function fanBandPath(lower: ArrayLike<number>, upper: ArrayLike<number>, x: ScaleLinear<number, number>, y: Y, keep: (v: number) => boolean = () => true, from = 0): string {
  const ok = (v: number) => Number.isFinite(v) && keep(v) && Number.isFinite(y(v) ?? NaN);
  const idx: number[] = [];
  for (let i = from; i < upper.length; i++) idx.push(i);
  const gen = area<number>()
    .defined((i) => ok(lower[i]) && ok(upper[i]))
    .x((i) => round3(x(i)))
    .y0((i) => round3(y(lower[i]) ?? 0))
    .y1((i) => round3(y(upper[i]) ?? 0));
  return gen(idx) ?? "";
}

function medianPath(values: ArrayLike<number>, x: ScaleLinear<number, number>, y: Y, keep: (v: number) => boolean, from: number): string {
  const idx: number[] = [];
  for (let i = from; i < values.length; i++) idx.push(i);
  const gen = line<number>()
    .defined((i) => Number.isFinite(values[i]) && keep(values[i]) && Number.isFinite(y(values[i]) ?? NaN))
    .x((i) => round3(x(i)))
    .y((i) => round3(y(values[i]) ?? 0));
  return gen(idx) ?? "";
}

/** The fan of series `id` on a chart's scales; null when there is no result or the series was not sampled. */
export function fanMarks(fan: FanResult | null | undefined, id: string, x: ScaleLinear<number, number>, y: Y, color: string, keep: (v: number) => boolean = () => true, from = 0, key = id): FanMarks | null {
  if (!fan) return null;
  const b = seriesBands(fan, id);
  if (!b) return null;
  return { key, color, outer: fanBandPath(b.p5, b.p95, x, y, keep, from), inner: fanBandPath(b.p10, b.p90, x, y, keep, from), median: medianPath(b.p50, x, y, keep, from) };
}

/** The p5 and p95 values of some series (for a y scale that must hold the whole fan), appended to `out`; empty without a result. */
export function fanExtent(fan: FanResult | null | undefined, ids: readonly string[], from: (id: string) => number = () => 0, out: number[] = []): number[] {
  if (!fan) return out;
  for (const id of ids) {
    const b = seriesBands(fan, id);
    if (!b) continue;
    for (let t = from(id); t < b.p5.length; t++) out.push(b.p5[t], b.p95[t]);
  }
  return out;
}

/** The note under a chart with fans: what the bands are, over how many runs and which seed. */
export function fanNote(fan: FanResult | null | undefined): string | undefined {
  if (!fan) return undefined;
  const fmtInt = (v: number) => v.toLocaleString("en-US");
  const of = fan.done ? `${fmtInt(fan.runs)} runs` : `${fmtInt(fan.runs)} of ${fmtInt(fan.total)} runs so far`;
  return `Bands: p5–p95 (light) and p10–p90 (darker), thin line the median, over ${of} (seed ${fan.seed}); parameters you have not set are drawn over their low–high ranges.`;
}
