/** Coalesces URL writes so that dragging a slider does not flood the browser history. */
export interface UrlWriteThrottle {
  /** Asks for `query` to be written: on the next task when idle, else as the latest pending write. */
  write(query: string): void;
  /** Writes the pending query now (e.g. before the page unloads or a link is copied). */
  flush(): void;
  /** Drops the pending query and stops the timer (e.g. when the page unmounts). */
  cancel(): void;
}

/**
 * Makes a throttle that calls `writeFn` at most once per `minIntervalMs`: the first write goes out on the next
 * task (0 ms), later ones within the interval are coalesced and the last of them is written when it ends. A query equal
 * to the last one written is skipped. Safari allows about 100 history updates per 30 s; 350 ms keeps under 86.
 */
export function createUrlWriteThrottle(writeFn: (query: string) => void, minIntervalMs = 350): UrlWriteThrottle {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: string | null = null;
  let last: string | null = null;

  const emit = (query: string) => {
    if (query === last) return false;
    last = query;
    writeFn(query);
    return true;
  };
  const tick = () => {
    timer = null;
    if (pending !== null) {
      const q = pending;
      pending = null;
      if (emit(q)) timer = setTimeout(tick, minIntervalMs);
    }
  };

  return {
    write(query) {
      pending = query;
      // The leading write goes out on the next task, never inside the input event that made it: a history
      // update can take tens of milliseconds in the browser, which a key press or a drag must not wait for.
      if (timer === null) timer = setTimeout(tick, 0);
    },
    flush() {
      if (pending === null) return;
      const q = pending;
      pending = null;
      if (emit(q)) {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(tick, minIntervalMs);
      }
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
