import { createMonteCarloPool, type MonteCarloPool, type WorkerLike } from "../model/mc/pool";

/** Workers in the page's pool: two, fixed, so that a link gives the same bands on any machine. */
export const WORKERS = 2;

/** A Monte Carlo pool of Web Workers running lib/workers/mc.worker.ts; null where workers are unavailable (server render). */
export function createBrowserPool(size = WORKERS): MonteCarloPool | null {
  if (typeof Worker === "undefined") return null;
  return createMonteCarloPool(() => new Worker(new URL("./mc.worker.ts", import.meta.url), { type: "module", name: "chokepoint-mc" }) as unknown as WorkerLike, size);
}
