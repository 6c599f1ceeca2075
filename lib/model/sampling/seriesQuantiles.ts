import type { Run } from "../types";
import { DEFAULT_RELATIVE_ACCURACY, QuantileSketch, type QuantileSketchState } from "./quantileSketch";

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

/** Streaming, mergeable quantiles of chosen series (each month a cell of one QuantileSketch). */
export class SeriesQuantiles {
  readonly seriesIds: string[];
  readonly months: number;
  private readonly sketch: QuantileSketch;
  private runCount = 0;

  /** An empty accumulator for these series over `months` months. */
  constructor(seriesIds: readonly string[], months: number, relativeAccuracy = DEFAULT_RELATIVE_ACCURACY, sketch?: QuantileSketch) {
    this.seriesIds = [...seriesIds];
    this.months = months;
    this.sketch = sketch ?? new QuantileSketch(seriesIds.length * months, relativeAccuracy);
  }

  /** Runs added so far. */
  get runs(): number {
    return this.runCount;
  }

  /** Adds one run's values of every tracked series; throws if a series is missing or the horizon differs. */
  addRun(run: Run): void {
    if (run.months.length !== this.months) throw new Error(`series quantiles: run has ${run.months.length} months, expected ${this.months}`);
    this.seriesIds.forEach((id, s) => {
      const v = run.series[id];
      if (!v) throw new Error(`series quantiles: run has no series ${id}`);
      this.sketch.addValues(v, s * this.months);
    });
    this.runCount++;
  }

  /** Adds another accumulator's runs (same series and months). */
  merge(other: SeriesQuantiles): this {
    if (other.months !== this.months || other.seriesIds.join("\n") !== this.seriesIds.join("\n")) throw new Error("series quantiles: cannot merge accumulators of different series or horizons");
    this.sketch.merge(other.sketch);
    this.runCount += other.runCount;
    return this;
  }

  /** The quantiles so far (FAN_PROBS by default) in one Float64Array, ready to transfer. */
  result(probs: readonly number[] = FAN_PROBS): SeriesQuantilesResult {
    return { probs: Float64Array.from(probs), seriesIds: [...this.seriesIds], months: this.months, runs: this.runCount, values: this.sketch.quantiles(probs), relativeAccuracy: this.sketch.relativeAccuracy };
  }

  /** The canonical JSON form (for shard files). */
  toJSON(): SeriesQuantilesState {
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
