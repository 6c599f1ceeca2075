/**
 * The benchmark table: each measurement is a function returning rows (label, target, figure, holds); the
 * harness runs a list of them in one process and prints one table. Other measurements (Monte Carlo runs …)
 * slot in by adding their function to the list in bench/run.ts.
 */

/** One line of the table. */
export interface BenchRow {
  /** What is measured, in words. */
  label: string;
  /** The target, with its unit ("≤ 0.3 ms"). */
  target: string;
  /** The measured figure, with its unit. */
  figure: string;
  /** Whether the target holds; null when it could not be judged (skipped, or a quick run's few samples). */
  holds: boolean | null;
  /** The raw number behind the figure, for results.json. */
  value?: number;
  /** A short note: how it was measured, or why it was skipped or missed. */
  note?: string;
}

/** What a measurement is given: whether this is a quick run, and the page server's address if one is up. */
export interface BenchContext {
  quick: boolean;
  /** Base URL of a production server of the app (bench/server.ts starts one), or null when none could start. */
  baseURL: string | null;
}

/** A measurement: one or more rows, measured in this run. */
export type Measurement = { name: string; run(ctx: BenchContext): Promise<BenchRow[]> };

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The table as aligned text. */
export function formatTable(rows: BenchRow[]): string {
  const head = ["measure", "target", "figure", "holds"];
  const cells = rows.map((r) => [r.label, r.target, r.figure, r.holds === null ? "n/a" : r.holds ? "yes" : "NO"]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join("  ").trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  · ${r.label}: ${r.note}`);
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n");
}
