import type { Run } from "../model";
import { clearIndex } from "../model/mc/metricValue";

/**
 * Where a run's shortage clears on the time axis: -1 when there is none, the horizon's length when it lasts beyond.
 * Its own module so the compare table can sort by it without bringing in the shortage explanation (explain.ts),
 * which loads only when a "Why?" panel opens.
 */
export function clearingIndex(run: Run, input: string): number {
  return run.metrics[`shortageStatus.${input}`] === "none" ? -1 : clearIndex(run, input);
}
