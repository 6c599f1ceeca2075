/**
 * Scratch arrays for one run's internal paths and stocks. A run takes them in the same order every time, so
 * each slot's array is made once and handed out again, zeroed, to the next run: a fresh small Float64Array
 * costs about 0.7 µs (its backing store lives outside the JS heap) and a run needs some seventy of them.
 * Nothing taken here may leave `simulate` (the run's series live on a buffer of their own), and a run must
 * not start inside another — `simulate` is synchronous and never calls itself.
 */
class Scratch {
  private f64 = new Slots((n) => new Float64Array(n));
  private i32 = new Slots((n) => new Int32Array(n));

  /** Starts a run: every slot is free again. */
  begin(): void {
    this.f64.next = 0;
    this.i32.next = 0;
  }

  /** A zeroed Float64Array of length n. */
  take(n: number): Float64Array {
    return this.f64.take(n);
  }

  /** A Float64Array holding `from` times `factor` (a plain copy by default). */
  copy(from: ArrayLike<number>, factor = 1): Float64Array {
    const a = this.take(from.length);
    for (let i = 0; i < from.length; i++) a[i] = from[i] * factor;
    return a;
  }

  /** A zeroed Int32Array of length n. */
  takeInt(n: number): Int32Array {
    return this.i32.take(n);
  }
}

/** The arrays of one element type, handed out in order from `next`. */
class Slots<A extends Float64Array | Int32Array> {
  next = 0;
  private readonly arrays: A[] = [];
  constructor(private readonly make: (n: number) => A) {}
  take(n: number): A {
    const k = this.next++;
    let a = this.arrays[k];
    if (a === undefined || a.length !== n) this.arrays[k] = a = this.make(n);
    else a.fill(0);
    return a;
  }
}

/** The one scratch area of this thread's runs. */
export const scratch = new Scratch();

/**
 * A list of `n` items made by `make(i)`, built the same way in every run (a loop of pushes), so that the
 * stages' optimised code sees one hidden class for a run's lists of arrays (lists from `map` did not always share
 * one, and each new one threw that code away: measured with --trace-deopt).
 */
export function listOf<T>(n: number, make: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(i));
  return out;
}
