import { approxLog2, bucketValue, keyMultiplier } from "./bucketMapping";

/**
 * A mergeable quantile sketch over many cells at once (one cell = one series in one month), after DDSketch
 * (Masson, Rim & Lee, VLDB 2019): each finite value is counted in a bucket whose bounds differ by a ratio of at
 * most γ = (1+α)/(1−α) (keys from the bits of the value, `bucketMapping.ts`), so a quantile read back is within a
 * relative error α of the exact order statistic of the same rank.
 * Counts are integers, so merging adds them: the merge of shards equals the sketch of the whole sample exactly,
 * in any order. Values with |x| ≤ ZERO_THRESHOLD count as 0 (an absolute error of at most that);
 * non-finite values are counted apart and excluded.
 */

/** Default relative accuracy α of the sketch: quantiles within ±0.1 % of the exact order statistic. */
export const DEFAULT_RELATIVE_ACCURACY = 0.001;
/**
 * Relative accuracy of the workspace's fan charts: ±0.5 %, under a pixel on a 300 px chart whose axis spans the
 * value, and far inside the p10–p90 bands it draws. A sketch's memory, and so the cost of adding a run (its
 * buckets are cache misses), grows as 1/α: at ±0.1 % the 9,288 charted cells of a default-scenario Monte Carlo
 * hold about 75 MB of buckets, at ±0.5 % about 15 MB, and adding a run takes about 2× as long at ±0.1 % (about
 * 50 against 24 ns a value, measured over 1,000 default-scenario runs into an empty sketch, quantiles included).
 */
export const CHART_RELATIVE_ACCURACY = 0.005;
/** Magnitudes at or below this are counted as exactly zero. */
export const ZERO_THRESHOLD = 1e-12;
/**
 * The finest relative accuracy a sketch accepts: at 1e-4 the keys of doubles above ZERO_THRESHOLD lie within
 * −139,510 … 3,584,000, inside the range the codes below leave to positive keys (and the charted cells would
 * already hold some 375 MB of buckets).
 */
export const MIN_RELATIVE_ACCURACY = 1e-4;

/**
 * Codes of values that a SketchRunBuffer stores in place of the values: a positive value's key as it is (below
 * NEG_CODE / 2 = 2²²), a negative value's key plus NEG_CODE (2²³), and two codes for zero and for a non-finite value.
 */
const NEG_CODE = 1 << 23, ZERO_CODE = 1 << 25, NON_FINITE_CODE = ZERO_CODE + 1;

/** The rank of quantile p among n sorted values (0-based): the lower order statistic ⌊p (n − 1)⌋. */
export function quantileRank(p: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(p * (n - 1))));
}

/** The kind tag of a sketch's JSON form; format 1 keyed buckets by exact logarithms, which format 2's keys do not match. */
const SKETCH_KIND = "chokepoint.quantileSketch/2";
const FORMAT_1_KIND = "chokepoint.quantileSketch/1";

/** The JSON form of a sketch: canonical (a function of the multiset of values added), so shards compare byte for byte. */
export interface QuantileSketchState {
  kind: typeof SKETCH_KIND;
  relativeAccuracy: number;
  cells: number;
  /** Per cell: exact min and max of the finite values (null when none). */
  min: (number | null)[];
  max: (number | null)[];
  zero: number[];
  nonFinite: number[];
  /** Per cell: [first key, counts…, −k for a run of k empty buckets…] of positive (for neg: negated negative) values' buckets; null when empty. */
  pos: (number[] | null)[];
  neg: (number[] | null)[];
}

