import type { DistributionKind, ParamSpec } from "../catalog";
import { normalCdf, normalQuantile } from "./normal";

/** The 95th percentile of the standard normal: lognormal bands put low and high at ∓ this many σ. */
export const Z95 = 1.6448536269514722;

/** A parameter's sampling distribution, resolved to numbers: its inverse CDF and CDF. */
export interface ParamDistribution {
  id: string;
  kind: DistributionKind;
  /** The value at cumulative probability u in (0, 1). */
  quantile(u: number): number;
  /** The cumulative probability of x. */
  cdf(x: number): number;
  /** Whether the band has any width (a zero-width band always gives its one value). */
  varies: boolean;
}

/** Uniform on [lo, hi]. */
function uniform(id: string, lo: number, hi: number): ParamDistribution {
  const w = hi - lo;
  return {
    id,
    kind: "uniform",
    varies: w > 0,
    quantile: (u) => (w > 0 ? lo + u * w : lo),
    cdf: (x) => (w > 0 ? Math.min(1, Math.max(0, (x - lo) / w)) : x >= lo ? 1 : 0),
  };
}

/** Triangular on [lo, hi] with its mode at `mode`. */
function triangular(id: string, lo: number, mode: number, hi: number): ParamDistribution {
  const w = hi - lo;
  if (!(w > 0)) return { ...uniform(id, lo, lo), kind: "triangular" };
  const fc = (mode - lo) / w;
  return {
    id,
    kind: "triangular",
    varies: true,
    quantile: (u) => (u < fc ? lo + Math.sqrt(u * w * (mode - lo)) : hi - Math.sqrt((1 - u) * w * (hi - mode))),
    cdf: (x) => {
      if (x <= lo) return 0;
      if (x >= hi) return 1;
      return x <= mode ? ((x - lo) * (x - lo)) / (w * (mode - lo)) : 1 - ((hi - x) * (hi - x)) / (w * (hi - mode));
    },
  };
}

/**
 * Lognormal with its 5th percentile at lo and 95th at hi, truncated to [min, max] (the catalog's allowed range),
 * so that a draw is always a value the model accepts. Sampled by inverse CDF on the truncated range of u.
 */
function lognormal(id: string, lo: number, hi: number, min: number, max: number): ParamDistribution {
  const mu = (Math.log(lo) + Math.log(hi)) / 2;
  const sigma = (Math.log(hi) - Math.log(lo)) / (2 * Z95);
  const rawCdf = (x: number) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma));
  const fMin = rawCdf(min);
  const fMax = rawCdf(max);
  const span = fMax - fMin;
  return {
    id,
    kind: "lognormal",
    varies: true,
    quantile: (u) => Math.min(max, Math.max(min, Math.exp(mu + sigma * normalQuantile(fMin + u * span)))),
    cdf: (x) => (x <= min ? 0 : x >= max ? 1 : (rawCdf(x) - fMin) / span),
  };
}

/** The sampling distribution a catalog parameter declares, over its low–high band. */
export function paramDistribution(p: ParamSpec): ParamDistribution {
  switch (p.distribution) {
    case "uniform":
      return uniform(p.id, p.low, p.high);
    case "triangular":
      return triangular(p.id, p.low, p.default, p.high);
    case "lognormal":
      return lognormal(p.id, p.low, p.high, p.min, p.max);
    default:
      throw new Error(`parameter ${p.id}: unknown distribution "${String(p.distribution)}"`);
  }
}
