import correlationsJson from "../../../data/correlations.json";
import { PARAM_BY_ID } from "../catalog";
import { cholesky } from "./matrix";

/** One declared rank correlation between two parameters, with its reasoning (data/correlations.json). */
export interface CorrelationPair {
  a: string;
  b: string;
  /** Spearman rank correlation, in (−1, 1). */
  rankCorrelation: number;
  reasoning: string;
}

/** The correlated parameters and their target matrices, ready for Iman–Conover. */
export interface CorrelationTarget {
  /** Parameter ids taking part in some correlation, in catalog order. */
  ids: string[];
  /** Target rank correlations (ids × ids, row-major). */
  rank: Float64Array;
  /** Lower Cholesky factor of the matching normal-score correlations, 2 sin(π ρ / 6). */
  scoreFactor: Float64Array;
}

/** Every declared pair. */
export const CORRELATION_PAIRS: readonly CorrelationPair[] = correlationsJson.pairs as CorrelationPair[];

/**
 * Problems with a set of pairs: unknown or repeated ids, a parameter paired with itself, a coefficient outside
 * (−1, 1), a parameter whose band has no width, or a matrix that is not positive definite. Empty when valid.
 */
export function correlationProblems(pairs: readonly CorrelationPair[], paramIds: ReadonlyMap<string, { low: number; high: number }> = PARAM_BY_ID): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    for (const id of [p.a, p.b]) {
      const spec = paramIds.get(id);
      if (!spec) problems.push(`unknown parameter "${id}"`);
      else if (!(spec.high > spec.low)) problems.push(`${id} has a band of zero width and cannot be correlated`);
    }
    if (p.a === p.b) problems.push(`${p.a} is paired with itself`);
    const key = [p.a, p.b].sort().join("|");
    if (seen.has(key)) problems.push(`pair ${p.a}–${p.b} is declared twice`);
    seen.add(key);
    if (!(typeof p.rankCorrelation === "number" && p.rankCorrelation > -1 && p.rankCorrelation < 1)) problems.push(`${p.a}–${p.b}: rank correlation must be in (−1, 1), got ${p.rankCorrelation}`);
    if (!p.reasoning || !p.reasoning.trim()) problems.push(`${p.a}–${p.b}: no reasoning given`);
  }
  if (problems.length) return problems;
  const t = buildMatrices(pairs, [...paramIds.keys()]);
  if (!cholesky(t.rank, t.ids.length)) problems.push("the rank-correlation matrix is not positive definite");
  else if (!t.scoreFactor.length && t.ids.length) problems.push("the normal-score correlation matrix is not positive definite");
  return problems;
}

function buildMatrices(pairs: readonly CorrelationPair[], order: string[]): CorrelationTarget {
  const involved = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const ids = order.filter((id) => involved.has(id));
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const rank = new Float64Array(n * n);
  const score = new Float64Array(n * n);
  for (let i = 0; i < n; i++) rank[i * n + i] = score[i * n + i] = 1;
  for (const p of pairs) {
    const i = index.get(p.a)!, j = index.get(p.b)!;
    rank[i * n + j] = rank[j * n + i] = p.rankCorrelation;
    // Normal scores with Pearson correlation r have Spearman correlation (6/π) asin(r/2); invert it.
    score[i * n + j] = score[j * n + i] = 2 * Math.sin((Math.PI * p.rankCorrelation) / 6);
  }
  return { ids, rank, scoreFactor: cholesky(score, n) ?? new Float64Array(0) };
}

/** The validated correlation target of a set of pairs; throws with every problem listed. */
export function correlationTarget(pairs: readonly CorrelationPair[] = CORRELATION_PAIRS): CorrelationTarget {
  const problems = correlationProblems(pairs);
  if (problems.length) throw new Error(`data/correlations.json: ${problems.join("; ")}`);
  return buildMatrices(pairs, [...PARAM_BY_ID.keys()]);
}
