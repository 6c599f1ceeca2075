/** Small dense symmetric-matrix helpers for correlation matrices (row-major Float64Array, n × n). */

/**
 * Lower-triangular Cholesky factor L with A = L Lᵀ, or null when A is not (numerically) positive definite
 * (a pivot at or below `tolerance`).
 */
export function cholesky(a: Float64Array, n: number, tolerance = 1e-10): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > tolerance)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  return l;
}

/** Pearson correlation matrix of the columns of an rows × cols row-major matrix. */
export function correlationMatrix(x: Float64Array, rows: number, cols: number): Float64Array {
  const mean = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c] += x[r * cols + c];
  for (let c = 0; c < cols; c++) mean[c] /= rows;
  const cov = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < cols; i++) {
      const di = x[r * cols + i] - mean[i];
      for (let j = 0; j <= i; j++) cov[i * cols + j] += di * (x[r * cols + j] - mean[j]);
    }
  }
  const out = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j <= i; j++) {
      const v = cov[i * cols + j] / Math.sqrt(cov[i * cols + i] * cov[j * cols + j]);
      out[i * cols + j] = v;
      out[j * cols + i] = v;
    }
  }
  return out;
}
