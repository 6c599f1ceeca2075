import { cholesky, correlationMatrix } from "./matrix";
import { normalQuantile } from "./normal";
import type { UniformStream } from "./prng";

/**
 * Iman–Conover (1982): reorders the values of each column of `columns` (rows values each) so that their rank
 * correlations approach the target, without changing any column's set of values (so each keeps its marginal
 * distribution and its Latin-hypercube strata). `targetFactor` is the lower Cholesky factor of the target
 * correlation of normal scores. The score permutations come from `stream`, so the result is a function of the
 * inputs and the stream's keys only. Returns new arrays.
 */
export function imanConover(columns: Float64Array[], rows: number, targetFactor: Float64Array, stream: UniformStream): Float64Array[] {
  const k = columns.length;
  if (k < 2 || rows < 3) return columns.map((c) => c.slice());
  // van der Waerden scores, one random permutation of them per column.
  const scores = new Float64Array(rows);
  for (let r = 0; r < rows; r++) scores[r] = normalQuantile((r + 1) / (rows + 1));
  const m = new Float64Array(rows * k);
  const perm = new Int32Array(rows);
  for (let c = 0; c < k; c++) {
    for (let r = 0; r < rows; r++) perm[r] = r;
    shuffle(perm, stream);
    for (let r = 0; r < rows; r++) m[r * k + c] = scores[perm[r]];
  }
  // T = M (F⁻¹)ᵀ Pᵀ, with E = F Fᵀ the scores' own correlation and P the target factor: T's correlation is the target.
  const f = cholesky(correlationMatrix(m, rows, k), k);
  if (!f) return columns.map((c) => c.slice()); // degenerate scores (cannot happen for rows ≥ k + 1 distinct permutations in practice)
  const t = new Float64Array(rows * k);
  const y = new Float64Array(k);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < k; i++) {
      let s = m[r * k + i];
      for (let j = 0; j < i; j++) s -= f[i * k + j] * y[j];
      y[i] = s / f[i * k + i];
    }
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += targetFactor[i * k + j] * y[j];
      t[r * k + i] = s;
    }
  }
  // Give each column's sorted values the rank order of T's column.
  const out: Float64Array[] = [];
  const order = new Int32Array(rows);
  for (let c = 0; c < k; c++) {
    const sorted = columns[c].slice().sort();
    for (let r = 0; r < rows; r++) order[r] = r;
    const tc = (r: number) => t[r * k + c];
    const ord = Array.from(order).sort((a, b) => tc(a) - tc(b) || a - b);
    const col = new Float64Array(rows);
    for (let rank = 0; rank < rows; rank++) col[ord[rank]] = sorted[rank];
    out.push(col);
  }
  return out;
}

/** Fisher–Yates shuffle in place. */
export function shuffle(a: Int32Array, stream: UniformStream): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
}
