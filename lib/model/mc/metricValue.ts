import { yearMean } from "../metrics";
import type { Run } from "../types";

/**
 * A metric of a run as one number, for sampling and sensitivity: `clearsAt.<id>` as a month index (0 when
 * never short, the month count when it lasts beyond the horizon), a peak as its value, a number as itself, and
 * `revenuePerGpuHour.<gen>.<year>` as that generation's mean revenue per GPU-hour over the year (USD / GPU-hour).
 * NaN when the run does not define it.
 */
export function metricNumber(run: Run, id: string): number {
  if (id.startsWith("clearsAt.")) return clearIndex(run, id.slice("clearsAt.".length));
  const m = run.metrics[id];
  if (typeof m === "number") return m;
  if (m && typeof m === "object" && typeof m.value === "number") return m.value;
  const rev = /^revenuePerGpuHour\.([A-Za-z0-9_-]+)\.(\d{4})$/.exec(id);
  if (rev) {
    const s = run.series[`revenuePerGpuHour.${rev[1]}`];
    return s ? yearMean(s, run.months, Number(rev[2])) : NaN;
  }
  return NaN;
}

/** The month index by which a shortage has cleared: 0 when it never starts, months.length when it lasts beyond the horizon. */
export function clearIndex(run: Run, shortage: string): number {
  const status = run.metrics[`shortageStatus.${shortage}`];
  if (status === "none") return 0;
  const month = run.metrics[`clearsAt.${shortage}`];
  if (status === "clears" && typeof month === "string") {
    const i = run.months.indexOf(month);
    if (i >= 0) return i;
  }
  return run.months.length;
}
