/** Monte Carlo over the catalog's bands and one-at-a-time sensitivity: pure, runs in any worker or thread. */
export * from "./types";
export { metricNumber, clearIndex } from "./metricValue";
export { runMonteCarloShard, type ShardHost } from "./shard";
export { runTornadoShard, rankTornado, splitParams, type TornadoBar } from "./tornado";
export { mergePartials, seriesBands, metricQuantile, clearedShare, clearingQuantile, type FanResult, type FanIds } from "./merge";
export { createMonteCarloPool, FIRST_FAN_RUNS, type MonteCarloPool, type WorkerLike, type JobHandle, type JobEnd } from "./pool";
export { createWorkerCore, type WorkerShell } from "./workerCore";
export type { ToWorker, FromWorker, PassShareRow } from "./protocol";