class Store {
  offsets: Int32Array;
  bins: (Uint32Array | null)[];
  constructor(cells: number) {
    this.offsets = new Int32Array(cells);
    this.bins = new Array(cells).fill(null);
  }
  add(c: number, k: number, count = 1): void {
    const b = this.bins[c];
    if (b) {
      const i = k - this.offsets[c];
      if (i >= 0 && i < b.length) {
        b[i] += count;
        return;
      }
    }
    this.grow(c, k)[k - this.offsets[c]] += count;
  }
  /** Cell c's buckets, grown (once) so that they cover keys lo … hi. */
  cover(c: number, lo: number, hi: number): Uint32Array {
    this.add(c, lo, 0);
    this.add(c, hi, 0);
    return this.bins[c]!;
  }
  /** Adds another store's buckets for cell c (offset `off`). */
  addAll(c: number, off: number, src: Uint32Array): void {
    if (!this.bins[c]) {
      this.offsets[c] = off;
      this.bins[c] = src.slice();
      return;
    }
    const b = this.cover(c, off, off + src.length - 1), d = off - this.offsets[c];
    for (let i = 0; i < src.length; i++) b[d + i] += src[i];
  }
  private grow(c: number, k: number): Uint32Array {
    const b = this.bins[c];
    if (!b) {
      const nb = new Uint32Array(64);
      this.offsets[c] = k - 32;
      this.bins[c] = nb;
      return nb;
    }
    const off = this.offsets[c];
    const lo = Math.min(off, k), hi = Math.max(off + b.length - 1, k);
    // Grow with slack on the side that grew, so a drifting cell reallocates rarely.
    const slack = Math.max(32, b.length >> 1);
    const newLo = k < off ? lo - slack : lo;
    const newLen = hi - newLo + 1 + (k > off + b.length - 1 ? slack : 0);
    const nb = new Uint32Array(newLen);
    nb.set(b, off - newLo);
    this.offsets[c] = newLo;
    this.bins[c] = nb;
    return nb;
  }
  /**
   * [first key, then counts], zeros trimmed from both ends and every inner run of k zero buckets written as −k
   * (so a sparse cell stays short); null when empty. A function of the counts only, hence canonical.
   */
  encode(c: number): number[] | null {
    const b = this.bins[c];
    if (!b) return null;
    let i0 = 0, i1 = b.length - 1;
    while (i0 <= i1 && b[i0] === 0) i0++;
    while (i1 >= i0 && b[i1] === 0) i1--;
    if (i0 > i1) return null;
    const out = [this.offsets[c] + i0];
    let zeros = 0;
    for (let i = i0; i <= i1; i++) {
      if (b[i] === 0) zeros++;
      else {
        if (zeros) out.push(-zeros);
        zeros = 0;
        out.push(b[i]);
      }
    }
    return out;
  }

  /** Sets a cell from its encoded form; false when the form is malformed. */
  decode(c: number, enc: unknown): boolean {
    if (!Array.isArray(enc) || enc.length < 2 || !enc.every((x) => Number.isInteger(x))) return false;
    let len = 0;
    for (let i = 1; i < enc.length; i++) len += enc[i] < 0 ? -enc[i] : 1;
    const b = new Uint32Array(len);
    let j = 0;
    for (let i = 1; i < enc.length; i++) {
      if (enc[i] < 0) j -= enc[i];
      else b[j++] = enc[i];
    }
    this.offsets[c] = enc[0];
    this.bins[c] = b;
    return true;
  }
}

/** Quantiles of many cells over draws, with a stated relative error, mergeable exactly across shards. */
export class QuantileSketch {
  readonly cells: number;
  readonly relativeAccuracy: number;
  /** Keys are ⌈approxLog2(v) × multiplier⌉ (`bucketMapping.ts`). */
  private readonly multiplier: number;
  private readonly pos: Store;
  private readonly neg: Store;
  private readonly zero: Uint32Array;
  private readonly nonFinite: Uint32Array;
  /** Per cell: finite values counted (kept as they are added, so reading quantiles needs no pass to count them). */
  private readonly finite: Uint32Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  /** One value and its code, for addValue. */
  private readonly oneValue = new Float64Array(1);
  private readonly one = new Int32Array(1);
  /**
   * Bucket representatives already computed, by key (`bucketValue` inverts the key mapping by Newton's method,
   * and the cells of a sketch share most of their keys: with this, reading a default Monte Carlo's quantiles took
   * a fraction of the time, with the same values).
   */
  private readonly reps = new Map<number, number>();

