/**
 * Scratch arrays for one run's internal paths and stocks. A run takes them in the same order every time, so
 * each slot's array is made once and handed out again, zeroed, to the next run: a fresh small Float64Array
 * costs about 0.7 µs (its backing store lives outside the JS heap) and a run needs some seventy of them.
 * Nothing taken here may leave `simulate` (the run's series live on a buffer of their own), and a run must
 * not start inside another — `simulate` is synchronous and never calls itself.
 */
class Scratch {
  private f64: Float64Array[] = [];
  private i32: Int32Array[] = [];
  private nextF = 0;
  private nextI = 0;

  /** Starts a run: every slot is free again. */
  begin(): void {
    this.nextF = 0;
    this.nextI = 0;
  }

  /** A zeroed Float64Array of length n. */
  take(n: number): Float64Array {
    const k = this.nextF++;
    let a = this.f64[k];
    if (a === undefined || a.length !== n) this.f64[k] = a = new Float64Array(n);
    else a.fill(0);
    return a;
  }

  /** A Float64Array holding a copy of `from`. */
  copy(from: ArrayLike<number>): Float64Array {
    const a = this.take(from.length);
    for (let i = 0; i < from.length; i++) a[i] = from[i];
    return a;
  }

  /** A zeroed Int32Array of length n. */
  takeInt(n: number): Int32Array {
    const k = this.nextI++;
    let a = this.i32[k];
    if (a === undefined || a.length !== n) this.i32[k] = a = new Int32Array(n);
    else a.fill(0);
    return a;
  }
}

/** The one scratch area of this thread's runs. */
export const scratch = new Scratch();
