import { csvFormatRows } from "d3-dsv";
import type { Run } from "../model";
import { exportNumber } from "./precision";

/** One CSV column: its header label, its unit, and one value per month. */
export interface CsvColumn {
  label: string;
  unit: string;
  values: ArrayLike<number | string | null | undefined>;
}

/** A column's header: "Label (unit)", or the label alone when it has no unit. */
export function csvHeader(label: string, unit: string): string {
  return unit ? `${label} (${unit})` : label;
}

/** A cell: numbers to the significant digits of their unit (see precision.ts), empty for missing or non-finite. */
function cell(v: number | string | null | undefined, unit: string): string {
  if (typeof v === "number") return exportNumber(v, unit);
  return v ?? "";
}

/**
 * Series as CSV (d3-dsv): the first line is the header (no comments before it), "month" then each column
 * with its unit; then one row per month. Fields are quoted as needed; lines end with "\n".
 */
export function seriesToCsv(months: readonly string[], columns: readonly CsvColumn[]): string {
  const rows: string[][] = [["month", ...columns.map((c) => csvHeader(c.label, c.unit))]];
  months.forEach((m, t) => rows.push([m, ...columns.map((c) => cell(c.values[t], c.unit))]));
  return `${csvFormatRows(rows)}\n`;
}

/**
 * Columns for some of a run's series (numeric or categorical), labelled and with units from the run's meta.
 * `suffix` marks the columns of a pinned baseline, e.g. " — baseline". Unknown ids are skipped.
 */
export function runColumns(run: Run, seriesIds: readonly string[], suffix = ""): CsvColumn[] {
  const out: CsvColumn[] = [];
  for (const id of seriesIds) {
    const values = run.series[id] ?? run.labels[id];
    if (!values) continue;
    const meta = run.meta[id] ?? { label: id, unit: "" };
    out.push({ label: meta.label + suffix, unit: meta.unit === "category" ? "" : meta.unit, values });
  }
  return out;
}

/** A chart's columns: the chosen series of a run, then the same series of a baseline run (aligned by month) when one is pinned. */
export function chartColumns(run: Run, seriesIds: readonly string[], baseline?: Run): CsvColumn[] {
  const columns = runColumns(run, seriesIds);
  // A baseline may span other months (another end year): align it by month label.
  if (baseline) {
    const index = new Map(baseline.months.map((m, t) => [m, t]));
    for (const c of runColumns(baseline, seriesIds, " — baseline")) {
      const src = c.values;
      columns.push({ ...c, values: run.months.map((m) => (index.has(m) ? src[index.get(m)!] : null)) });
    }
  }
  return columns;
}

/** A chart's numbers as CSV: the chosen series of a run, then the same series of a baseline run when one is pinned. */
export function runToCsv(run: Run, seriesIds: readonly string[], baseline?: Run): string {
  return seriesToCsv(run.months, chartColumns(run, seriesIds, baseline));
}

/** A table that has no month axis (e.g. calibration claims) as CSV: the header line, then one line per row. */
export function tableToCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${csvFormatRows([[...columns], ...rows.map((r) => [...r])])}\n`;
}
