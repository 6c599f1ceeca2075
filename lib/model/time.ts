/** Months since the start month for a "YYYY-MM" label (may be negative). */
export function monthIndex(label: string, start = "2024-01"): number {
  const [y, m] = label.split("-").map(Number);
  const [y0, m0] = start.split("-").map(Number);
  return (y - y0) * 12 + (m - m0);
}

/** Year and month (1–12) of the month `t` steps after `start`. */
function yearMonth(t: number, start: string): { year: number; month: number } {
  const [y0, m0] = start.split("-").map(Number);
  const k = y0 * 12 + (m0 - 1) + t;
  return { year: Math.floor(k / 12), month: (k % 12) + 1 };
}

/** "YYYY-MM" label of the month `t` steps after `start`. */
export function monthLabel(t: number, start = "2024-01"): string {
  const { year, month } = yearMonth(t, start);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The calendar quarter ("YYYY-Qn") of a year and month (1–12). */
export const quarterLabel = (year: number, month: number): string => `${year}-Q${Math.ceil(month / 3)}`;

/** The calendar quarter ("YYYY-Qn") of the month `t` steps after `start`. */
export function monthQuarter(t: number, start = "2024-01"): string {
  const { year, month } = yearMonth(t, start);
  return quarterLabel(year, month);
}

const labelCache = new Map<string, readonly string[]>();
const countCache = new Map<string, number>();

/**
 * Months from `start` through December of `endYear`, computed once per horizon: the integer read back from the
 * cache keeps every run's setup on one representation (the label arithmetic could come back from optimised code as
 * a boxed double and throw setup's optimised code away once a worker warmed up; measured with --trace-deopt).
 */
export function monthCount(endYear: number, start = "2024-01"): number {
  const key = `${start}:${endYear}`;
  let n = countCache.get(key);
  if (n === undefined) countCache.set(key, (n = monthIndex(`${endYear}-12`, start) + 1));
  return n;
}

/** Month labels for the run from `start` through December of `endYear` (a fresh copy each call). */
export function monthLabels(endYear: number, start = "2024-01"): string[] {
  const key = `${start}:${endYear}`;
  let labels = labelCache.get(key);
  if (!labels) {
    const n = monthCount(endYear, start);
    labels = Array.from({ length: n }, (_, t) => monthLabel(t, start));
    labelCache.set(key, labels);
  }
  return labels.slice();
}

/** Hours in an average month. */
export const HOURS_PER_MONTH = 730;
/** Seconds in an average month. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