  /** An empty sketch over `cells` cells. */
  constructor(cells: number, relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    if (!(Number.isInteger(cells) && cells >= 0)) throw new Error(`quantile sketch: cells must be a non-negative integer, got ${cells}`);
    if (!(relativeAccuracy >= MIN_RELATIVE_ACCURACY && relativeAccuracy < 1)) throw new Error(`quantile sketch: relative accuracy must be at least ${MIN_RELATIVE_ACCURACY} and below 1, got ${relativeAccuracy}`);
    this.cells = cells;
    this.relativeAccuracy = relativeAccuracy;
    this.multiplier = keyMultiplier(relativeAccuracy);
    this.pos = new Store(cells);
    this.neg = new Store(cells);
    this.zero = new Uint32Array(cells);
    this.nonFinite = new Uint32Array(cells);
    this.finite = new Uint32Array(cells);
    this.min = new Float64Array(cells).fill(Infinity);
    this.max = new Float64Array(cells).fill(-Infinity);
  }

  /** Adds one value to one cell. */
  addValue(c: number, v: number): void {
    this.oneValue[0] = v;
    // Stride 0: the one code lands in one[0] whatever the cell.
    this.codeRun(this.oneValue, 1, this.one, 0, 0, c);
    this.addCodes(c, this.one, 1, 0);
  }

