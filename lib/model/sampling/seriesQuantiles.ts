import type { Run } from "../types";
import { DEFAULT_RELATIVE_ACCURACY, QuantileSketch, SketchRunBuffer, type QuantileSketchState } from "./quantileSketch";

/** The quantiles charts draw: p5, p10, p50, p90, p95. */
export const FAN_PROBS: readonly number[] = [0.05, 0.1, 0.5, 0.9, 0.95];

/** Quantiles of many series over runs, as one transferable buffer. */
export interface SeriesQuantilesResult {
  probs: Float64Array;
  seriesIds: string[];
  months: number;
  /** Runs counted. */
  runs: number;
  /** values[(p · seriesIds.length + s) · months + t]: quantile probs[p] of series s in month t. */
  values: Float64Array;
  /** Relative error bound of every value (the sketch's α). */
  relativeAccuracy: number;
}

/** The JSON form of a SeriesQuantiles accumulator. */
export interface SeriesQuantilesState {
  kind: "chokepoint.seriesQuantiles/1";
  seriesIds: string[];
  months: number;
  runs: number;
  sketch: QuantileSketchState;
}

/** One band of a result: the months of quantile `prob` of one series (a view on the result's buffer). */
export function seriesBand(r: SeriesQuantilesResult, seriesId: string, prob: number): Float64Array {
  const s = r.seriesIds.indexOf(seriesId);
  const p = Array.prototype.indexOf.call(r.probs, prob);
  if (s < 0) throw new Error(`series quantiles: no series ${seriesId}`);
  if (p < 0) throw new Error(`series quantiles: no quantile ${prob}`);
  return r.values.subarray((p * r.seriesIds.length + s) * r.months, (p * r.seriesIds.length + s + 1) * r.months);
}

/**
 * Streaming, mergeable quantiles of chosen series (each month a cell of one QuantileSketch). Runs are buffered
 * in batches and added cell by cell, which keeps each cell's buckets in cache; the counts, and so every result,
 * are the same as adding run by run.
 */
export class SeriesQuantiles {
  readonly seriesIds: string[];
  readonly months: number;
  private readonly sketch: QuantileSketch;
  private runCount = 0;
  private readonly pending: SketchRunBuffer;

  /** An empty accumulator for these series over `months` months. */
  constructor(seriesIds: readonly string[], months: number, relativeAccuracy = DEFAULT_RELATIVE_ACCURACY, sketch?: QuantileSketch) {
    this.seriesIds = [...seriesIds];
    this.months = months;
    this.sketch = sketch ?? new QuantileSketch(seriesIds.length * months, relativeAccuracy);
    this.pending = new SketchRunBuffer(this.sketch);
  }

  /** Runs added so far. */
  get runs(): number {
    return this.runCount;
  }

  /** Adds one run's values of every tracked series; throws if a series is missing or the horizon differs. */
  addRun(run: Run): void {
    if (run.months.length !== this.months) throw new Error(`series quantiles: run has ${run.months.length} months, expected ${this.months}`);
    for (const id of this.seriesIds) if (!run.series[id]) throw new Error(`series quantiles: run has no series ${id}`);
    // Each series is coded where the run holds it (a run's series are exactly `months` long).
    for (let s = 0; s < this.seriesIds.length; s++) this.pending.addCells(run.series[this.seriesIds[s]], s * this.months, this.months);
    this.pending.endRun();
    this.runCount++;
  }

  /** Adds another accumulator's runs (same series and months). */
  merge(other: SeriesQuantiles): this {
    if (other.months !== this.months || other.seriesIds.join("\n") !== this.seriesIds.join("\n")) throw new Error("series quantiles: cannot merge accumulators of different series or horizons");
    this.pending.flush();
    other.pending.flush();
    this.sketch.merge(other.sketch);
    this.runCount += other.runCount;
    return this;
  }

  /** The quantiles so far (FAN_PROBS by default) in one Float64Array, ready to transfer. */
  result(probs: readonly number[] = FAN_PROBS): SeriesQuantilesResult {
    this.pending.flush();
    return { probs: Float64Array.from(probs), seriesIds: [...this.seriesIds], months: this.months, runs: this.runCount, values: this.sketch.quantiles(probs), relativeAccuracy: this.sketch.relativeAccuracy };
  }

  /** The canonical JSON form (for shard files). */
  toJSON(): SeriesQuantilesState {
    this.pending.flush();
    return { kind: "chokepoint.seriesQuantiles/1", seriesIds: [...this.seriesIds], months: this.months, runs: this.runCount, sketch: this.sketch.toJSON() };
  }

  /** From the JSON form; throws a clear error when malformed. */
  static fromJSON(s: SeriesQuantilesState): SeriesQuantiles {
    if (!s || s.kind !== "chokepoint.seriesQuantiles/1" || !Array.isArray(s.seriesIds) || !Number.isInteger(s.months) || !Number.isInteger(s.runs)) throw new Error("series quantiles: malformed state");
    const sketch = QuantileSketch.fromJSON(s.sketch);
    if (sketch.cells !== s.seriesIds.length * s.months) throw new Error("series quantiles: sketch size does not match series × months");
    const q = new SeriesQuantiles(s.seriesIds, s.months, sketch.relativeAccuracy, sketch);
    q.runCount = s.runs;
    return q;
  }
}
