/**
 * A fixed-memory quantile sketch for many cells at once (one cell = one series in one month, or one metric).
 * The first `pilot` values of each cell are kept exactly; they set the cell's bins (linear, or logarithmic for
 * positive values spread over more than a factor of 4), and every later value only increments a bin count.
 * Quantiles read from it interpolate within a bin, so they are exact up to the pilot and within one bin width
 * (1/BINS of 1.5× the pilot's spread) after it; memory does not grow with the number of runs.
 */

/** Bins per cell after the pilot. */
export const BINS = 256;
/** Values per cell kept exactly before the bins are laid out. */
export const PILOT = 128;

/** Quantiles of many cells, accumulated run by run. */
export interface QuantileSketch {
  /** Number of cells. */
  readonly cells: number;
  /** Values added per cell so far. */
  readonly count: number;
  /** Adds one run: `values[c]` is cell c's value (non-finite values count as missing and are skipped). */
  add(values: ArrayLike<number>): void;
  /** Quantiles at `levels` (each in [0, 1]) of every cell: `out[c * levels.length + k]`; NaN where a cell has no value. */
  quantiles(levels: readonly number[]): Float64Array;
}

/** Makes an empty sketch for `cells` cells. */
export function createQuantileSketch(cells: number, pilot = PILOT, bins = BINS): QuantileSketch {
  const pilotValues = new Float64Array(cells * pilot);
  const pilotCount = new Int32Array(cells);
  const counts = new Uint32Array(cells * (bins + 2)); // [under, bins..., over]
  const lo = new Float64Array(cells), width = new Float64Array(cells);
  const isLog = new Uint8Array(cells);
  const laidOut = new Uint8Array(cells);
  const minSeen = new Float64Array(cells).fill(Infinity), maxSeen = new Float64Array(cells).fill(-Infinity);
  const total = new Int32Array(cells);
  let count = 0;

  const layOut = (c: number) => {
    const n = pilotCount[c];
    let mn = Infinity, mx = -Infinity;
    for (let i = 0; i < n; i++) { const v = pilotValues[c * pilot + i]; if (v < mn) mn = v; if (v > mx) mx = v; }
    const log = mn > 0 && mx / mn > 4;
    const a = log ? Math.log(mn) : mn, b = log ? Math.log(mx) : mx;
    const span = b - a;
    // A quarter of the pilot's spread beyond each end: the tails of later runs mostly fall inside the bins.
    const pad = span > 0 ? span * 0.25 : Math.max(Math.abs(a) * 1e-6, 1e-12);
    isLog[c] = log ? 1 : 0;
    lo[c] = a - pad;
    width[c] = (span + 2 * pad) / bins;
    laidOut[c] = 1;
    for (let i = 0; i < n; i++) binValue(c, pilotValues[c * pilot + i]);
  };
  const binValue = (c: number, v: number) => {
    const g = isLog[c] ? (v > 0 ? Math.log(v) : -Infinity) : v;
    const k = Math.floor((g - lo[c]) / width[c]);
    const slot = k < 0 ? 0 : k >= bins ? bins + 1 : k + 1;
    counts[c * (bins + 2) + slot]++;
  };

  const pilotQuantiles = (c: number, levels: readonly number[], out: Float64Array, at: number) => {
    const n = pilotCount[c];
    const sorted = pilotValues.slice(c * pilot, c * pilot + n).sort();
    for (let k = 0; k < levels.length; k++) out[at + k] = n ? sortedQuantile(sorted, levels[k]) : NaN;
  };
  const binnedQuantiles = (c: number, levels: readonly number[], out: Float64Array, at: number) => {
    const base = c * (bins + 2), n = total[c];
    const edge = (i: number) => {
      // Edge i of slot i (slot 0 = under: [min seen, lo]; slot bins+1 = over: [hi, max seen]).
      const g = lo[c] + (i - 1) * width[c];
      return isLog[c] ? Math.exp(g) : g;
    };
    for (let k = 0; k < levels.length; k++) {
      const target = levels[k] * n;
      let cum = 0, slot = 0;
      while (slot < bins + 1 && cum + counts[base + slot] < target) cum += counts[base + slot++];
      const inSlot = counts[base + slot];
      const x0 = slot === 0 ? minSeen[c] : edge(slot);
      const x1 = slot === bins + 1 ? maxSeen[c] : slot === 0 ? Math.min(edge(1), maxSeen[c]) : edge(slot + 1);
      const f = inSlot > 0 ? Math.min(1, Math.max(0, (target - cum) / inSlot)) : 0;
      const v = x0 + (x1 - x0) * f;
      out[at + k] = Math.min(maxSeen[c], Math.max(minSeen[c], v));
    }
  };

  return {
    cells,
    get count() { return count; },
    add(values) {
      count++;
      for (let c = 0; c < cells; c++) {
        const v = values[c];
        if (!Number.isFinite(v)) continue;
        total[c]++;
        if (v < minSeen[c]) minSeen[c] = v;
        if (v > maxSeen[c]) maxSeen[c] = v;
        if (!laidOut[c]) {
          pilotValues[c * pilot + pilotCount[c]++] = v;
          if (pilotCount[c] === pilot) layOut(c);
        } else binValue(c, v);
      }
    },
    quantiles(levels) {
      const out = new Float64Array(cells * levels.length);
      for (let c = 0; c < cells; c++) {
        if (laidOut[c]) binnedQuantiles(c, levels, out, c * levels.length);
        else pilotQuantiles(c, levels, out, c * levels.length);
      }
      return out;
    },
  };
}

/** The p-quantile of sorted values, interpolating linearly between order statistics (type 7, as R and NumPy by default). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (!n) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (sorted[i + 1] - sorted[i]) * (h - i) : sorted[n - 1];
}
