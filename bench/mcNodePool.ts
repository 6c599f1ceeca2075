import { Worker } from "node:worker_threads";
import { createMonteCarloPool, type MonteCarloPool, type WorkerLike } from "../lib/model/mc/pool";
import type { FromWorker, ToWorker } from "../lib/model/mc/protocol";

/** A Monte Carlo pool of Node worker_threads running bench/mcNodeWorker.ts (the browser pool's logic and worker core). */
export function createNodePool(size = 2): MonteCarloPool {
  return createMonteCarloPool(() => {
    const w = new Worker(new URL("./mcNodeWorker.mjs", import.meta.url));
    const like: WorkerLike = {
      onmessage: null,
      postMessage: (msg: ToWorker) => w.postMessage(msg),
      terminate: () => void w.terminate(),
    };
    w.on("message", (data: FromWorker) => like.onmessage?.({ data }));
    return like;
  }, size);
}

/** Resolves once every worker of a pool has loaded the model (a one-run job answered by each). */
export async function warmPool(pool: MonteCarloPool, spec: Parameters<MonteCarloPool["monteCarlo"]>[0]): Promise<void> {
  await pool.monteCarlo({ ...spec, runs: pool.size * 8 }, () => {}).done;
}
