import { createWorkerCore, type FromWorker, type ToWorker, type WorkerLike } from "@/lib/model/mc";

/** A WorkerLike running the worker's own message handler in this thread, with messages delivered asynchronously (as a real worker's are). */
export function inProcessWorker(): WorkerLike & { posted: ToWorker[] } {
  let alive = true;
  const w: WorkerLike & { posted: ToWorker[] } = {
    posted: [],
    onmessage: null,
    postMessage(msg) {
      w.posted.push(msg);
      setImmediate(() => alive && core(structuredClone(msg)));
    },
    terminate() {
      alive = false;
    },
  };
  const core = createWorkerCore({
    post: (msg: FromWorker) => setImmediate(() => alive && w.onmessage?.({ data: msg })),
    pause: () => new Promise((r) => setImmediate(r)),
  });
  return w;
}
