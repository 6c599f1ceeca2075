import type { ScaleLinear } from "d3-scale";
import { linePath } from "./paths";
import { round3 } from "./scales";

/** A monthly series to draw as a line in one panel. */
export interface SeriesInput {
  key: string;
  label: string;
  values: ArrayLike<number>;
  color: string;
  dash?: string;
  width?: number;
  /** First month drawn. */
  from?: number;
  /** Values kept (others break the line), e.g. positive ones on a log scale. */
  keep?: (v: number) => boolean;
  /**
   * Whether the line gets an end label (default true). An unlabelled line is background: it takes no room in the
   * label column and is neither shifted apart from the lines it coincides with nor shifts them.
   */
  labelled?: boolean;
}

/** A line ready to draw: path, style, a vertical offset when it would hide under another, and its end label. */
export interface PlacedLine {
  key: string;
  d: string;
  color: string;
  dash?: string;
  width: number;
  /** Vertical offset in SVG units (non-zero when the line coincides with one drawn before it). */
  dy: number;
  /** The key of the earlier line it coincides with, if any. */
  sameAs?: string;
  /** A direct label at the line's right end, or null when the line draws nothing. */
  label: { x: number; y: number; text: string } | null;
}

/** Two lines count as coinciding when, over the months both draw, at least 80% lie within this many SVG units. */
const COINCIDE_PX = 1.5;
/** Shift given to each further line that coincides with one already drawn. */
const OFFSET_PX = 2.5;
/** Least vertical gap between two end labels. */
const LABEL_GAP = 10;

/** Screen y of each month (NaN where the line draws nothing). */
function screenYs(s: SeriesInput, y: (v: number) => number): Float64Array {
  const out = new Float64Array(s.values.length).fill(NaN);
  for (let i = s.from ?? 0; i < s.values.length; i++) {
    const v = s.values[i];
    if (Number.isFinite(v) && (s.keep ? s.keep(v) : true)) { const p = y(v); if (Number.isFinite(p)) out[i] = p; }
  }
  return out;
}

/** Whether two lines lie on top of each other on screen for most of the months both draw. */
export function coincide(a: Float64Array, b: Float64Array): boolean {
  let both = 0, close = 0;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) { both++; if (Math.abs(a[i] - b[i]) <= COINCIDE_PX) close++; }
  return both >= 3 && close / both >= 0.8;
}

/**
 * Places a panel's lines: a line that would hide under an earlier one is shifted by a few units and its label
 * says which it matches ("Enterprise = On-demand API"); each line gets a label at its right end, spread
 * vertically so labels do not overlap and kept inside [top, bottom].
 */
export function placeLines(series: SeriesInput[], x: ScaleLinear<number, number>, y: (v: number) => number, top: number, bottom: number, labels = true): PlacedLine[] {
  const ys = series.map((s) => screenYs(s, y));
  const labelled = series.map((s) => s.labelled !== false);
  const placed: PlacedLine[] = series.map((s, k) => {
    let dy = 0, sameAs: string | undefined;
    if (labelled[k]) for (let j = 0; j < k; j++) if (labelled[j] && coincide(ys[k], ys[j])) { sameAs ??= series[j].key; dy += OFFSET_PX; }
    const d = linePath(s.values, x, y, s.keep ?? (() => true), s.from ?? 0);
    let last = -1;
    for (let i = ys[k].length - 1; i >= 0; i--) if (Number.isFinite(ys[k][i])) { last = i; break; }
    const twin = sameAs ? series.find((q) => q.key === sameAs)?.label : undefined;
    const text = twin ? `${s.label} = ${twin}` : s.label;
    return { key: s.key, d, color: s.color, dash: s.dash, width: s.width ?? 1.8, dy, ...(sameAs ? { sameAs } : {}), label: labels && labelled[k] && last >= 0 && d ? { x: round3(x(last)), y: round3(ys[k][last] + dy), text } : null };
  });
  spreadLabels(placed.map((p) => p.label).filter((l): l is NonNullable<PlacedLine["label"]> => l !== null), top, bottom);
  return placed;
}

/** Moves labels apart vertically (in place) so that neighbours are at least LABEL_GAP apart, inside [top, bottom]. */
export function spreadLabels(labels: { y: number }[], top: number, bottom: number): void {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    const min = i === 0 ? top + 8 : sorted[i - 1].y + LABEL_GAP;
    if (sorted[i].y < min) sorted[i].y = min;
  }
  // Pushed past the bottom: shift the tail back up, keeping the gaps.
  for (let i = sorted.length - 1; i >= 0; i--) {
    const max = i === sorted.length - 1 ? bottom - 2 : sorted[i + 1].y - LABEL_GAP;
    if (sorted[i].y > max) sorted[i].y = max;
  }
  for (const l of sorted) l.y = round3(l.y);
}
