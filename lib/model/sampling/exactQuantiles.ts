import { quantileRank } from "./quantileSketch";

/** The JSON form of exact quantiles: every column's finite values, sorted (so it depends only on the multiset). */
export interface ExactQuantilesState {
  kind: "chokepoint.exactQuantiles/1";
  columns: number;
  values: number[][];
  nonFinite: number[];
}

/**
 * Exact quantiles of a few columns (e.g. headline metrics) over draws: keeps every finite value. Memory is
 * 8 bytes × columns × draws, so it suits tens of columns, not thousands of cells (use QuantileSketch there).
 * Merging concatenates; the quantile read back is the exact order statistic ⌊p (n − 1)⌋, the same rank the sketch uses.
 */
export class ExactQuantiles {
  readonly columns: number;
  private data: Float64Array[];
  private length: Int32Array;
  private nonFinite: Uint32Array;

  /** Empty columns. */
  constructor(columns: number) {
    this.columns = columns;
    this.data = Array.from({ length: columns }, () => new Float64Array(16));
    this.length = new Int32Array(columns);
    this.nonFinite = new Uint32Array(columns);
  }

  /** Adds one value to a column (non-finite values are counted apart). */
  addValue(c: number, v: number): void {
    if (!Number.isFinite(v)) {
      this.nonFinite[c]++;
      return;
    }
    let d = this.data[c];
    if (this.length[c] === d.length) {
      const nd = new Float64Array(d.length * 2);
      nd.set(d);
      this.data[c] = d = nd;
    }
    d[this.length[c]++] = v;
  }

  /** Finite values in a column. */
  count(c: number): number {
    return this.length[c];
  }

  /** Non-finite values seen in a column. */
  nonFiniteCount(c: number): number {
    return this.nonFinite[c];
  }

  /** A column's finite values, sorted ascending (a copy). */
  sorted(c: number): Float64Array {
    return this.data[c].slice(0, this.length[c]).sort();
  }

  /** Adds another's values (same number of columns). */
  merge(other: ExactQuantiles): this {
    if (other.columns !== this.columns) throw new Error("exact quantiles: cannot merge different column counts");
    for (let c = 0; c < this.columns; c++) {
      const d = other.data[c];
      for (let i = 0; i < other.length[c]; i++) this.addValue(c, d[i]);
      this.nonFinite[c] += other.nonFinite[c];
    }
    return this;
  }

  /** Quantiles at `probs` for every column, probability-major (out[p · columns + c]); NaN for an empty column. */
  quantiles(probs: readonly number[]): Float64Array {
    const out = new Float64Array(probs.length * this.columns);
    for (let c = 0; c < this.columns; c++) {
      const s = this.sorted(c);
      probs.forEach((p, i) => (out[i * this.columns + c] = s.length ? s[quantileRank(p, s.length)] : NaN));
    }
    return out;
  }

  /** Share of a column's finite values for which `test` holds (NaN when empty). */
  share(c: number, test: (v: number) => boolean): number {
    const n = this.length[c];
    if (!n) return NaN;
    let k = 0;
    for (let i = 0; i < n; i++) if (test(this.data[c][i])) k++;
    return k / n;
  }

  /** The canonical JSON form. */
  toJSON(): ExactQuantilesState {
    return { kind: "chokepoint.exactQuantiles/1", columns: this.columns, values: Array.from({ length: this.columns }, (_, c) => Array.from(this.sorted(c))), nonFinite: Array.from(this.nonFinite) };
  }

  /** From the JSON form; throws a clear error when malformed. */
  static fromJSON(s: ExactQuantilesState): ExactQuantiles {
    if (!s || s.kind !== "chokepoint.exactQuantiles/1" || !Array.isArray(s.values) || s.values.length !== s.columns || !Array.isArray(s.nonFinite)) throw new Error("exact quantiles: malformed state");
    const q = new ExactQuantiles(s.columns);
    s.values.forEach((col, c) => {
      if (!Array.isArray(col) || !col.every((v) => typeof v === "number" && Number.isFinite(v))) throw new Error(`exact quantiles: malformed column ${c}`);
      for (const v of col) q.addValue(c, v);
      q.nonFinite[c] = s.nonFinite[c] ?? 0;
    });
    return q;
  }
}
