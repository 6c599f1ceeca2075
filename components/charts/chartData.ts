import type { Run } from "@/lib/model";
import { chartColumns, exportSourceLine, MODEL_VERSION, type ChartData } from "@/lib/export";
import { CHART_SOURCES, CHART_UNITS } from "./sources";
import type { ChartBase } from "./types";

/** A chart's content for deliverables: title, units, sources, its one-line reading, and its numbers (with a pinned baseline's). */
export function chartExportData(chart: ChartBase, run: Run, baselineRun: Run | null | undefined, asOf: string): ChartData {
  const sources = CHART_SOURCES[chart.id] ?? [];
  const base = {
    id: chart.id,
    title: chart.title,
    subtitle: chart.baselineNote ? `${chart.subtitle}. ${chart.baselineNote}` : chart.subtitle,
    units: CHART_UNITS[chart.id] ?? chart.subtitle,
    sources,
    sourceLine: exportSourceLine(MODEL_VERSION, sources, asOf),
    reading: chart.description,
  };
  if (chart.csvSeries?.length) return { ...base, months: run.months, columns: chartColumns(run, chart.csvSeries, baselineRun ?? undefined) };
  return { ...base, table: chart.table() };
}
