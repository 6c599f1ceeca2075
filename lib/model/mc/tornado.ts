import { PARAM_BY_ID } from "../catalog";
import { simulate } from "../simulate";
import type { Scenario } from "../types";
import { metricNumber } from "./metricValue";
import type { TornadoShardRequest, TornadoSwing } from "./types";

/** Swings each requested parameter from its catalog low to its high, the others at the scenario's values. */
export function runTornadoShard(req: TornadoShardRequest): TornadoSwing[] {
  const out: TornadoSwing[] = [];
  for (const id of req.params) {
    const spec = PARAM_BY_ID.get(id);
    if (!spec) continue;
    const at = (v: number): number => {
      const s: Scenario = { ...req.base, params: { ...req.base.params, [id]: v } };
      return metricNumber(simulate(s), req.metric);
    };
    out.push({ param: id, low: spec.low, high: spec.high, atLow: at(spec.low), atHigh: at(spec.high) });
  }
  return out;
}

/** A ranked tornado bar: the swing and its size. */
export interface TornadoBar extends TornadoSwing {
  /** |atHigh − atLow|, the bar's length in the metric's unit (0 when undefined). */
  effect: number;
}

/**
 * Ranks swings by effect, largest first (ties by parameter id, so the order is stable); parameters whose swing
 * does not move the metric, or leaves it undefined, are dropped.
 */
export function rankTornado(swings: readonly TornadoSwing[]): TornadoBar[] {
  return swings
    .map((s) => ({ ...s, effect: Number.isFinite(s.atLow) && Number.isFinite(s.atHigh) ? Math.abs(s.atHigh - s.atLow) : 0 }))
    .filter((b) => b.effect > 0)
    .sort((a, b) => b.effect - a.effect || (a.param < b.param ? -1 : a.param > b.param ? 1 : 0));
}

/** Splits parameter ids into `parts` interleaved lists (round-robin), one per worker. */
export function splitParams(ids: readonly string[], parts: number): string[][] {
  const out: string[][] = Array.from({ length: Math.max(1, parts) }, () => []);
  ids.forEach((id, i) => out[i % out.length].push(id));
  return out;
}
