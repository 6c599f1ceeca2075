import { monthIndex } from "./time";

/** Anchors of a path: [month label, value]. */
export type Anchors = [string, number][];

const filled = new WeakMap<Anchors, Map<string, Float64Array>>();

/** Fills `out` with a piecewise-linear (or step) path through the anchors, flat outside them, times `scale`. */
export function fillPath(out: Float64Array, anchors: Anchors, step = false, scale = 1): Float64Array {
  // The unscaled path depends only on the anchors, the length and the step flag: computed once.
  let byShape = filled.get(anchors);
  if (!byShape) filled.set(anchors, (byShape = new Map()));
  const key = `${out.length}:${step}`;
  let base = byShape.get(key);
  if (!base) {
    base = new Float64Array(out.length);
    const ts = anchors.map((a) => monthIndex(a[0]));
    const vs = anchors.map((a) => a[1]);
    let k = 0;
    for (let t = 0; t < base.length; t++) {
      while (k + 1 < ts.length && ts[k + 1] <= t) k++;
      if (t < ts[0]) base[t] = vs[0];
      else if (k + 1 >= ts.length || t <= ts[k]) base[t] = vs[k];
      else base[t] = step ? vs[k] : vs[k] + ((vs[k + 1] - vs[k]) * (t - ts[k])) / (ts[k + 1] - ts[k]);
    }
    byShape.set(key, base);
  }
  for (let t = 0; t < out.length; t++) out[t] = base[t] * scale;
  return out;
}

/**
 * Fills `out` with `from` until t = `startIndex`, then a line to `to` at t = `endIndex`, flat after
 * (`startIndex` < `endIndex`; 0 starts the line at once).
 */
export function fillRamp(out: Float64Array, from: number, to: number, endIndex: number, startIndex = 0): Float64Array {
  const span = endIndex - startIndex;
  for (let t = 0; t < out.length; t++) out[t] = t >= endIndex ? to : t <= startIndex ? from : from + ((to - from) * (t - startIndex)) / span;
  return out;
}

/**
 * Logistic adoption curve through `start` at t = 0, with initial growth `growthPerYear` (× per
 * year while far from saturation) and ceiling `saturation`.
 */
export function logistic(t: number, start: number, growthPerYear: number, saturation: number): number {
  if (start <= 0) return 0;
  if (saturation <= start) return saturation;
  const r = Math.log(Math.max(growthPerYear, 1)) / 12;
  return saturation / (1 + (saturation / start - 1) * Math.exp(-r * t));
}

/** Fills `out` with the logistic curve of `logistic`, month by month (one exp for the whole path). */
export function fillLogistic(out: Float64Array, start: number, growthPerYear: number, saturation: number): Float64Array {
  if (start <= 0 || saturation <= start) return out.fill(start <= 0 ? 0 : saturation);
  const step = Math.exp(-Math.log(Math.max(growthPerYear, 1)) / 12);
  const k = saturation / start - 1;
  let e = 1;
  for (let t = 0; t < out.length; t++, e *= step) out[t] = saturation / (1 + k * e);
  return out;
}
