/**
 * A run's output buffer kept from one run to the next: one ArrayBuffer of every series (n months each) and its
 * views, keyed by series id. `simulate(scenario, into)` writes into it (zeroed first) instead of allocating a
 * buffer and some two hundred views per run, about 9 % of a default run (docs/model.md §3). The run returned then
 * shares these series: it is valid until the next run into the same buffer, so only a runner that summarises each
 * run before starting the next (a Monte Carlo shard, a sensitivity swing) may pass one.
 */
export class RunBuffer {
  /** Months per series of the buffer now held (0 before the first run). */
  n = 0;
  /** Series views of the current buffer, keyed by id. */
  series: Record<string, Float64Array> = Object.create(null);
  private all: Float64Array = new Float64Array(0);

  /** The series of a run of n months over these ids: the held views zeroed, or new ones when n changed. */
  take(ids: readonly string[], n: number): Record<string, Float64Array> {
    if (n === this.n && this.all.length === ids.length * n) {
      this.all.fill(0);
      return this.series;
    }
    const buffer = new ArrayBuffer(ids.length * n * 8);
    const series: Record<string, Float64Array> = Object.create(null);
    for (let i = 0; i < ids.length; i++) series[ids[i]] = new Float64Array(buffer, i * n * 8, n);
    this.all = new Float64Array(buffer);
    this.series = series;
    this.n = n;
    return series;
  }
}
