import { seriesToCsv, tableToCsv, type CsvColumn } from "./csv";

/** One chart's content for a data package, workbook or slide: its words, its source and its numbers. */
export interface ChartData {
  id: string;
  title: string;
  /** What is plotted, with units, as the chart's subtitle says it. */
  subtitle: string;
  /** The units of the chart's axes. */
  units: string;
  /** The chart's data sources (files and publishers). */
  sources: string[];
  /** Model version, date and data sources in one line. */
  sourceLine: string;
  /** One sentence computed from the run: what the chart shows for this scenario. */
  reading: string;
  /** Monthly columns (with a pinned baseline's after the scenario's), for charts with a time axis. */
  months?: string[];
  columns?: CsvColumn[];
  /** A table of text cells, for charts without a time axis (e.g. calibration). */
  table?: { columns: string[]; rows: string[][] };
}

/** One changed assumption of the scenario (or of its pinned baseline), with the provenance of the preset value. */
export interface AssumptionExport {
  /** "scenario" or "baseline". */
  of: "scenario" | "baseline";
  id: string;
  label: string;
  value: string;
  presetValue: string;
  provenance: string;
}

/** One headline card: label, value and note as the workspace shows them. */
export interface CardExport {
  label: string;
  value: string;
  note?: string;
  /** The change against a pinned baseline, when one is pinned. */
  delta?: string;
}

/** Everything a scenario's deliverables carry: who, what, when, which version, and the charts. */
export interface ScenarioExport {
  /** The preset's name. */
  title: string;
  thesis: string;
  presetId: string;
  /** The absolute share link of the scenario. */
  url: string;
  /** The scenario's short digest (scenarioDigest of its query). */
  digest: string;
  /** The day the export is made, YYYY-MM-DD. */
  asOf: string;
  modelVersion: string;
  /** A line naming the pinned baseline, when one is pinned. */
  baselineNote?: string;
  assumptions: AssumptionExport[];
  cards: CardExport[];
  charts: ChartData[];
}

/** A chart's numbers as CSV: its monthly columns, or its table. */
export function chartDataCsv(c: ChartData): string {
  if (c.months && c.columns) return seriesToCsv(c.months, c.columns);
  return tableToCsv(c.table?.columns ?? [], c.table?.rows ?? []);
}

/** The changed assumptions as CSV rows with provenance. */
export function assumptionsCsv(rows: readonly AssumptionExport[]): string {
  return tableToCsv(["of", "id", "assumption", "value", "preset value", "provenance of the preset value"], rows.map((r) => [r.of, r.id, r.label, r.value, r.presetValue, r.provenance]));
}

/** The changed assumptions in one paragraph per line (for speaker notes and footers). */
export function assumptionLines(rows: readonly AssumptionExport[]): string[] {
  return rows.map((r) => `${r.of === "baseline" ? "Baseline — " : ""}${r.label}: ${r.value} (preset: ${r.presetValue}). ${r.provenance}`);
}
