import { runMonteCarloShard } from "./shard";
import { runTornadoShard } from "./tornado";
import { transferablesOf, type FromWorker, type PassShareRow, type ToWorker } from "./protocol";

/** What a worker shell supplies: a way to post (with transfers) and a way to yield to its event loop. */
export interface WorkerShell {
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  pause(): Promise<void>;
  /** Computes claim pass shares (loaded on first use, so the sampler's calibration code stays out of other jobs). */
  passShares?(draws: number, seed: number): Promise<PassShareRow[]>;
}

/**
 * The message handler of a Monte Carlo worker, shared by the browser worker and the Node benchmark's
 * worker_threads: runs shards and swings, honours cancels between chunks, never throws.
 */
export function createWorkerCore(shell: WorkerShell): (msg: ToWorker) => void {
  const cancelled = new Set<number>();
  const send = (msg: FromWorker) => shell.post(msg, transferablesOf(msg));
  return (msg) => {
    if (msg.type === "cancel") {
      cancelled.add(msg.job);
      return;
    }
    const job = msg.job;
    const fail = (e: unknown) => send({ type: "error", job, message: e instanceof Error ? e.message : String(e) });
    if (msg.type === "mc") {
      runMonteCarloShard(msg.request, { emit: (partial) => send({ type: "partial", job, partial }), cancelled: () => cancelled.has(job), pause: shell.pause })
        .then((finished) => {
          if (!finished) send({ type: "cancelled", job });
          cancelled.delete(job);
        })
        .catch(fail);
    } else if (msg.type === "tornado") {
      // A tornado is a few hundred runs at most: it runs to the end, and its answer is dropped if superseded.
      shell.pause().then(() => (cancelled.has(job) ? send({ type: "cancelled", job }) : send({ type: "tornado", job, swings: runTornadoShard(msg.request) }))).catch(fail);
    } else if (msg.type === "passShares") {
      if (!shell.passShares) return fail(new Error("this worker cannot compute pass shares"));
      shell.passShares(msg.draws, msg.seed).then((rows) => send({ type: "passShares", job, rows })).catch(fail);
    }
  };
}
