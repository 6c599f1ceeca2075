import type { MetricValue } from "../model";

/** A metric as recorded in tests/golden-urls.json: a number, a month or label, or null. */
export type FlatMetricValue = number | string | null;

/**
 * Flattens a run's metrics for recording and comparison: a peak becomes `<id>.value` and `<id>.month`;
 * numbers, labels and nulls stay as they are. Keys are sorted so recordings diff cleanly.
 */
export function flattenMetrics(metrics: Record<string, MetricValue>): Record<string, FlatMetricValue> {
  const out: Record<string, FlatMetricValue> = {};
  for (const id of Object.keys(metrics).sort()) {
    const m = metrics[id];
    if (m !== null && typeof m === "object") {
      out[`${id}.value`] = m.value;
      out[`${id}.month`] = m.month;
    } else {
      out[id] = m;
    }
  }
  return out;
}

/** Whether a recorded metric still holds: numbers within a relative tolerance, everything else exactly. */
export function metricMatches(recorded: FlatMetricValue, actual: FlatMetricValue, relTol = 1e-9): boolean {
  if (typeof recorded === "number" && typeof actual === "number") {
    if (recorded === actual) return true;
    return Math.abs(recorded - actual) <= relTol * Math.max(Math.abs(recorded), Math.abs(actual));
  }
  return recorded === actual;
}
