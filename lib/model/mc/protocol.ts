import type { MonteCarloPartial, MonteCarloShardRequest, TornadoShardRequest, TornadoSwing } from "./types";

/** A message to a Monte Carlo worker. `job` ties replies to requests; a cancel names the job it stops. */
export type ToWorker =
  | { type: "mc"; job: number; request: MonteCarloShardRequest }
  | { type: "tornado"; job: number; request: TornadoShardRequest }
  | { type: "passShares"; job: number; draws: number; seed: number }
  | { type: "cancel"; job: number };

/** A claim's pass share as a worker reports it, with the assumptions its measured value moves with most. */
export interface PassShareRow {
  id: string;
  passShare: number | null;
  /** Parameter ids and Spearman's ρ with the claim's value over the draws (lib/scenario/drivers.ts). */
  drivers?: { id: string; rho: number }[];
}

/** A message from a Monte Carlo worker. */
export type FromWorker =
  | { type: "partial"; job: number; partial: MonteCarloPartial }
  | { type: "tornado"; job: number; swings: TornadoSwing[] }
  | { type: "passShares"; job: number; rows: PassShareRow[] }
  | { type: "cancelled"; job: number }
  | { type: "error"; job: number; message: string };

/** The typed-array buffers of a message, to transfer rather than copy. */
export function transferablesOf(msg: FromWorker): ArrayBuffer[] {
  if (msg.type !== "partial") return [];
  const p = msg.partial;
  return [p.series.buffer, p.metrics.buffer, p.cleared.buffer] as ArrayBuffer[];
}
