/** Small numeric helpers shared by the stages. */
import { listOf } from "../scratch";

/** Ratios are reported up to this cap so a month with ~zero supply stays finite. */
export const RATIO_CAP = 50;
/** Below this a quantity counts as zero. */
export const EPS = 1e-9;

/** demand / supply, 0 when nothing is wanted, capped. */
export const ratio = (demand: number, supply: number) => (demand <= EPS ? 0 : supply <= EPS ? RATIO_CAP : Math.min(demand / supply, RATIO_CAP));

/**
 * Allocates `supply` among two datacenter requests (served first, pro rata) and a consumer request
 * that keeps a contract floor. Writes [consumer, dc1, dc2] into `out`; what is left over is
 * supply − out[0] − out[1] − out[2] (never negative). Returns the supply the datacenter requests shared: what
 * the consumer floor left.
 */
export function allocate(supply: number, consumer: number, floorShare: number, dc1: number, dc2: number, out: Float64Array): number {
  const floor = Math.min(consumer * floorShare, supply);
  const pool = supply - floor;
  let rest = pool;
  const dcTotal = dc1 + dc2;
  const f = dcTotal <= rest || dcTotal <= EPS ? 1 : rest / dcTotal;
  out[1] = dc1 * f;
  out[2] = dc2 * f;
  rest -= Math.min(dcTotal, rest);
  out[0] = floor + Math.min(consumer - floor, Math.max(rest, 0));
  return pool;
}

/**
 * x^a, for x > 0 as exp(a · ln x): equal to Math.pow to a few units in the last place and about 2.5× faster in
 * V8 (the stages raise prices and ratios to elasticities every month); Math.pow for x ≤ 0.
 */
export const pow = (x: number, a: number) => (x > 0 ? Math.exp(a * Math.log(x)) : Math.pow(x, a));

/** A price index moving `speed` of the way toward `target` (one month of contract resets). */
export const approach = (prev: number, target: number, speed: number) => prev + (target - prev) * speed;

/** The series of `ids`, in order, as a run's list (`listOf`, one hidden class in every run). */
export const seriesOf = (s: Record<string, Float64Array>, ids: readonly string[]): Float64Array[] => listOf(ids.length, (i) => s[ids[i]]);
