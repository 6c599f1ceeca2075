/// <reference lib="webworker" />
/**
 * The Monte Carlo Web Worker: runs shards, swings and pass shares through the shared worker core, posting
 * quantiles over transferred buffers. Pauses with a MessageChannel hop so cancels are read between chunks.
 */
import { createWorkerCore } from "../model/mc/workerCore";
import type { ToWorker } from "../model/mc/protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const core = createWorkerCore({
  post: (msg, transfer) => scope.postMessage(msg, transfer),
  pause: () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  }),
  // The calibration code is loaded only when pass shares are asked for.
  passShares: async (draws, seed) =>
    (await import("../scenario/robustness")).claimPassShares({ draws, seed, drivers: true }).map((r) => ({ id: r.id, passShare: r.passShare, drivers: r.drivers ?? [] })),
});

scope.onmessage = (e: MessageEvent<ToWorker>) => core(e.data);
