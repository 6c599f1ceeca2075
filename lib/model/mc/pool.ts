import { mergePartials, type FanResult } from "./merge";
import type { FromWorker, PassShareRow, ToWorker } from "./protocol";
import { splitParams } from "./tornado";
import type { MonteCarloPartial, MonteCarloSpec, TornadoSwing } from "./types";
import type { Scenario } from "../types";

/** The part of a Worker (browser Web Worker, or an adapted Node worker_threads Worker) the pool uses. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  terminate(): void;
}

/** How a job ended. */
export type JobEnd = "done" | "cancelled" | "error";

/** A running job: cancel it, or wait for its end. */
export interface JobHandle {
  cancel(): void;
  done: Promise<JobEnd>;
}

/** Runs of all shards together before the first partial result ("a first fan after a few hundred runs"). */
export const FIRST_FAN_RUNS = 256;

/**
 * Monte Carlo, sensitivity and pass shares spread over a few workers. A newer request of a kind cancels the
 * older one of that kind (its late messages are ignored). Results arrive as merged quantiles, never raw runs.
 */
export interface MonteCarloPool {
  readonly size: number;
  /** Starts a Monte Carlo; `onUpdate` receives the merged result after each shard's partial, the last one with done = true. */
  monteCarlo(spec: MonteCarloSpec, onUpdate: (fan: FanResult) => void, onError?: (message: string) => void): JobHandle;
  /** Swings every listed parameter low to high; `onResult` receives all swings once every worker has answered. */
  tornado(base: Scenario, metric: string, params: readonly string[], onResult: (swings: TornadoSwing[]) => void, onError?: (message: string) => void): JobHandle;
  /** Claim pass shares over `draws` seeded draws, computed in one worker. */
  passShares(draws: number, seed: number, onResult: (rows: PassShareRow[]) => void, onError?: (message: string) => void): JobHandle;
  /** Stops every worker. */
  dispose(): void;
}

/** A pool of `size` workers made by `makeWorker` (two by default). */
export function createMonteCarloPool(makeWorker: () => WorkerLike, size = 2): MonteCarloPool {
  const workers = Array.from({ length: Math.max(1, size) }, makeWorker);
  const listeners = new Map<number, (msg: FromWorker, worker: number) => void>();
  let nextJob = 1;
  const current: Record<"mc" | "tornado" | "passShares", JobHandle | null> = { mc: null, tornado: null, passShares: null };
  workers.forEach((w, k) => {
    w.onmessage = (e) => listeners.get(e.data.job)?.(e.data, k);
  });

  /** Registers a job of a kind, cancelling the previous one of that kind. */
  const start = (kind: keyof typeof current, targets: number[], send: (job: number) => void, handle: (job: number, msg: FromWorker, worker: number, finish: (end: JobEnd) => void) => void): JobHandle => {
    current[kind]?.cancel();
    const job = nextJob++;
    let finish!: (end: JobEnd) => void;
    const done = new Promise<JobEnd>((resolve) => {
      finish = (end) => {
        if (!listeners.has(job)) return;
        listeners.delete(job);
        if (current[kind] === h) current[kind] = null;
        resolve(end);
      };
    });
    const h: JobHandle = {
      cancel: () => {
        if (!listeners.has(job)) return;
        for (const t of targets) workers[t].postMessage({ type: "cancel", job });
        finish("cancelled");
      },
      done,
    };
    listeners.set(job, (msg, worker) => handle(job, msg, worker, finish));
    current[kind] = h;
    send(job);
    return h;
  };
  const all = workers.map((_, k) => k);

  return {
    size: workers.length,
    monteCarlo(spec, onUpdate, onError) {
      const parts: (MonteCarloPartial | null)[] = workers.map(() => null);
      const ids = { series: spec.series, metrics: spec.metrics, clearing: spec.clearing, total: spec.runs, seed: spec.seed };
      const of = workers.length;
      const firstAt = Math.max(1, Math.ceil(FIRST_FAN_RUNS / of));
      const every = Math.max(250, Math.ceil(spec.runs / of / 6));
      return start(
        "mc",
        all,
        (job) => workers.forEach((w, index) => w.postMessage({ type: "mc", job, request: { ...spec, shard: { index, of }, firstAt, every } })),
        (_job, msg, worker, finish) => {
          if (msg.type === "partial") {
            parts[worker] = msg.partial;
            const fan = mergePartials(parts, ids);
            if (fan) onUpdate(fan);
            if (fan?.done) finish("done");
          } else if (msg.type === "error") {
            onError?.(msg.message);
            finish("error");
          }
        },
      );
    },
    tornado(base, metric, params, onResult, onError) {
      const lists = splitParams(params, workers.length);
      const got: (TornadoSwing[] | null)[] = lists.map(() => null);
      const targets = lists.map((_, k) => k);
      return start(
        "tornado",
        targets,
        (job) => lists.forEach((list, k) => workers[k].postMessage({ type: "tornado", job, request: { base, metric, params: list } })),
        (_job, msg, worker, finish) => {
          if (msg.type === "tornado") {
            got[worker] = msg.swings;
            if (got.every(Boolean)) {
              onResult(got.flat() as TornadoSwing[]);
              finish("done");
            }
          } else if (msg.type === "error") {
            onError?.(msg.message);
            finish("error");
          }
        },
      );
    },
    passShares(draws, seed, onResult, onError) {
      const target = workers.length - 1;
      return start(
        "passShares",
        [target],
        (job) => workers[target].postMessage({ type: "passShares", job, draws, seed }),
        (_job, msg, _w, finish) => {
          if (msg.type === "passShares") {
            onResult(msg.rows);
            finish("done");
          } else if (msg.type === "error") {
            onError?.(msg.message);
            finish("error");
          }
        },
      );
    },
    dispose() {
      for (const k of Object.keys(current) as (keyof typeof current)[]) current[k]?.cancel();
      for (const w of workers) w.terminate();
      listeners.clear();
    },
  };
}
