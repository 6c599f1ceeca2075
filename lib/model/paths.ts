import { monthIndex } from "./time";

/** Anchors of a path: [month label, value]. */
export type Anchors = [string, number][];

/** Fills `out` with a piecewise-linear (or step) path through the anchors, flat outside them. */
const parsed = new WeakMap<Anchors, (readonly [number, number])[]>();

export function fillPath(out: Float64Array, anchors: Anchors, step = false, scale = 1): Float64Array {
  let pts = parsed.get(anchors);
  if (!pts) {
    pts = anchors.map(([m, v]) => [monthIndex(m), v] as const);
    parsed.set(anchors, pts);
  }
  let k = 0;
  for (let t = 0; t < out.length; t++) {
    while (k + 1 < pts.length && pts[k + 1][0] <= t) k++;
    const [t0, v0] = pts[k];
    let v: number;
    if (t <= t0 || k + 1 >= pts.length) v = t < pts[0][0] ? pts[0][1] : v0;
    else {
      const [t1, v1] = pts[k + 1];
      v = step ? v0 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
    }
    out[t] = v * scale;
  }
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
