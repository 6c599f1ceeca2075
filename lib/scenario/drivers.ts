import { monthIndex } from "../model";

/**
 * What a claim moves with across seeded draws (docs/model.md §17): Spearman's rank correlation between each drawn
 * assumption and the claim's measured value, the assumptions beyond noise named.
 */

/** An assumption a claim's measured value moves with across the draws. */
export interface ClaimDriver {
  /** Parameter id. */
  id: string;
  /** Spearman rank correlation between the parameter's drawn value and the claim's measured value, in [−1, 1]. */
  rho: number;
}

/** Drivers reported per claim, at most. */
export const MAX_DRIVERS = 3;

/** The |ρ| a driver must exceed over n draws: three standard errors of a ρ of zero, 3 / √(n − 1). */
export const noiseFloor = (n: number): number => 3 / Math.sqrt(n - 1);

/**
 * A measured value as a number to rank: a month as its index, a value the run could not give (a ratio from zero, a
 * shortage that never clears) after every other, as one tie.
 */
export function rankable(v: number | string | null): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : Infinity;
  if (typeof v === "string" && /^\d{4}-\d{2}$/.test(v)) return monthIndex(v);
  return Infinity;
}

/** Ranks 1 … n of the values, ties given their average rank (Infinity is a value like any other). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && !(values[order[j + 1]] > values[order[i]])) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Pearson correlation of two rank vectors (Spearman's ρ); 0 when either does not vary. */
export function rankCorrelation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma, db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * The assumptions a claim's measured value moves with most: Spearman's ρ between each drawn assumption and the
 * value over the draws, the others drawn too (a global measure, unlike the tornado's one-at-a-time swings). Only
 * those whose |ρ| exceeds three standard errors of a ρ of zero (3 / √(n − 1)) are named, at most MAX_DRIVERS, the
 * largest |ρ| first, so a small sample does not name noise.
 */
export function claimDrivers(ids: readonly string[], paramRanks: readonly Float64Array[], valueRanks: Float64Array): ClaimDriver[] {
  const n = valueRanks.length;
  if (n < 3) return [];
  const floor = noiseFloor(n);
  return ids
    .map((id, j) => ({ id, rho: rankCorrelation(paramRanks[j], valueRanks) }))
    .filter((d) => Math.abs(d.rho) > floor)
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_DRIVERS);
}
