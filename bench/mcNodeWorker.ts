/** The Monte Carlo worker for Node's worker_threads: the same worker core as the browser's Web Worker. */
import { parentPort } from "node:worker_threads";
import { createWorkerCore } from "../lib/model/mc/workerCore";
import type { ToWorker } from "../lib/model/mc/protocol";

const port = parentPort!;
const core = createWorkerCore({
  post: (msg, transfer) => port.postMessage(msg, transfer),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
});
port.on("message", (msg: ToWorker) => core(msg));