  /**
   * Codes one run's values (values[i] for cells cell0 + i, i = 0 … n − 1) into `codes[cell · stride + at]` and
   * updates those cells' min and max; `addCodes` counts them later. Coding a whole run at once reads the run in
   * order, and counting a cell's codes together keeps that cell's buckets in cache.
   */
  codeRun(values: ArrayLike<number>, n: number, codes: Int32Array, stride: number, at: number, cell0 = 0): void {
    // A value's code (NEG_CODE and the others above): its bucket key, or where it is counted instead.
    const min = this.min, max = this.max, mult = this.multiplier;
    for (let i = 0, c = cell0, j = cell0 * stride + at; i < n; i++, c++, j += stride) {
      const v = values[i];
      let code: number;
      if (v > ZERO_THRESHOLD) {
        if (v === Infinity) {
          codes[j] = NON_FINITE_CODE;
          continue;
        }
        code = Math.ceil(approxLog2(v) * mult);
      } else if (v < -ZERO_THRESHOLD) {
        if (v === -Infinity) {
          codes[j] = NON_FINITE_CODE;
          continue;
        }
        code = Math.ceil(approxLog2(-v) * mult) + NEG_CODE;
      } else if (v === v) code = ZERO_CODE;
      else {
        codes[j] = NON_FINITE_CODE;
        continue;
      }
      codes[j] = code;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }

  /** Counts `n` codes of `codeRun` (codes[from …]) into cell c. */
  addCodes(c: number, codes: Int32Array, n: number, from: number): void {
    const pos = this.pos;
    let b = pos.bins[c], off = pos.offsets[c], len = b === null ? 0 : b.length;
    let nonFinite = 0;
    for (let i = from, end = from + n; i < end; i++) {
      const k = codes[i];
      const j = k - off;
      // One unsigned comparison tests 0 ≤ j < len (a negative j wraps to a large one).
      if (j >>> 0 < len) b![j]++;
      else if (k < NEG_CODE >> 1) {
        pos.add(c, k);
        b = pos.bins[c]!;
        off = pos.offsets[c];
        len = b.length;
      } else if (k < ZERO_CODE) this.neg.add(c, k - NEG_CODE);
      else if (k === ZERO_CODE) this.zero[c]++;
      else nonFinite++;
    }
    this.nonFinite[c] += nonFinite;
    this.finite[c] += n - nonFinite;
  }

  /** Number of finite values counted in a cell. */
  count(c: number): number {
    return this.finite[c];
  }

  /** The finite values of a cell counted from its buckets (count(c) keeps the same number as values are added). */
  private countBuckets(c: number): number {
    let n = this.zero[c];
    const pb = this.pos.bins[c], nb = this.neg.bins[c];
    if (pb !== null) for (let i = 0; i < pb.length; i++) n += pb[i];
    if (nb !== null) for (let i = 0; i < nb.length; i++) n += nb[i];
    return n;
  }

  /** Number of non-finite values seen in a cell (excluded from its quantiles). */
  nonFiniteCount(c: number): number {
    return this.nonFinite[c];
  }

  /** Adds another sketch's counts into this one (same cells and accuracy). */
  merge(other: QuantileSketch): this {
    if (other.cells !== this.cells || other.relativeAccuracy !== this.relativeAccuracy) throw new Error("quantile sketch: cannot merge sketches of different shapes or accuracies");
    for (let c = 0; c < this.cells; c++) {
      this.zero[c] += other.zero[c];
      this.nonFinite[c] += other.nonFinite[c];
      this.finite[c] += other.finite[c];
      if (other.min[c] < this.min[c]) this.min[c] = other.min[c];
      if (other.max[c] > this.max[c]) this.max[c] = other.max[c];
      for (const [mine, theirs] of [[this.pos, other.pos], [this.neg, other.neg]] as const) {
        const b = theirs.bins[c];
        if (b) mine.addAll(c, theirs.offsets[c], b);
      }
    }
    return this;
  }

  /**
   * Quantiles at `probs` (ascending, in [0, 1]) for every cell: a Float64Array of probs.length × cells,
   * probability-major (out[p · cells + c]). A cell with no finite value gives NaN. Each value is the
   * bucket's representative 2 lo hi / (lo + hi) of its bounds, clamped to the cell's exact min and max (which are returned
   * exactly for the first and last rank).
   */
  quantiles(probs: readonly number[], out = new Float64Array(probs.length * this.cells)): Float64Array {
    for (let i = 1; i < probs.length; i++) if (!(probs[i] >= probs[i - 1])) throw new Error("quantile sketch: probabilities must be ascending");
    const np = probs.length, cells = this.cells;
    const ranks = new Float64Array(np);
    for (let c = 0; c < cells; c++) {
      const n = this.count(c);
      if (n === 0) {
        for (let p = 0; p < np; p++) out[p * cells + c] = NaN;
        continue;
      }
      for (let p = 0; p < np; p++) ranks[p] = quantileRank(probs[p], n);
      const lo = this.min[c], hi = this.max[c];
      let p = 0, seen = 0;
      // The extremes are known exactly.
      while (p < np && ranks[p] === 0) out[p++ * cells + c] = lo;
      // Most negative first: negative buckets by descending key, then zero, then positive by ascending key.
      const nb = this.neg.bins[c];
      if (nb !== null) {
        const off = this.neg.offsets[c];
        for (let i = nb.length - 1; i >= 0 && p < np; i--) {
          if (nb[i] === 0) continue;
          seen += nb[i];
          if (ranks[p] < seen) {
            const v = Math.min(hi, Math.max(lo, -this.rep(off + i)));
            while (p < np && ranks[p] < seen) out[p++ * cells + c] = v;
          }
        }
      }
      if (this.zero[c] > 0) {
        seen += this.zero[c];
        while (p < np && ranks[p] < seen) out[p++ * cells + c] = Math.min(hi, Math.max(lo, 0));
      }
      const pb = this.pos.bins[c];
      if (pb !== null) {
        const off = this.pos.offsets[c];
        for (let i = 0; i < pb.length && p < np; i++) {
          if (pb[i] === 0) continue;
          seen += pb[i];
          if (ranks[p] < seen) {
            const v = Math.min(hi, Math.max(lo, this.rep(off + i)));
            while (p < np && ranks[p] < seen) out[p++ * cells + c] = v;
          }
        }
      }
      for (let q = np - 1; q >= 0 && ranks[q] === n - 1; q--) out[q * cells + c] = hi;
    }
    return out;
  }

  /** The representative of bucket key k (`bucketValue`), computed once per key. */
  private rep(k: number): number {
    let v = this.reps.get(k);
    if (v === undefined) this.reps.set(k, (v = bucketValue(k, this.multiplier)));
    return v;
  }

  /** The canonical JSON form. */
  toJSON(): QuantileSketchState {
    const fin = (v: number) => (Number.isFinite(v) ? v : null);
    const cellsRange = Array.from({ length: this.cells }, (_, c) => c);
    return {
      kind: SKETCH_KIND,
      relativeAccuracy: this.relativeAccuracy,
      cells: this.cells,
      min: Array.from(this.min, fin),
      max: Array.from(this.max, fin),
      zero: Array.from(this.zero),
      nonFinite: Array.from(this.nonFinite),
      pos: cellsRange.map((c) => this.pos.encode(c)),
      neg: cellsRange.map((c) => this.neg.encode(c)),
    };
  }

  /** A sketch from its JSON form; throws a clear error when the form is malformed. */
  static fromJSON(s: QuantileSketchState): QuantileSketch {
    const bad = (why: string) => new Error(`quantile sketch: malformed state (${why})`);
    if (s && (s.kind as string) === FORMAT_1_KIND) throw new Error("quantile sketch: this state uses sketch format 1 (an earlier version's logarithmic keys), whose buckets do not line up with format 2; rerun the shard with this version");
    if (!s || s.kind !== SKETCH_KIND) throw bad("wrong kind");
    const q = new QuantileSketch(s.cells, s.relativeAccuracy);
    for (const k of ["min", "max", "zero", "nonFinite", "pos", "neg"] as const) if (!Array.isArray(s[k]) || s[k].length !== s.cells) throw bad(`${k} must have one entry per cell`);
    for (let c = 0; c < s.cells; c++) {
      q.min[c] = s.min[c] ?? Infinity;
      q.max[c] = s.max[c] ?? -Infinity;
      q.zero[c] = s.zero[c];
      q.nonFinite[c] = s.nonFinite[c];
      for (const [store, enc] of [[q.pos, s.pos[c]], [q.neg, s.neg[c]]] as const) {
        if (enc === null) continue;
        if (!store.decode(c, enc)) throw bad(`cell ${c} buckets`);
      }
      q.finite[c] = q.countBuckets(c);
    }
    return q;
  }
}

/** Runs buffered by a SketchRunBuffer before they go into the sketch cell by cell. */
export const RUN_BATCH = 128;

/**
 * Adds whole runs (one value per cell) to a sketch in batches: each run's values are coded into bucket keys as
 * they come (`codeRun`, reading the run in order) and stored cell-major; a full batch is counted cell by cell
 * (`addCodes`), which keeps each cell's buckets in cache. Storing 4-byte keys rather than 8-byte values halves
 * the batch's memory, so a batch of 128 runs over the ~10,000 charted cells takes 5 MB; measured over 3,000
 * default-scenario runs this adds a run in a little over half the time of adding 32-run batches of values. The
 * counts, and so every quantile, are the same as adding each run as it comes.
 */
export class SketchRunBuffer {
  private readonly codes: Int32Array;
  private buffered = 0;
  /** A buffer for runs of `cells` values (the sketch's first `cells` cells). */
  constructor(
    private readonly sketch: QuantileSketch,
    private readonly cells = sketch.cells,
  ) {
    this.codes = new Int32Array(cells * RUN_BATCH);
  }
  /** Buffers one run: `values[c]` for cell c; adds the batch once it is full. */
  add(values: ArrayLike<number>): void {
    this.addCells(values, 0, this.cells);
    this.endRun();
  }
  /**
   * Buffers part of the run being added: values[i] for cell cell0 + i, i = 0 … n − 1, read where the run holds
   * them (a series) rather than copied into one row first. Give every cell, then call `endRun`.
   */
  addCells(values: ArrayLike<number>, cell0: number, n: number): void {
    this.sketch.codeRun(values, n, this.codes, RUN_BATCH, this.buffered, cell0);
  }
  /** Ends the run being added by `addCells`; adds the batch once it is full. */
  endRun(): void {
    if (++this.buffered === RUN_BATCH) this.flush();
  }
  /** Adds the buffered runs to the sketch (call before reading it). */
  flush(): void {
    if (this.buffered === 0) return;
    for (let c = 0; c < this.cells; c++) this.sketch.addCodes(c, this.codes, this.buffered, c * RUN_BATCH);
    this.buffered = 0;
  }
}
